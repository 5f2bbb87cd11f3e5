"""varnishd with the repository's VCL in front of one app server, on a free loopback port.

Used by ``manage.py bench`` (the proxy tier's column) and by the Varnish tests. The caching
policy is ``deploy/varnish/portal.vcl`` as deployed; only the backend list and the purge ACL
are written for the occasion, in a scratch folder.
"""

import shutil
import socket
import subprocess
import time
from pathlib import Path

from django.conf import settings

from . import servers

VCL = Path(settings.BASE_DIR) / "deploy" / "varnish" / "portal.vcl"
START_TIMEOUT = 30  # seconds


class VarnishError(Exception):
    pass


def varnishd():
    """The varnishd binary, or None when Debian's varnish package is not installed."""
    return shutil.which("varnishd") or next((p for p in ("/usr/sbin/varnishd",) if Path(p).exists()), None)


def probe(host, path):
    """A health probe like production's (deploy/varnish/backends.vcl), quicker to decide."""
    return (
        f'probe app_probe {{ .request = "GET {path} HTTP/1.1" "Host: {host}" "Connection: close"; '
        ".interval = 1s; .timeout = 1s; .window = 3; .threshold = 2; .initial = 2; }\n"
    )


def write_config(folder, backend_port, probe_at=None):
    """The VCL files; ``probe_at`` = (host, path) adds a health probe (a down server turns sick)."""
    checks = probe(*probe_at) if probe_at else ""
    use_probe = ".probe = app_probe; " if probe_at else ""
    (folder / "backends.vcl").write_text(
        f"{checks}"
        f'backend app1 {{ .host = "127.0.0.1"; .port = "{backend_port}"; {use_probe}}}\n'
        "sub vcl_init { new app = directors.round_robin(); app.add_backend(app1); }\n"
        'acl purgers { "127.0.0.1"; }\n'
    )
    main = folder / "default.vcl"
    main.write_text(
        f'vcl 4.1;\nimport directors;\nimport std;\ninclude "{folder / "backends.vcl"}";\ninclude "{VCL}";\n'
    )
    return main


def start(folder, backend_port, probe_at=None):
    """(process, port) of a varnishd answering on loopback; raises VarnishError if it does not start."""
    binary = varnishd()
    if binary is None:
        raise VarnishError("varnishd is not installed (Debian package varnish)")
    folder = Path(folder)
    config = write_config(folder, backend_port, probe_at)
    port = servers.free_port()
    process = subprocess.Popen(  # noqa: S603 (the installed varnishd, our own arguments)
        [binary, "-F", "-j", "none", "-n", str(folder / "work"), "-a", f"127.0.0.1:{port}",
         "-f", str(config), "-s", "malloc,64m", "-T", "none"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, port
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                stop(process)
                raise VarnishError(f"varnishd did not start: {process.stderr.read().decode()[-2000:]}") from None
            time.sleep(0.2)


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
