from django.core.management.base import BaseCommand, CommandError

from sites.portals import PortalError, provision_portal


class Command(BaseCommand):
    help = "Create (or complete) a provincial portal: site, page tree, collection, staff groups and workflow."

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help='e.g. "Pari Opportunità Siena"')
        parser.add_argument("--province", default="", help="e.g. Siena")
        parser.add_argument("--region", default="", help="e.g. Toscana")
        parser.add_argument("--hostname", required=True, help="e.g. siena.localhost")
        parser.add_argument("--port", type=int, default=80)
        parser.add_argument("--slug", default="", help="slug of the portal's home page (default: from the hostname)")

    def handle(self, *args, **options):
        try:
            result = provision_portal(
                name=options["name"],
                province=options["province"],
                region=options["region"],
                hostname=options["hostname"],
                port=options["port"],
                slug=options["slug"],
            )
        except PortalError as error:
            raise CommandError(f"create_portal: {error}") from None
        for line in result.created:
            self.stdout.write(f"  created {line}")
        site = result.site
        if result.created:
            self.stdout.write(self.style.SUCCESS(f'Portal "{site.site_name}" ready at {site.root_url}/'))
        else:
            self.stdout.write(f'Portal "{site.site_name}" already complete at {site.root_url}/: nothing changed.')
