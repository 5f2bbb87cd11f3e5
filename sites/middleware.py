from django.http import Http404, HttpResponseRedirect
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_from_path
from wagtail.models import Site

from .languages import portal_language_codes, preferred_language


class PortalLanguageMiddleware:
    """Serve each portal only in the languages it offers.

    "/" redirects to the browser's preferred language among the portal's ones
    (Italian otherwise); a language prefix the portal does not offer is a 404.
    Runs after Django's LocaleMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/":
            codes = portal_language_codes(Site.find_for_request(request))
            response = HttpResponseRedirect(f"/{preferred_language(request, codes)}/")
            patch_vary_headers(response, ("Accept-Language", "Host"))
            return response
        code = get_language_from_path(request.path_info)
        if code and code not in portal_language_codes(Site.find_for_request(request)):
            raise Http404("This portal is not published in that language.")
        return self.get_response(request)
