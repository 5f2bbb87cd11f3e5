#!/usr/bin/env python3
"""The commands a new user needs (the README's two, ``demo`` and ``test``, and the benchmark).

    python3 dev.py demo     install everything, build every portal with demo content, serve on :8000
                            with a task worker beside it (emails, search index, Wagtail's tasks)
    python3 dev.py test     install everything and run the whole test suite (extra args go to pytest)
    python3 dev.py bench    measure the public pages under gunicorn (extra args go to manage.py bench)

Needs only Python 3.11+, Node.js/npm and git. SQLite by default; set DATABASE_URL to use PostgreSQL.
Installs are skipped when nothing changed since the last run (stamp files in .venv and node_modules).
"""

import contextlib
import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def run(*args, **kwargs):
    print("$", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], cwd=ROOT, check=True, **kwargs)


def _stamp_ok(stamp, *sources):
    digest = hashlib.sha256(b"".join(Path(s).read_bytes() for s in sources if Path(s).exists())).hexdigest()
    return stamp.exists() and stamp.read_text() == digest, digest


def install_python():
    if sys.version_info < (3, 11):  # noqa: UP036 (dev.py may be started by an older system Python)
        sys.exit(f"Python 3.11 or newer is needed (this is {sys.version_info[0]}.{sys.version_info[1]}).")
    if not PYTHON.exists():
        print("Creating the virtual environment in .venv …", flush=True)
        venv.create(VENV, with_pip=True)
    stamp = VENV / ".installed"
    ok, digest = _stamp_ok(stamp, ROOT / "pyproject.toml")
    if not ok:
        run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        run(PYTHON, "-m", "pip", "install", "--quiet", "-e", ".[dev]")
        stamp.write_text(digest)


def install_node():
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("npm is needed to install Bootstrap Italia: install Node.js (which includes npm) and run again.")
    stamp = ROOT / "node_modules" / ".installed"
    ok, digest = _stamp_ok(stamp, ROOT / "package.json", ROOT / "package-lock.json")
    if not ok:
        run(
            npm,
            "ci" if (ROOT / "package-lock.json").exists() else "install",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
        )
        stamp.write_text(digest)
    # Cheap (a few seconds) and depends on the templates (unused CSS is purged): always rebuild.
    run(npm, "run", "--silent", "build")


def manage(*args, env=None):
    run(PYTHON, "manage.py", *args, env=env)


def compile_messages():
    if any((ROOT / "locale").glob("*/LC_MESSAGES/*.po")):
        manage("compile_translations")


def install():
    install_python()
    install_node()
    compile_messages()


def demo():
    install()
    manage("migrate", "--no-input", "-v", "0")
    # The demo's thousands of saves index themselves as they go instead of filling the queue.
    manage("load_demo", env={**os.environ, "TASK_QUEUE": "immediate"})
    print("$ manage.py db_worker (in the background: emails, search index updates, Wagtail's tasks)", flush=True)
    worker = subprocess.Popen(  # noqa: S603
        [str(PYTHON), "manage.py", "db_worker", "--queue-name", "*", "--no-reload", "-v", "0"], cwd=ROOT
    )
    print(
        "\nServing on http://localhost:8000/ (portals at http://<name>.localhost:8000/). Stop with Ctrl+C.\n",
        flush=True,
    )
    try:
        with contextlib.suppress(KeyboardInterrupt):
            manage("runserver", "8000")
    finally:
        worker.terminate()
        worker.wait(timeout=30)


def test(pytest_args):
    install()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
    result = subprocess.run([str(BIN / "pytest"), *pytest_args], cwd=ROOT, env=env, check=False)
    sys.exit(result.returncode)


def bench(bench_args):
    install()
    manage("bench", *bench_args)


def main(argv):
    commands = {
        "demo": lambda: demo(),
        "test": lambda: test(argv[2:]),
        "bench": lambda: bench(argv[2:]),
        "install": install,
    }
    if len(argv) < 2 or argv[1] not in commands:
        sys.exit(__doc__)
    commands[argv[1]]()


if __name__ == "__main__":
    main(sys.argv)
