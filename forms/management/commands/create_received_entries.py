from django.core.management.base import BaseCommand

from forms.models import ListingRegistration
from forms.registration.tasks import requeue_received


class Command(BaseCommand):
    help = (
        "Put every received registration whose entry is not created yet, and whose next attempt is due, back on "
        "the task queue (after a worker outage); --failed also those that were given up."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--failed", action="store_true", help="also retry the registrations whose attempts were used up"
        )

    def handle(self, *args, failed, **options):
        count = requeue_received(failed=failed)
        received = ListingRegistration.objects.received()
        given_up = received.filter(next_attempt_at__isnull=True).count()
        self.stdout.write(
            f"{count} registration(s) put back on the queue; {received.count()} waiting for their entry, "
            f"{given_up} of them given up."
        )
