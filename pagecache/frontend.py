"""Varnish in front of the app servers: Wagtail's HTTP purge backend, plus a ban of a whole host.

The repository's VCL (deploy/varnish/portal.vcl) turns ``PURGE /path`` into a ban of every
cached variant of that path on that host (pagination, filters) and ``BAN /`` into a ban of
everything cached for the host.
"""

import logging
from urllib.error import URLError
from urllib.request import Request, urlopen

from wagtail import __version__
from wagtail.contrib.frontend_cache.backends import HTTPBackend

logger = logging.getLogger(__name__)


class BanRequest(Request):
    def get_method(self):
        return "BAN"


class VarnishBackend(HTTPBackend):
    def ban_host(self, host):
        """Drop every page Varnish keeps for ``host`` (``name`` or ``name:port``, as clients send it)."""
        request = BanRequest(
            url=f"{self.cache_scheme}://{self.cache_netloc}/",
            headers={"Host": host, "User-Agent": "Wagtail-frontendcache/" + __version__},
        )
        try:
            urlopen(request, timeout=10)  # noqa: S310 (the scheme is the configured FRONTEND_CACHE_URL's)
        except URLError as error:
            logger.error("Could not ban %s from the frontend cache: %s", host, error)
