"""Many citizens registering at once against a running server: does every submission either land or get a clear no?

    manage.py submission_drill http://lucca.localhost:8001/it/iscrivi-la-tua-organizzazione/ \\
        --clients 50 --seconds 10

Each client loads the form (cookie, CSRF and one-time token, as a browser does), sends it,
and now and then sends the very same form again (a double click). The drill reports the
answers by kind and, reading the database this command is configured with, how many
registrations the run stored: accepted must equal stored, and no answer may be a 5xx. It also
says how many of them have their entry already (the task worker creates the entries: with no
worker running, none).

Only loopback servers are accepted (127.0.0.0/8, ::1, localhost and *.localhost): this
is a fault drill for your own machine, bounded in clients and time.
"""

import http.cookiejar
import ipaddress
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from forms.models import ListingRegistration

MAX_CLIENTS = 200
MAX_SECONDS = 120
HIDDEN = re.compile(r'name="(csrfmiddlewaretoken|submission_token)" value="([^"]+)"')


def _is_loopback(host):
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _request(url, **kwargs):
    return urllib.request.Request(url, **kwargs)  # noqa: S310 (the scheme was checked: http or https)


def _open(opener, request):
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace"), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace"), error.headers
    except (urllib.error.URLError, OSError) as error:
        return f"no answer ({type(error).__name__})", "", {}


class Command(BaseCommand):
    help = "Send many registrations at once to a server on this machine and check none is lost or doubled."

    def add_arguments(self, parser):
        parser.add_argument("url", help="the registration page, e.g. http://lucca.localhost:8001/it/iscrivi-…/")
        parser.add_argument("--clients", type=int, default=50)
        parser.add_argument("--seconds", type=float, default=10)
        parser.add_argument("--double-every", type=int, default=5, help="every Nth submission is sent twice")
        parser.add_argument("--name-prefix", default="Associazione di prova")

    def handle(self, *args, url, clients, seconds, double_every, name_prefix, **options):
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not _is_loopback(parts.hostname or ""):
            raise CommandError("Only servers on this machine (loopback addresses, *.localhost) can be drilled.")
        if not 1 <= clients <= MAX_CLIENTS or not 0 < seconds <= MAX_SECONDS:
            raise CommandError(f"--clients 1–{MAX_CLIENTS} and --seconds up to {MAX_SECONDS}.")
        # *.localhost names are loopback by definition (RFC 6761), resolver or not: connect to
        # 127.0.0.1 and name the portal in the Host header, as a browser does.
        host_header = parts.netloc
        target = urllib.parse.urlunsplit(
            (parts.scheme, f"127.0.0.1:{parts.port}" if parts.port else "127.0.0.1", parts.path, parts.query, "")
        )
        if not parts.hostname.endswith("localhost"):
            target = url
        run = uuid.uuid4().hex[:6]
        prefix = f"{name_prefix} {run}"
        # Stored: with its entry, or received and waiting for the worker to create it.
        of_run = ListingRegistration.objects.filter(
            Q(entry__title__startswith=prefix) | Q(entry__isnull=True, submitted_data__name__startswith=prefix)
        )
        before = of_run.count()
        answers = Counter()
        accepted = Counter()
        lock = threading.Lock()
        deadline = time.monotonic() + seconds
        durations = []

        def client(number):
            jar = http.cookiejar.CookieJar()
            opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect)
            sent = 0
            while time.monotonic() < deadline:
                started = time.monotonic()
                status, body, _headers = _open(opener, _request(target, headers={"Host": host_header}))
                if status != 200:
                    with lock:
                        answers[f"form {status}"] += 1
                    time.sleep(0.1)  # a server that is down is not hammered
                    continue
                hidden = dict(HIDDEN.findall(body))
                data = {
                    **hidden,
                    "name": f"{prefix} {number}-{sent}",
                    "short_description": "Registrazione di prova inviata dall'esercitazione.",
                    "municipality": "Lucca",
                    "contact_name": "Prova",
                    "contact_email": f"prova-{number}-{sent}@example.org",
                    "privacy_consent": "on",
                    "hours-TOTAL_FORMS": "0",
                    "hours-INITIAL_FORMS": "0",
                    "hours-MIN_NUM_FORMS": "0",
                    "hours-MAX_NUM_FORMS": "14",
                }
                encoded = urllib.parse.urlencode(data).encode()
                headers = {"Host": host_header, "Referer": url, "Content-Type": "application/x-www-form-urlencoded"}
                times = 2 if double_every and sent % double_every == 0 else 1
                for attempt in range(times):
                    status, _body, response_headers = _open(
                        opener, _request(target, data=encoded, headers=headers, method="POST")
                    )
                    thanked = status == 302 and "grazie" in response_headers.get("Location", "")
                    kind = f"{status} thank-you" if thanked else str(status)
                    with lock:
                        answers[kind if attempt == 0 else f"{kind} (same form again)"] += 1
                        if thanked and attempt == 0:
                            accepted["first"] += 1
                sent += 1
                with lock:
                    durations.append(time.monotonic() - started)

        threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=seconds + 60)

        stored = of_run.count() - before
        with_entry = of_run.filter(entry__isnull=False).count()
        server_errors = sum(count for kind, count in answers.items() if kind[:1] == "5" or "no answer" in kind)
        self.stdout.write(f"{clients} clients for {seconds:g} s against {url}")
        for kind, count in sorted(answers.items()):
            self.stdout.write(f"  {kind}: {count}")
        durations.sort()
        if durations:
            p50 = durations[len(durations) // 2] * 1000
            self.stdout.write(f"  form + submission p50: {p50:.0f} ms")
        self.stdout.write(
            f"accepted (first sends thanked): {accepted['first']}, stored: {stored}, "
            f"accepted/s: {accepted['first'] / seconds:.1f}, 5xx or no answer: {server_errors}"
        )
        self.stdout.write(f"  entries created so far by the task worker: {with_entry} of {stored}")
        if stored != accepted["first"] or server_errors or not accepted["first"]:
            raise CommandError("FAILED: nothing accepted, accepted ≠ stored, or a server error.")
        self.stdout.write(self.style.SUCCESS("OK: every accepted submission stored once, no server error."))
