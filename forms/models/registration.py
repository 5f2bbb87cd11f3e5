import secrets

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sites.fields import optional_link


def _new_link_key():
    return secrets.token_urlsafe(16)


class ListingRegistrationQuerySet(models.QuerySet):
    def for_user(self, user):
        """Only the registrations of the portals this member of staff works for."""
        from sites.permissions import sites_for_user

        return self.filter(site__in=sites_for_user(user))

    def pending(self):
        """Waiting for a moderator: a new registration, or a change to a published one."""
        return self.filter(models.Q(status=ListingRegistration.Status.PENDING) | models.Q(change_pending=True))

    def received(self):
        """Stored, but their entry is not created yet (the task worker creates it)."""
        return self.filter(status=ListingRegistration.Status.RECEIVED, entry__isnull=True)


class ListingRegistration(models.Model):
    """A directory entry that came in through self-registration, with its submitter's private details.

    The entry itself is a page; this record keeps who sent it (never public), the key of
    their private link and where the entry stands in moderation and renewal.

    A registration is accepted by storing this record (``received``, with the form's data in
    ``submitted_data``); the task worker then creates the entry, puts it in moderation and
    sends the emails (``forms.registration.tasks``), retrying with backoff when that fails.
    """

    class Status(models.TextChoices):
        RECEIVED = "received", _("ricevuta, scheda in preparazione")
        PENDING = "pending", _("in attesa di verifica")
        PUBLISHED = "published", _("pubblicata")
        REJECTED = "rejected", _("non accettata")
        EXPIRED = "expired", _("ritirata per mancato rinnovo")

    site = models.ForeignKey("wagtailcore.Site", verbose_name=_("portale"), on_delete=models.CASCADE, related_name="+")
    entry = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("scheda"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="listing_registration",
        help_text=_("Vuota finché la scheda non è stata creata."),
    )
    directory = optional_link("directory.DirectoryIndexPage", _("elenco"))
    submitted_data = models.JSONField(
        _("dati inviati"),
        default=dict,
        blank=True,
        encoder=DjangoJSONEncoder,
        help_text=_("I dati del modulo, finché la scheda non è stata creata."),
    )
    attempts = models.PositiveIntegerField(_("tentativi di creare la scheda"), default=0)
    last_error = models.TextField(_("ultimo errore"), blank=True)
    next_attempt_at = models.DateTimeField(_("prossimo tentativo"), null=True, blank=True)
    registration_page = optional_link(
        "forms.ListingRegistrationPage", _("pagina di iscrizione"), related_name="registrations", blank=False
    )
    submitter_name = models.CharField(_("nome di chi ha inviato"), max_length=200)
    submitter_email = models.EmailField(_("email di chi ha inviato"))
    language = models.CharField(_("lingua"), max_length=12, default="it")
    status = models.CharField(_("stato"), max_length=20, choices=Status.choices, default=Status.PENDING)
    change_pending = models.BooleanField(
        _("modifica in attesa"),
        default=False,
        help_text=_("L'organizzazione ha proposto modifiche non ancora approvate."),
    )
    moderator_comment = models.TextField(_("commento della moderazione"), blank=True)
    duplicate_notes = models.TextField(
        _("possibili doppioni"),
        blank=True,
        help_text=_("Schede già presenti con lo stesso codice fiscale o lo stesso nome nello stesso comune."),
    )
    link_key = models.CharField(max_length=40, default=_new_link_key, editable=False)
    created_at = models.DateTimeField(_("inviata il"), default=timezone.now)
    updated_at = models.DateTimeField(_("ultima modifica"), auto_now=True)
    confirmed_at = models.DateTimeField(
        _("dati confermati il"),
        default=timezone.now,
        help_text=_("Ultimo invio o conferma da parte dell'organizzazione."),
    )
    renewal_sent_at = models.DateTimeField(_("richiesta di rinnovo inviata il"), null=True, blank=True)

    objects = ListingRegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("iscrizione all'elenco")
        verbose_name_plural = _("iscrizioni agli elenchi")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.organisation_name} ({self.get_status_display()})"

    @property
    def organisation_name(self):
        """The entry's title, or the name that was sent while the entry is being created."""
        if self.entry_id is not None:
            return self.entry.title
        return self.submitted_data.get("name", "")
