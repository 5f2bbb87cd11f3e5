"""A blank form page built once and filled in for each visitor.

A public form page cannot go into the page cache: it carries the visitor's CSRF token and a
one-time submission token. Everything else on it (the page's chrome, the fields and their widgets)
is the same for every anonymous visitor, so it is rendered once with two slots standing for the
tokens, kept in the app's cache under the site-wide version of ``sites.navigation`` (any publish,
unpublish, move or deletion of a page, and any change to a site or to portal settings, replaces
it) for at most ``PAGE_CACHE_SECONDS``, and each visitor gets a copy with their own tokens put in.
``PAGE_CACHE=0`` turns this off along with the page cache.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import translation
from django.utils.crypto import salted_hmac

from forms.protection import new_token
from sites import navigation


def _slot(name):
    # Derived from the secret key: text an editor types into a page cannot name a slot.
    return "slot" + salted_hmac("forms.blank_form", name).hexdigest()[:32]


CSRF_SLOT = _slot("csrf")
TOKEN_SLOT = _slot("submission-token")


def can_share(request):
    """Whether this request gets the page every anonymous visitor gets (a plain GET, nobody logged in)."""
    return (
        settings.PAGE_CACHE
        and request.method in ("GET", "HEAD")
        and not request.GET
        and not request.user.is_authenticated
    )


def _key(page, request):
    where = f"{request.scheme}://{request.get_host()}"
    return f"forms:blank:{navigation.version()}:{page.pk}:{translation.get_language()}:{where}"


def blank_form_response(page, request, render):
    """The blank form page for this visitor, or None when it is not shared (``can_share``).

    ``render(csrf_token, submission_token)`` returns the page's HTML with those two values in it.
    """
    if not can_share(request):
        return None
    key = _key(page, request)
    html = cache.get(key)
    if html is None:
        html = render(CSRF_SLOT, TOKEN_SLOT)
        cache.set(key, html, settings.PAGE_CACHE_SECONDS)
    # Both tokens are URL-safe text: nothing to escape.
    html = html.replace(CSRF_SLOT, get_token(request)).replace(TOKEN_SLOT, new_token())
    return HttpResponse(html)
