"""A portal's sitemap: every live page in every language the portal offers.

Wagtail's own sitemap lists only the tree the Site points at (the Italian one);
here each language's copy of the tree is included, and each URL names its
translations as hreflang alternates.

The number of queries does not grow with the number of pages (one for the pages,
one per page type for their specific fields): languages come from a lookup made
once, and a page's translations are listed next to it (ordered by translation key)
so its alternates are found among its neighbours. Beyond ``PortalSitemap.limit``
URLs, ``/sitemap.xml`` is a sitemap index of ``/sitemap.xml?p=N`` pages, as the
sitemap protocol asks.
"""

from collections import defaultdict

from django.db.models import Q
from django.template.response import TemplateResponse
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Locale, Page

from .languages import portal_language_codes


class PortalSitemap(Sitemap):
    limit = 1000  # URLs per sitemap page (the protocol allows 50,000; small pages stay fast)

    def items(self):
        site = self.get_wagtail_site()
        codes = portal_language_codes(site)
        self.language_of = dict(Locale.objects.filter(language_code__in=codes).values_list("pk", "language_code"))
        roots = Page.objects.filter(translation_key=site.root_page.translation_key, locale_id__in=self.language_of)
        in_portal = Q(pk__in=[])
        for path in roots.values_list("path", flat=True):
            in_portal |= Q(path__startswith=path)
        return (
            Page.objects.filter(in_portal, locale_id__in=self.language_of)
            .live()
            .public()
            # A page's translations side by side, whatever their place in each language's tree.
            .order_by("translation_key", "locale_id", "path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        entries = []
        by_translation = defaultdict(list)
        for item in self.paginator.page(page).object_list:
            for url_info in item.get_sitemap_urls(self.request):
                entries.append((item.translation_key, url_info))
                by_translation[item.translation_key].append(
                    {"lang_code": self.language_of[item.locale_id], "location": url_info["location"]}
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


def portal_sitemap(request):
    """``/sitemap.xml``: the URLs themselves, or an index of ``?p=N`` pages when there are more than fit one."""
    sitemap = PortalSitemap(request)
    if "p" not in request.GET and sitemap.paginator.num_pages > 1:
        base = request.build_absolute_uri(request.path)
        pages = [f"{base}?p={number}" for number in sitemap.paginator.page_range]
        return TemplateResponse(
            request, "sites/sitemap_index.xml", {"pages": pages}, content_type="application/xml; charset=utf-8"
        )
    return wagtail_sitemap(request, {"pages": sitemap})
