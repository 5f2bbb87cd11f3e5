"""Load one URL for a few seconds and report requests per second, p50 and p99.

``wrk`` (Debian: ``apt-get install wrk``) when it is installed: written in C, it leaves the
cores to the server. Otherwise a small load generator in Python threads, which competes with the
server for the CPU: its numbers are lower, and the command says which one measured.
"""

import http.client
import re
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclass
class Measure:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int  # answers other than 2xx/3xx, and socket errors


def generator():
    return "wrk" if shutil.which("wrk") else "python"


def measure(port, host, path, seconds, connections):
    if generator() == "wrk":
        return _wrk(port, host, path, seconds, connections)
    return _python(port, host, path, seconds, connections)


def _ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * _UNITS[unit]


def parse_wrk(output):
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+(?:us|ms|s))\s*$", output, re.MULTILINE))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses:\s+(\d+)", output))
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    return Measure(rate, _ms(latency["50"]), _ms(latency["99"]), errors)


def _wrk(port, host, path, seconds, connections):
    command = [
        shutil.which("wrk"),
        f"-t{min(2, connections)}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--latency",
        "--timeout",
        "10s",
        "-H",
        f"Host: {host}",
        f"http://127.0.0.1:{port}{path}",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=True, timeout=seconds + 30)  # noqa: S603
    return parse_wrk(result.stdout)


def _python(port, host, path, seconds, connections):
    durations, errors, lock = [], [0], threading.Lock()
    deadline = time.monotonic() + seconds

    def client():
        while time.monotonic() < deadline:
            started = time.monotonic()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            try:
                connection.request("GET", path, headers={"Host": host})
                response = connection.getresponse()
                response.read()
                failed = response.status >= 400
            except OSError:
                failed = True
            finally:
                connection.close()
            with lock:
                durations.append((time.monotonic() - started) * 1000)
                errors[0] += failed

    threads = [threading.Thread(target=client, daemon=True) for _ in range(connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 15)
    elapsed = time.monotonic() - started
    durations.sort()

    def percentile(share):
        return durations[min(len(durations) - 1, int(len(durations) * share))] if durations else 0.0

    return Measure(len(durations) / elapsed, percentile(0.5), percentile(0.99), errors[0])
