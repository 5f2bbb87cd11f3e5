import django.forms
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import BaseForm, FormBuilder
from wagtail.contrib.forms.models import AbstractFormField, EmailFormMixin, FormMixin
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from forms.protection import MAX_LONG_TEXT, MAX_SHORT_TEXT, ProtectedFormMixin, submit
from home.models import BasePage
from outbox.messages import PORTAL_HEADER
from sites.utils import portal_site

from .consent import ConsentRecord
from .mixins import ProtectedFormPageMixin


class PublicForm(ProtectedFormMixin, BaseForm):
    """The base of every form built by editors: honeypot and consent come with it."""


class PortalFormBuilder(FormBuilder):
    """Wagtail's form builder with size limits on every text field."""

    def create_singleline_field(self, field, options):
        options["max_length"] = MAX_SHORT_TEXT
        return django.forms.CharField(**options)

    def create_multiline_field(self, field, options):
        options["max_length"] = MAX_LONG_TEXT
        options.setdefault("widget", django.forms.Textarea(attrs={"rows": 5}))
        return django.forms.CharField(**options)

    def create_email_field(self, field, options):
        options["max_length"] = MAX_SHORT_TEXT
        return django.forms.EmailField(**options)

    def get_form_class(self):
        return type("PortalForm", (PublicForm,), self.formfields)


class FormField(TranslatableMixin, AbstractFormField):
    page = ParentalKey("forms.FormPage", on_delete=models.CASCADE, related_name="form_fields")

    # Labels and choices are read by citizens in their language; the field's name and type stay
    # the same in every translation so that submissions line up in one table.
    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
    ]

    class Meta(AbstractFormField.Meta):
        verbose_name = _("campo del modulo")
        verbose_name_plural = _("campi del modulo")
        unique_together = [("translation_key", "locale")]


# What a form asks when its editors have not added fields yet (a new portal's "Contatti" page).
DEFAULT_FIELDS = (
    {"clean_name": "nome", "label": _("Nome e cognome"), "field_type": "singleline", "required": True},
    {"clean_name": "email", "label": _("Email"), "field_type": "email", "required": True},
    {"clean_name": "messaggio", "label": _("Messaggio"), "field_type": "multiline", "required": True},
)


class FormPage(ProtectedFormPageMixin, EmailFormMixin, FormMixin, BasePage):
    """A form built by editors (contacts, event sign-up); submissions stay with the portal's staff."""

    intro = models.TextField(_("introduzione"), blank=True, help_text=_("Un breve paragrafo sopra il modulo."))
    thank_you_text = RichTextField(
        _("testo di ringraziamento"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Mostrato dopo l'invio del modulo."),
    )

    form_builder = PortalFormBuilder
    template = "forms/form_page.html"
    landing_page_template = "forms/thank_you.html"
    rate_limit_scope = "form-page"
    subpage_types = []

    content_panels = BasePage.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel(
            "form_fields",
            label=_("Campi del modulo"),
            help_text=_("Senza campi, il modulo chiede nome e cognome, email e messaggio."),
        ),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Email all'ufficio"),
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro", boost=1.5)]
    translatable_fields = BasePage.page_translatable_fields + [
        TranslatableField("intro"),
        TranslatableField("thank_you_text"),
        TranslatableField("form_fields"),
        TranslatableField("subject"),
        SynchronizedField("to_address"),
        SynchronizedField("from_address"),
    ]

    class Meta:
        verbose_name = _("modulo")
        verbose_name_plural = _("moduli")

    def get_form_fields(self):
        fields = list(self.form_fields.all())
        if fields:
            return fields
        return [FormField(sort_order=position, **spec) for position, spec in enumerate(DEFAULT_FIELDS)]

    def get_submissions_list_view_class(self):
        # Imported here: the admin views must not load while the models do.
        from forms.submissions import SpreadsheetSafeSubmissionsListView

        return SpreadsheetSafeSubmissionsListView

    def get_form(self, *args, request=None, **kwargs):
        kwargs["privacy_url"] = self.get_privacy_url(request) if request else ""
        return super().get_form(*args, **kwargs)

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["form"] = self.get_form(page=self, user=request.user, request=request)
        return context

    def serve_preview(self, request, mode_name):
        if mode_name == "landing":
            return self.render_landing_page(request)
        return super().serve_preview(request, mode_name)

    @path("", name="form")
    def form_view(self, request):
        status = 200
        if request.method == "POST":
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user, request=request)
            outcome, _submission = submit(
                request, form, self.rate_limit_scope, self, lambda: self._store(form, request)
            )
            if outcome in ("accepted", "duplicate", "bot"):
                return self.redirect_to_thank_you(request)
            status = 429 if outcome == "limited" else 200
        else:
            form = self.get_form(page=self, user=request.user, request=request)
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def _store(self, form, request):
        submission = self.process_form_submission(form)
        ConsentRecord.objects.create(form_submission=submission, **self.consent_record_kwargs(form, request))
        return submission

    def process_form_submission(self, form):
        # Only what the editor asked for is stored: never the honeypot, token or consent box (kept apart).
        submission = self.get_submission_class().objects.create(form_data=form.submitted_data(), page=self)
        if self.to_address:
            self.send_mail(form)  # queued with the submission, in its transaction
        return submission

    def send_mail(self, form):
        addresses = [address.strip() for address in self.to_address.split(",") if address.strip()]
        site = portal_site(self)
        EmailMessage(
            self.subject,
            self.render_email(form),
            self.from_address or settings.DEFAULT_FROM_EMAIL,
            addresses,
            headers={"Auto-Submitted": "auto-generated", **({PORTAL_HEADER: str(site.pk)} if site else {})},
        ).send()

    def render_email(self, form):
        with translation.override(self.locale.language_code):
            lines = []
            data = form.submitted_data()
            for field in form.public_fields():
                if field.name not in data:
                    continue
                value = data[field.name]
                if isinstance(value, list):
                    value = ", ".join(value)
                lines.append(f"{field.label}: {value}")
            return "\n".join(lines)
