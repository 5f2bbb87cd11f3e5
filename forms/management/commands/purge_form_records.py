"""Forget the one-time tokens and rate-limit counts of public forms that nobody can use any more.

Run it daily (cron). Submissions do not purge as they go: that was two DELETEs per submission,
and a token older than ``FORMS_TOKEN_MAX_AGE`` is refused by its signature anyway, so rows kept
a day longer change no answer.
"""

from django.core.management.base import BaseCommand

from forms.protection import purge_expired


class Command(BaseCommand):
    help = "Delete expired one-time form tokens and old rate-limit counters (run daily)."

    def handle(self, *args, **options):
        tokens, counters = purge_expired()
        self.stdout.write(f"Deleted {tokens} expired token(s) and {counters} old rate-limit counter(s).")
