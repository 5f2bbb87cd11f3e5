"""Portal- and language-aware filters shared by every listed page type."""

from django.db.models import Prefetch, Q
from wagtail.images import get_image_model
from wagtail.models import PageQuerySet

from . import languages
from .routing import restricted_paths
from .utils import portal_root_paths


def _root_paths(portal_or_page):
    """Paths of a portal's home page in every language (a ``Portal``, or any page inside the portal)."""
    paths = getattr(portal_or_page, "root_paths", None)
    return paths if paths is not None else portal_root_paths(portal_or_page)


def _under(paths):
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(path__startswith=path)
    return condition


class PortalPageQuerySet(PageQuerySet):
    """Which portal, which language: the filters every listing uses.

    - ``in_portal(portal_or_page)``: pages of one portal, in every language tree of it.
    - ``in_scope(portal)``: the network site sees every portal; a portal sees its own tree.
    - ``under(*pages)``: pages under any of ``pages`` (a section and its Italian version).
    - ``in_language(locale, fallback=True)``: the fallback policy, one for every listing
      (projects, directories, campaigns, events, news, home page panels): pages in ``locale``,
      plus the Italian (default-language) original of every page with no translation in
      ``locale`` yet, so a listing never hides an item because nobody translated it. A
      translation that exists but is not published still replaces its original. Templates
      mark the Italian items with ``lang="it"`` (``{% fallback_lang item %}``).
      ``fallback=False`` keeps ``locale`` only: feeds and calendars are one language's channel.
    """

    def in_portal(self, portal_or_page):
        return self.filter(_under(_root_paths(portal_or_page)))

    def in_scope(self, portal):
        return self if portal.is_network else self.in_portal(portal)

    def under(self, *pages):
        """Descendants of any of ``pages`` (a section and its default-language version, say)."""
        return self.filter(_under(page.path for page in pages if page is not None)).exclude(
            pk__in=[page.pk for page in pages if page is not None]
        )

    def in_language(self, locale=None, fallback=True):
        locale = locale or languages.active_locale()
        locale_id = getattr(locale, "pk", locale)
        default_id = languages.default_locale().pk
        if not fallback or locale_id == default_id:
            return self.filter(locale_id=locale_id)
        translated = self.model.objects.filter(locale_id=locale_id).values("translation_key")
        return self.filter(Q(locale_id=locale_id) | (Q(locale_id=default_id) & ~Q(translation_key__in=translated)))

    def public(self):
        """Wagtail's ``public()`` without its query: the restricted sections' paths are cached.
        One exclusion per restricted section, as Wagtail writes it (search backends read it too)."""
        found = self
        for path in restricted_paths()["restricted"]:
            found = found.exclude(path__startswith=path)
        return found

    def with_card_images(self):
        """The card's hero image and its rendition (``model.card_image_spec``): two queries for any number of cards."""
        images = get_image_model().objects.prefetch_renditions(self.model.card_image_spec)
        return self.prefetch_related(Prefetch("hero_image", queryset=images))
