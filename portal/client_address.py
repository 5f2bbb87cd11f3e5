"""The address a request really comes from, behind ``TRUSTED_PROXIES`` proxies of ours."""

from django.conf import settings


def client_ip(request):
    """``REMOTE_ADDR``, or the address the outermost of our N proxies appended to ``X-Forwarded-For``.

    Each of our proxies appends the address it received the request from, so the client's is
    N places from the right; anything left of it was written by the client and is ignored.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    return forwarded[-proxies] if len(forwarded) >= proxies else remote
