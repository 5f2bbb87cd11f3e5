from django.http import Http404, HttpResponseRedirect
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_from_path

from .languages import preferred_language
from .portal import get_portal


class PortalLanguageMiddleware:
    """Serve each portal only in the languages it offers.

    "/" redirects to the browser's preferred language among the portal's ones
    (Italian otherwise); a language prefix the portal does not offer is a 404.
    Runs after Django's LocaleMiddleware and ``PortalMiddleware``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/":
            codes = get_portal(request).language_codes
            response = HttpResponseRedirect(f"/{preferred_language(request, codes)}/")
            patch_vary_headers(response, ("Accept-Language", "Host"))
            return response
        code = get_language_from_path(request.path_info)
        if code and code not in get_portal(request).language_codes:
            raise Http404("This portal is not published in that language.")
        return self.get_response(request)
