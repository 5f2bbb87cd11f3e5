"""A portal's sitemap: every live page in every language the portal offers.

Wagtail's own sitemap lists only the tree the Site points at (the Italian one);
here each language's copy of the tree is included, and each URL names its
translations as hreflang alternates.

One query for the page of URLs and one to count them, whatever the number of pages: the
pages are read as values (no page objects, no query per page type), their URLs built from
the site's root paths (``sites.page_urls``), languages, roots and restricted sections come
from the caches, and a page's translations are listed next to it (ordered by translation
key) so its alternates are found among its neighbours. Beyond ``PortalSitemap.limit`` URLs,
``/sitemap.xml`` is a sitemap index of ``/sitemap.xml?p=N`` pages, as the sitemap protocol asks.
"""

from collections import defaultdict

from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page

from . import languages, page_urls
from .portal import find_site
from .querysets import PortalPageQuerySet

FIELDS = ("url_path", "translation_key", "locale_id", "last_published_at", "latest_revision_created_at")


class PortalSitemap(Sitemap):
    limit = 1000  # URLs per sitemap page (the protocol allows 50,000; small pages stay fast)

    @cached_property
    def paginator(self):
        # Django's builds a new paginator (and counts the pages again) each time it is read.
        return super().paginator

    def get_wagtail_site(self):
        return find_site(self.request) or super().get_wagtail_site()

    def items(self):
        site = self.get_wagtail_site()
        codes = languages.portal_language_codes(site)
        self.language_of = {locale.pk: code for code, locale in languages.locales().items() if code in codes}
        return (
            PortalPageQuerySet(Page)
            .in_portal(site.root_page)
            .filter(locale_id__in=self.language_of)
            .live()
            .public()
            # A page's translations side by side, whatever their place in each language's tree.
            .order_by("translation_key", "locale_id", "path")
            .values(*FIELDS)
        )

    def location(self, row):
        found = page_urls.url_parts(row["url_path"], self.site_root_paths)
        if found is None:
            return Page(url_path=row["url_path"]).get_full_url(self.request)
        return found[1] + found[2]

    def _urls(self, page, protocol, domain):
        self.site_root_paths = Page()._get_site_root_paths(self.request)
        entries = []
        by_translation = defaultdict(list)
        for row in self.paginator.page(page).object_list:
            location = self.location(row)
            # Wagtail's lastmod: the last publication, else the last revision (pages older than that field).
            entries.append((row["translation_key"], {"location": location, "lastmod": self.lastmod(row)}))
            by_translation[row["translation_key"]].append(
                {"lang_code": self.language_of[row["locale_id"]], "location": location}
            )
        urls = []
        last_mods = set()
        for translation_key, url_info in entries:
            translations = by_translation[translation_key]
            if len(translations) > 1:
                url_info = {**url_info, "alternates": sorted(translations, key=lambda a: a["lang_code"])}
            urls.append(url_info)
            last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def lastmod(self, row):
        return row["last_published_at"] or row["latest_revision_created_at"]


def portal_sitemap(request):
    """``/sitemap.xml``: the URLs themselves, or an index of ``?p=N`` pages when there are more than fit one."""
    sitemap = PortalSitemap(request)
    if "p" not in request.GET and sitemap.paginator.num_pages > 1:
        base = request.build_absolute_uri(request.path)
        pages = [f"{base}?p={number}" for number in sitemap.paginator.page_range]
        return TemplateResponse(
            request, "sites/sitemap_index.xml", {"pages": pages}, content_type="application/xml; charset=utf-8"
        )
    return wagtail_sitemap(request, {"pages": sitemap}, template_name="sites/sitemap.xml")
