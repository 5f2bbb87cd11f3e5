"""Staff sessions: an idle timeout, and the second factor before any admin page."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from sites.csp import is_admin_request

from .security import has_second_factor, requires_second_factor

LAST_SEEN = "staff_last_seen"
# Writing the session on every request would cost a database write each time; once a minute is enough.
TOUCH_EVERY = 60


class StaffSessionMiddleware:
    """End a logged-in session after ``STAFF_SESSION_IDLE_MINUTES`` without a request.

    The session cookie also ends with the browser (``SESSION_EXPIRE_AT_BROWSER_CLOSE``)
    and the stored session expires ``SESSION_COOKIE_AGE`` after its last write.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN)
            if last_seen is not None and now - last_seen > settings.STAFF_SESSION_IDLE_MINUTES * 60:
                logout(request)
                if is_admin_request(request):
                    messages.info(request, _("La sessione è scaduta per inattività: accedi di nuovo."))
                    return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
            elif last_seen is None or now - last_seen >= TOUCH_EVERY:
                request.session[LAST_SEEN] = now
        response = self.get_response(request)
        # Wagtail's login "remember me" would make the cookie outlive the browser.
        if request.user.is_authenticated and not request.session.get_expire_at_browser_close():
            request.session.set_expiry(0)
        return response


# Admin URLs an account may reach before its second step: signing in and out, the password
# reset, the translations the login page loads, and the second-factor pages themselves.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_javascript_catalog",
    "staff_2fa_verify",
    "staff_2fa_setup",
}


class SecondFactorMiddleware:
    """Keep the admin closed until the second step is done.

    An account with an authenticator app set up must enter a code; one for which
    ``STAFF_2FA_REQUIRED_FOR`` makes it compulsory and that has none must set one up.
    Others (editors, by default) reach the admin after the password alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.is_verified() or not is_admin_request(request):
            return None
        if request.resolver_match and request.resolver_match.url_name in OPEN_URL_NAMES:
            return None
        if has_second_factor(user):
            target = "staff_2fa_verify"
        elif requires_second_factor(user):
            target = "staff_2fa_setup"
        else:
            return None
        url = reverse(target)
        if request.method == "GET":
            url += "?" + urlencode({"next": request.get_full_path()})
        return redirect(url)
