"""Yearly renewal of self-registered directory entries.

1. Entries not updated (confirmed by the organisation or republished) for
   ``LISTING_RENEWAL_MONTHS`` (default 12) get an email with their private link,
   asking to confirm or correct the data.
2. Entries whose renewal email is older than ``LISTING_RENEWAL_GRACE_DAYS``
   (default 30) and still unconfirmed are unpublished, and the organisation is told.

Run it daily (cron); running it twice on the same day changes nothing the second time.
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from forms.models import ListingRegistration


class Command(BaseCommand):
    help = "Ask self-registered organisations to confirm their listing once a year; unpublish the unconfirmed."

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=settings.LISTING_RENEWAL_MONTHS,
            help="Months without updates before asking (default: LISTING_RENEWAL_MONTHS or 12).",
        )
        parser.add_argument(
            "--grace-days",
            type=int,
            default=settings.LISTING_RENEWAL_GRACE_DAYS,
            help="Days to answer before the entry is unpublished (default: LISTING_RENEWAL_GRACE_DAYS or 30).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Say what would happen; send and change nothing.")

    def _announce(self, registrations, prefix, action, detail):
        """Yield each registration after printing it as one numbered line: action, entry, portal, detail."""
        for number, registration in enumerate(registrations, 1):
            self.stdout.write(
                f"  {prefix}[{number}/{len(registrations)}] {action}: {registration.entry.title} "
                f"({registration.site.site_name}){detail(registration)}"
            )
            yield registration

    def handle(self, *args, months, grace_days, dry_run, **options):
        if months < 1:
            raise CommandError("--months must be at least 1.")
        if grace_days < 0:
            raise CommandError("--grace-days cannot be negative.")
        now = timezone.now()
        stale_before = now - datetime.timedelta(days=round(months * 365 / 12))
        live = ListingRegistration.objects.filter(
            status=ListingRegistration.Status.PUBLISHED, entry__live=True
        ).select_related("entry", "site")

        due = live.filter(renewal_sent_at__isnull=True, confirmed_at__lt=stale_before).filter(
            Q(entry__last_published_at__isnull=True) | Q(entry__last_published_at__lt=stale_before)
        )
        expired = live.filter(renewal_sent_at__lt=now - datetime.timedelta(days=grace_days)).exclude(
            confirmed_at__gt=F("renewal_sent_at")
        )
        prefix = "[dry run] " if dry_run else ""
        due, expired = list(due.order_by("pk")), list(expired.order_by("pk"))
        self.stdout.write(f"{prefix}{len(due)} listing(s) to remind, {len(expired)} to unpublish.")

        from forms.registration.emails import send_expired_email, send_renewal_email

        with transaction.atomic():
            for registration in self._announce(due, prefix, "reminder", lambda r: f" → {r.submitter_email}"):
                if dry_run:
                    continue
                registration.renewal_sent_at = now
                registration.save(update_fields=["renewal_sent_at", "updated_at"])
                send_renewal_email(registration, grace_days)
            for registration in self._announce(
                expired, prefix, "unpublish", lambda r: f", reminded on {r.renewal_sent_at:%Y-%m-%d}"
            ):
                if dry_run:
                    continue
                registration.entry.specific.unpublish(log_action=True)
                registration.status = ListingRegistration.Status.EXPIRED
                registration.save(update_fields=["status", "updated_at"])
                send_expired_email(registration)

        verb = "would send" if dry_run else "sent"
        self.stdout.write(
            self.style.SUCCESS(
                f"Done: {verb} {len(due)} reminder(s), {'would unpublish' if dry_run else 'unpublished'} "
                f"{len(expired)} listing(s)."
            )
        )
