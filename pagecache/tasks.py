"""Purging Varnish from the task worker: a publish never waits for the proxy, nor fails with it."""

from urllib.parse import urlsplit

from django_tasks import task
from wagtail.contrib.frontend_cache.utils import get_backends


@task()
def purge_frontend_cache(urls=(), hosts=()):
    """PURGE each URL (every variant of its path) and BAN each host, in every configured frontend cache."""
    for backend in get_backends().values():
        wanted = [url for url in urls if backend.invalidates_hostname(urlsplit(url).netloc)]
        if wanted:
            backend.purge_batch(wanted)
        for host in hosts:
            if hasattr(backend, "ban_host") and backend.invalidates_hostname(host):
                backend.ban_host(host)
