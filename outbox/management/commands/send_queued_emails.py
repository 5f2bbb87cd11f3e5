from django.core.management.base import BaseCommand

from outbox.models import OutboundEmail
from outbox.tasks import requeue_due_emails


class Command(BaseCommand):
    help = "Put every queued email whose next attempt is due back on the task queue (after a worker outage)."

    def handle(self, *args, **options):
        count = requeue_due_emails()
        waiting = OutboundEmail.objects.filter(status=OutboundEmail.Status.PENDING).count()
        failed = OutboundEmail.objects.filter(status=OutboundEmail.Status.FAILED).count()
        self.stdout.write(f"{count} email(s) put back on the queue; {waiting} pending, {failed} failed in all.")
