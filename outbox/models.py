from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sites.fields import optional_link


class OutboundEmailQuerySet(models.QuerySet):
    def for_user(self, user):
        """Superusers see every email; other staff only those of the sites their groups hold a site
        permission on (the network's staff the network's), never unattributed ones."""
        from sites.permissions import sites_for_user

        if user.is_superuser:
            return self
        return self.filter(site__in=sites_for_user(user))

    def due(self, now=None):
        """Pending emails whose next attempt is now or past."""
        return self.filter(status=OutboundEmail.Status.PENDING, next_attempt_at__lte=now or timezone.now())


class OutboundEmail(models.Model):
    """One message on its way out: stored in the sender's transaction, delivered by a worker, retried with backoff.

    The message itself is kept as plain data (``payload``) so it can be rebuilt and sent again
    after any number of failures; ``last_error`` tells staff why it has not left yet.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("in coda")
        SENT = "sent", _("inviata")
        FAILED = "failed", _("non inviata")

    site = optional_link("wagtailcore.Site", _("portale"))
    subject = models.CharField(_("oggetto"), max_length=998)
    recipients = models.JSONField(_("destinatari"), default=list)
    payload = models.JSONField(_("messaggio"), default=dict)
    status = models.CharField(_("stato"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(_("tentativi"), default=0)
    last_error = models.TextField(_("ultimo errore"), blank=True)
    created_at = models.DateTimeField(_("creata il"), default=timezone.now, db_index=True)
    next_attempt_at = models.DateTimeField(_("prossimo tentativo"), default=timezone.now)
    sent_at = models.DateTimeField(_("inviata il"), null=True, blank=True)

    objects = OutboundEmailQuerySet.as_manager()

    class Meta:
        verbose_name = _("email in uscita")
        verbose_name_plural = _("email in uscita")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due_idx")]

    def __str__(self):
        return f"{self.subject} → {', '.join(self.recipients)}"

    @property
    def recipients_display(self):
        return ", ".join(self.recipients)
