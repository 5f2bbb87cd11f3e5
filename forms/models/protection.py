from django.db import models
from django.utils import timezone


class RateLimitCounter(models.Model):
    """Counted requests of one client address (hashed) in one time window, per scope: accepted
    submissions and honeypot hits of a form, requests for a new private link (scope ``new-link``).

    A database row rather than a cache key: the count must hold across app servers and while
    the cache is down, and it is taken with a row lock inside the submission's own transaction,
    so a submission that fails is not counted and concurrent ones cannot all slip through.
    """

    scope = models.CharField(max_length=40)
    client = models.CharField(max_length=64)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scope", "client", "window_start"], name="forms_ratelimit_unique_window")
        ]
        indexes = [models.Index(fields=["window_start"], name="forms_ratelimit_window_idx")]

    def __str__(self):
        return f"{self.scope} {self.window_start:%Y-%m-%d %H:%M}: {self.count}"


class SubmissionToken(models.Model):
    """A one-time token carried by every public form: its second use is the same submission again."""

    token = models.CharField(max_length=100, unique=True)
    page = models.ForeignKey("wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+")
    used_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self):
        return f"{self.token[:12]}… {self.used_at:%Y-%m-%d %H:%M}"
