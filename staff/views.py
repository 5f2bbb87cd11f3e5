"""Second-factor pages (verify, set up), the superusers' access overview, and the password reset."""

from base64 import b32encode

import qrcode
from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice
from qrcode.image.svg import SvgPathImage
from wagtail.admin.views.account import PasswordResetView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import TokenForm
from .security import has_second_factor, requires_second_factor

INVALID_TOKEN = _("Codice non valido o scaduto: controlla l'ora del telefono e riprova.")


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, require_https=request.is_secure()):
        return url
    return reverse("wagtailadmin_home")


class VerifyView(FormView):
    """The second step of the login: a code from the authenticator app."""

    form_class = TokenForm
    template_name = "staff/admin/verify.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_verified():
            return HttpResponseRedirect(_next_url(request))
        if not has_second_factor(request.user):
            return redirect("staff_2fa_setup")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        # django-otp slows down repeated wrong codes for each device (OTP_TOTP_THROTTLE_FACTOR).
        device = match_token(self.request.user, form.cleaned_data["token"])
        if device is None:
            form.add_error("token", INVALID_TOKEN)
            return self.form_invalid(form)
        otp_login(self.request, device)
        return HttpResponseRedirect(_next_url(self.request))

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=_next_url(self.request), **kwargs)


def qr_code_svg(text):
    svg = qrcode.make(text, image_factory=SvgPathImage, box_size=8, border=2).to_string(encoding="unicode")
    return mark_safe(svg[svg.index("<svg") :])  # noqa: S308  (our own SVG, no user text in markup)


def grouped_secret(device):
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


class StaffAdminView(WagtailAdminTemplateMixin):
    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class SetupView(StaffAdminView, FormView):
    """Set up an authenticator app: scan the QR code (or type the key) and confirm with a code."""

    form_class = TokenForm
    template_name = "staff/admin/setup.html"
    page_title = _("Autenticazione a due fattori")
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        # Whoever has only the password must not be able to add an authenticator of their own.
        if has_second_factor(request.user) and not request.user.is_verified():
            return redirect("staff_2fa_verify")
        return super().dispatch(request, *args, **kwargs)

    def pending_device(self):
        device = TOTPDevice.objects.devices_for_user(self.request.user, confirmed=False).first()
        if device is None:
            device = TOTPDevice.objects.create(
                user=self.request.user, name=str(_("App di autenticazione")), confirmed=False
            )
        return device

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["active"] = has_second_factor(user)
        context["required"] = requires_second_factor(user)
        if not context["active"]:
            device = self.pending_device()
            context["qr_code"] = qr_code_svg(device.config_url)
            context["secret"] = grouped_secret(device)
        return context

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "disable":
            return self.disable()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        device = self.pending_device()
        if not device.verify_token(form.cleaned_data["token"]):
            form.add_error("token", INVALID_TOKEN)
            return self.form_invalid(form)
        with transaction.atomic():
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=self.request.user, confirmed=False).delete()
        otp_login(self.request, device)
        messages.success(self.request, _("Autenticazione a due fattori attivata."))
        return HttpResponseRedirect(_next_url(self.request))

    def disable(self):
        user = self.request.user
        if requires_second_factor(user) or not user.is_verified():
            raise PermissionDenied
        TOTPDevice.objects.filter(user=user).delete()
        messages.success(self.request, _("Autenticazione a due fattori disattivata."))
        return redirect("staff_2fa_setup")


def locked_attempts():
    """Lockout records that still refuse their username (failures at the limit, cool-off not over)."""
    attempts = AccessAttempt.objects.filter(failures_since_start__gte=settings.AXES_FAILURE_LIMIT)
    if settings.AXES_COOLOFF_TIME:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME)
    return attempts.order_by("-attempt_time")


class AccessSecurityView(StaffAdminView, TemplateView):
    """For superusers: accounts locked by wrong passwords, and who has a second factor."""

    template_name = "staff/admin/access_security.html"
    page_title = _("Sicurezza degli accessi")
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        users = get_user_model().objects.filter(is_active=True).prefetch_related("groups").order_by("username")
        with_device = set(TOTPDevice.objects.filter(confirmed=True).values_list("user_id", flat=True))
        context["locked"] = locked_attempts()
        context["staff"] = [
            {"user": user, "required": requires_second_factor(user), "active": user.pk in with_device} for user in users
        ]
        context["failure_limit"] = settings.AXES_FAILURE_LIMIT
        cooloff = settings.AXES_COOLOFF_TIME
        context["cooloff_minutes"] = int(cooloff.total_seconds() // 60) if cooloff else 0
        return context

    def post(self, request, *args, **kwargs):
        if username := request.POST.get("unlock"):
            axes_reset(username=username)
            messages.success(request, _("Account “%(username)s” sbloccato.") % {"username": username})
        elif user_id := request.POST.get("reset_2fa"):
            user = get_object_or_404(get_user_model(), pk=user_id)
            TOTPDevice.objects.filter(user=user).delete()
            messages.success(
                request,
                _(
                    "Autenticazione a due fattori azzerata per “%(username)s”: al prossimo accesso la configurerà di nuovo."
                )
                % {"username": user.get_username()},
            )
        return redirect("staff_access_security")


class StaffPasswordResetView(PasswordResetView):
    """Wagtail's password reset, with the link on the requesting portal's host and, in production, https.

    Wagtail's own email uses WAGTAILADMIN_BASE_URL (one host for every portal); the
    project's template (``wagtailadmin/account/password_reset/email.txt``) uses the
    request's host instead.
    """

    def form_valid(self, form):
        form.save(
            use_https=self.request.is_secure() or settings.EMAIL_LINKS_HTTPS,
            token_generator=self.token_generator,
            from_email=self.from_email,
            email_template_name=self.email_template_name,
            subject_template_name=self.subject_template_name,
            request=self.request,
            html_email_template_name=self.html_email_template_name,
            extra_email_context=self.extra_email_context,
        )
        return HttpResponseRedirect(self.get_success_url())
