from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ConsentRecord(models.Model):
    """Proof of a GDPR consent: which wording (version and text), when, on which page, for which submission."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("pagina del modulo"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    form_submission = models.ForeignKey(
        "wagtailforms.FormSubmission",
        verbose_name=_("invio del modulo"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    registration = models.ForeignKey(
        "forms.ListingRegistration",
        verbose_name=_("iscrizione"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="consents",
    )
    text_version = models.CharField(_("versione del testo"), max_length=40)
    text = models.TextField(_("testo del consenso"))
    language = models.CharField(_("lingua"), max_length=12)
    given_at = models.DateTimeField(_("data del consenso"), default=timezone.now)

    class Meta:
        verbose_name = _("consenso privacy")
        verbose_name_plural = _("consensi privacy")
        ordering = ["-given_at"]

    def __str__(self):
        return f"{self.text_version} – {self.given_at:%Y-%m-%d %H:%M}"
