"""A portal's sitemap: every live page in every language the portal offers.

Wagtail's own sitemap lists only the tree the Site points at (the Italian one);
here each language's copy of the tree is included, and each URL names its
translations as hreflang alternates.
"""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .languages import portal_language_codes


class PortalSitemap(Sitemap):
    def items(self):
        site = self.get_wagtail_site()
        codes = portal_language_codes(site)
        roots = Page.objects.filter(translation_key=site.root_page.translation_key, locale__language_code__in=codes)
        in_portal = Q(pk__in=[])
        for root in roots:
            in_portal |= Q(path__startswith=root.path)
        return (
            Page.objects.filter(in_portal, locale__language_code__in=codes)
            .live()
            .public()
            .order_by("path")
            .select_related("locale")
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
                    {"lang_code": item.locale.language_code, "location": url_info["location"]}
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
