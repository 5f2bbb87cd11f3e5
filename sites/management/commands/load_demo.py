from django.core.management.base import BaseCommand, CommandError

from sites.demo import load
from sites.portals import PortalError


class Command(BaseCommand):
    help = "Build the network site and the five demo portals with their content (idempotent)."

    def handle(self, *args, **options):
        self.stdout.write("Loading the demo portals…")
        try:
            context = load(self.stdout)
        except PortalError as error:
            raise CommandError(f"load_demo: {error}") from None
        self.stdout.write(self.style.SUCCESS("Demo ready:"))
        self.stdout.write(f"  {'La Rete delle Reti':32} {context.network.site.root_url}/")
        for result in context.portals.values():
            self.stdout.write(f"  {result.site.site_name:32} {result.site.root_url}/")
        if context.logins:
            self.stdout.write("Demo logins (development only; with DEBUG off passwords are random and shown once):")
            for url, username, password, role in context.logins:
                self.stdout.write(f"  {username:20} {password:18} {role} – {url}")
