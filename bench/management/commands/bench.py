"""Requests per second of each public page role, uncached, from the page cache and through Varnish,
beside a bare Django view.

    manage.py bench [--rounds 4] [--seconds 3] [--connections 8] [--roles home,entry] [--json] [--no-varnish]

Starts three gunicorn servers on free loopback ports (production settings, DEBUG off, 2 sync
workers each): the project with the full-page cache off (``PAGE_CACHE=0``), the project with it
on, and ``bench.bare_settings`` (one view, no middleware). The runs are interleaved (per round:
the bare view, then each role on each tier; Varnish, in front of the cached server, when varnishd
is installed, unless ``--no-varnish``) so a busy machine slows every column alike;
the table shows the median of the rounds. The servers are always stopped.
"""

import contextlib
import json
import statistics
import tempfile

from django.core.management.base import BaseCommand, CommandError

from bench import load, servers, varnish
from bench.roles import ROLES, resolve

SERVERS = {
    "uncached": ("portal.settings.base", {"PAGE_CACHE": "0"}),
    "cached": ("portal.settings.base", {"PAGE_CACHE": "1"}),
    "bare": ("bench.bare_settings", {}),
}
BARE = "bare Django view"
# Columns of the table: the app without and with its page cache, and Varnish in front of the latter.
TIERS = ("uncached", "cached", "varnish")


def _median(measures):
    # A run in which no request finished has no latency: it counts for the rate only.
    timed = [m for m in measures if m.requests_per_second] or measures
    return load.Measure(
        statistics.median(m.requests_per_second for m in measures),
        statistics.median(m.p50_ms for m in timed),
        statistics.median(m.p99_ms for m in timed),
        sum(m.errors for m in measures),
    )


def _cells(measure):
    """req/s, p50, p99; no latency when no request finished within a run."""
    if not measure.requests_per_second:
        return "0 | – | –"
    return f"{measure.requests_per_second:.1f} | {measure.p50_ms:.1f} | {measure.p99_ms:.1f}"


def _ratio(measure, bare):
    return f"{measure.requests_per_second / bare.requests_per_second:.1%}" if bare.requests_per_second else "–"


class Command(BaseCommand):
    help = "Benchmark each public page role (uncached and cached) against a bare Django view, on this machine."

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=4)
        parser.add_argument("--seconds", type=int, default=3, help="length of each run")
        parser.add_argument("--connections", type=int, default=8)
        parser.add_argument("--roles", default=",".join(ROLES), help=f"comma-separated, of: {', '.join(ROLES)}")
        parser.add_argument("--json", action="store_true", dest="as_json", help="print the results as JSON")
        parser.add_argument("--no-varnish", action="store_false", dest="with_varnish", help="skip the Varnish column")

    def handle(self, *args, rounds, seconds, connections, roles, as_json, with_varnish, **options):
        wanted = [role.strip() for role in roles.split(",") if role.strip()]
        unknown = sorted(set(wanted) - set(ROLES))
        if unknown or not wanted:
            raise CommandError(f"Unknown role(s) {', '.join(unknown)}; choose among {', '.join(ROLES)}.")
        if not (1 <= rounds <= 20 and 1 <= seconds <= 60 and 1 <= connections <= 64):
            raise CommandError("--rounds 1–20, --seconds 1–60, --connections 1–64.")
        targets = resolve(wanted)
        if not targets:
            raise CommandError("No page to measure: load the demo (manage.py load_demo) first.")
        for role in wanted:
            if role not in targets:
                self.stderr.write(f"{role}: no live page in the database, skipped.")
        servers.ensure_static(self.stderr)
        try:
            with servers.running(SERVERS) as running, self._proxy(running["cached"], with_varnish) as port:
                ports = {"uncached": running["uncached"].port, "cached": running["cached"].port, "varnish": port}
                results = self._measure(ports, running["bare"].port, targets, rounds, seconds, connections)
        except (servers.ServerError, varnish.VarnishError) as error:
            raise CommandError(str(error)) from error
        if as_json:
            self._print_json(results, targets)
        else:
            self._print_table(results, targets, rounds, seconds, connections)

    @contextlib.contextmanager
    def _proxy(self, app, wanted):
        """The port of varnishd in front of ``app`` (None when skipped or not installed)."""
        if not wanted or varnish.varnishd() is None:
            if wanted:
                self.stderr.write("varnishd is not installed (apt-get install varnish): no Varnish column.")
            yield None
            return
        with tempfile.TemporaryDirectory(prefix="bench-varnish-") as folder:
            process, port = varnish.start(folder, app.port)
            try:
                yield port
            finally:
                varnish.stop(process)

    def _measure(self, ports, bare_port, targets, rounds, seconds, connections):
        tiers = [name for name in TIERS if ports[name]]
        for role, target in list(targets.items()):
            for name in tiers:
                # Twice per worker: every worker's caches are warm before the clock starts.
                statuses = {servers.status(ports[name], target.host, target.path) for _ in range(2 * servers.WORKERS)}
                if statuses != {200}:
                    self.stderr.write(f"{role}: {target.path} answered {sorted(statuses)} ({name}), skipped.")
                    del targets[role]
                    break
        per_round = 1 + len(tiers) * len(targets)
        self.stderr.write(
            f"Measuring with {load.generator()}: {rounds} round(s) of {per_round} runs of "
            f"{seconds} s, {connections} connections (about {rounds * per_round * seconds} s)."
        )
        measures = {}
        for round_number in range(rounds):
            measures.setdefault((BARE, "bare"), []).append(
                load.measure(bare_port, "localhost", "/", seconds, connections)
            )
            for role, target in targets.items():
                for name in tiers:
                    measure = load.measure(ports[name], target.host, target.path, seconds, connections)
                    measures.setdefault((role, name), []).append(measure)
            self.stderr.write(f"  round {round_number + 1}/{rounds} done")
        return {key: _median(values) for key, values in measures.items()}

    def _print_json(self, results, targets):
        bare = results[(BARE, "bare")]
        data = {
            "generator": load.generator(),
            "bare": vars(bare),
            "roles": {
                role: {
                    "host": target.host,
                    "path": target.path,
                    **{name: vars(results[(role, name)]) for name in TIERS if (role, name) in results},
                }
                for role, target in targets.items()
            },
        }
        self.stdout.write(json.dumps(data, indent=2))

    def _print_table(self, results, targets, rounds, seconds, connections):
        bare = results[(BARE, "bare")]
        self.stdout.write(
            f"gunicorn, {servers.WORKERS} sync workers, {connections} connections, {rounds} round(s) of "
            f"{seconds} s, {load.generator()}; medians"
        )
        header = (
            "| role | uncached req/s | p50 ms | p99 ms | cached req/s | p50 ms | p99 ms "
            "| Varnish req/s | p50 ms | p99 ms | uncached / bare | cached / bare | Varnish / bare |"
        )
        self.stdout.write(header)
        self.stdout.write("| --- " * 13 + "|")
        for role in targets:
            measured = [results.get((role, name)) for name in TIERS]
            cells = " | ".join(_cells(measure) if measure else "– | – | –" for measure in measured)
            ratios = " | ".join(_ratio(measure, bare) if measure else "–" for measure in measured)
            self.stdout.write(f"| {role} | {cells} | {ratios} |")
        self.stdout.write(f"| {BARE} | {_cells(bare)} | – | – | – | – | – | – | 100% | – | – |")
        for role in targets:
            errors = sum(results[(role, name)].errors for name in TIERS if (role, name) in results)
            if errors:
                self.stdout.write(f"{role}: {errors} answer(s) were errors (not 2xx/3xx) during the runs.")
        for role, target in targets.items():
            self.stdout.write(f"  {role}: http://{target.host}{target.path}")
