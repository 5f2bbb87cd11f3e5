from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sites.fields import optional_link


class ConsentRecord(models.Model):
    """Proof of a GDPR consent: which wording (version and text), when, on which page, for which submission."""

    page = optional_link("wagtailcore.Page", _("pagina del modulo"), blank=False)
    form_submission = optional_link("wagtailforms.FormSubmission", _("invio del modulo"), on_delete=models.CASCADE)
    registration = optional_link(
        "forms.ListingRegistration", _("iscrizione"), on_delete=models.CASCADE, related_name="consents"
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
