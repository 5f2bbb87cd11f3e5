from django.core.management.base import BaseCommand, CommandError

from campaigns.copying import CopyError, copy_campaign_to_portals, get_network_campaign, portal_sites


class Command(BaseCommand):
    help = (
        "Copy a national campaign of the network site (with its events and materials) into the portals' "
        '"Campagne" sections as drafts. A portal that already has a copy is left alone.'
    )

    def add_arguments(self, parser):
        parser.add_argument("page_id", type=int, help="id of the CampaignPage on the network site")
        parser.add_argument(
            "--portals", nargs="+", metavar="HOST", help="hostnames of the portals (default: every portal)"
        )

    def handle(self, *args, page_id, portals=None, **options):
        try:
            source = get_network_campaign(page_id)
            sites = portal_sites(portals)
            self.stdout.write(f'Copying "{source.title}" into {len(sites)} portal(s)…')
            result = copy_campaign_to_portals(source, sites, log=lambda line: self.stdout.write(f"  {line}"))
        except CopyError as error:
            raise CommandError(f"copy_campaign_to_portals: {error}") from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Done: {len(result.created)} draft copy(ies) created, {len(result.skipped)} portal(s) already had one."
            )
        )
