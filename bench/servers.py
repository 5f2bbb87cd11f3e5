"""Gunicorn on a free loopback port, started and always stopped by the benchmark.

Production settings (``portal.settings.base``, DEBUG off), a throwaway secret key, plain http
(no TLS in front of a loopback port), 2 sync workers: the set-up the numbers are quoted for.
"""

import contextlib
import http.client
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection

WORKERS = 2
START_TIMEOUT = 90  # seconds; workers import the whole project


class ServerError(Exception):
    pass


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen
    log: Path


def database_url():
    """The database this process uses, for the servers (in tests: the test database)."""
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        auth = quote(db["USER"] or "", safe="")
        if db["PASSWORD"]:
            auth += ":" + quote(db["PASSWORD"], safe="")
        return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    name = str(db["NAME"])
    if connection.vendor == "sqlite" and "memory" not in name:
        return f"sqlite:///{name}"
    raise ServerError("The servers need a database other processes can open: set DATABASE_URL (PostgreSQL).")


def ensure_static(stdout):
    """Production settings serve hashed static files from STATIC_ROOT: collect them once if missing.

    Run ``manage.py collectstatic`` yourself after changing static files.
    """
    if (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        return
    stdout.write(f"Collecting static files into {settings.STATIC_ROOT} (once) …")
    subprocess.run(  # noqa: S603 (our own interpreter, fixed arguments)
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=settings.BASE_DIR,
        env=_environment("portal.settings.base", {}),
        check=True,
    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _environment(settings_module, extra):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DATABASE_URL": database_url(),
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "localhost,.localhost,127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(settings.STATIC_ROOT),
        "PYTHONUNBUFFERED": "1",
        **extra,
    }


def start(name, settings_module="portal.settings.base", env=None):
    """Start one gunicorn (does not wait for it: see ``wait_ready``)."""
    port = free_port()
    log = Path(tempfile.mkstemp(prefix=f"bench-{name}-", suffix=".log")[1])
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "portal.wsgi:application",
        "--workers",
        str(WORKERS),
        "--worker-class",
        "sync",
        "--bind",
        f"127.0.0.1:{port}",
        "--graceful-timeout",
        "5",
    ]
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 (our own interpreter, fixed arguments)
            command,
            cwd=settings.BASE_DIR,
            env=_environment(settings_module, env or {}),
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped with every worker
        )
    return Server(name, port, process, log)


def status(port, host, path, timeout=30):
    """The status code of one GET to a loopback port (the Host header names the portal)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": host})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def _answers(server):
    try:
        status(server.port, "localhost", "/healthz", timeout=5)
    except OSError:
        return False
    return True


def wait_ready(servers):
    deadline = time.monotonic() + START_TIMEOUT
    waiting = list(servers)
    while waiting:
        for server in list(waiting):
            if server.process.poll() is not None:
                tail = server.log.read_text(errors="replace")[-2000:]
                raise ServerError(f"gunicorn ({server.name}) stopped while starting:\n{tail}")
            if _answers(server):
                waiting.remove(server)
        if waiting and time.monotonic() > deadline:
            raise ServerError(f"gunicorn ({waiting[0].name}) did not answer within {START_TIMEOUT} s.")
        if waiting:
            time.sleep(0.3)


def stop(server):
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.process.pid, signal.SIGTERM)
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.process.pid, signal.SIGKILL)
        server.process.wait(timeout=5)
    server.log.unlink(missing_ok=True)


@contextlib.contextmanager
def running(specs):
    """Start every server of ``specs`` ({name: (settings_module, env)}), yield them ready, stop them all."""
    servers = {}
    try:
        for name, (settings_module, env) in specs.items():
            servers[name] = start(name, settings_module, env)
        wait_ready(servers.values())
        yield servers
    finally:
        for server in servers.values():
            stop(server)
