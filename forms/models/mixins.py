"""What every public form page shares: no caching, the portal's privacy link, the thank-you route."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from forms.protection import CONSENT_TEXT_VERSION
from sites import navigation
from sites.portal import get_portal


class ProtectedFormPageMixin(RoutablePageMixin):
    """A page serving a form: never cached (it carries a CSRF token), POST/redirect/GET to a thank-you route."""

    # Submissions per client address are counted per scope (see forms.protection.take_slot, called by submit).
    rate_limit_scope = "forms"
    thank_you_template = "forms/thank_you.html"

    @method_decorator(never_cache)
    def serve(self, request, *args, **kwargs):
        return super().serve(request, *args, **kwargs)

    def get_privacy_url(self, request):
        # The footer's link, cached per portal and language.
        return navigation.chrome(request)["privacy_page"] or ""

    def _sent_key(self):
        return f"forms:sent:{self.pk}"

    def redirect_to_thank_you(self, request):
        # Remembered in the session so the thank-you page can't be reached (or bookmarked) without a submission.
        if not request.session.get(self._sent_key()):  # a session already holding it is not written again
            request.session[self._sent_key()] = True
        return redirect(self.get_url(request) + self.reverse_subpage("thank_you"))

    @path("grazie/", name="thank_you")
    def thank_you(self, request):
        if not request.session.get(self._sent_key()):
            return redirect(self.get_url(request))
        return TemplateResponse(request, self.thank_you_template, self.get_context(request))

    def consent_record_kwargs(self, form, request):
        return {
            "page": self,
            "text_version": CONSENT_TEXT_VERSION,
            "text": form.consent_text(),
            "language": get_portal(request).language_code,
        }
