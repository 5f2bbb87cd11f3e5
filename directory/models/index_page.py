from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from directory.choices import DirectoryKind
from home.models import BasePage
from sites import languages


class DirectoryIndexPage(RoutablePageMixin, BasePage):
    """A directory (associations, women's businesses, or centres and services) of one portal.

    Lists its live ``DirectoryEntryPage`` children with filters, A–Z letters,
    pagination and a map; ``export.csv`` and ``export.json`` publish their
    public fields as open data (CC-BY 4.0).
    """

    kind = models.CharField(
        _("tipo di elenco"),
        max_length=20,
        choices=DirectoryKind.choices,
        default=DirectoryKind.ASSOCIATION,
        help_text=_("Decide le categorie disponibili e come sono descritte le schede."),
    )
    intro = models.TextField(_("introduzione"), blank=True, help_text=_("Un breve paragrafo sotto il titolo."))

    content_panels = BasePage.content_panels + [FieldPanel("kind"), FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro", boost=1.5), index.FilterField("kind")]
    translatable_fields = BasePage.page_translatable_fields + [SynchronizedField("kind"), TranslatableField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["directory.DirectoryEntryPage"]

    class Meta:
        verbose_name = _("elenco")
        verbose_name_plural = _("elenchi")

    def source_directory(self):
        """This directory in the default language, when this one is a translation (else None)."""
        if not hasattr(self, "_source_directory"):
            default_id = self.default_locale_id
            self._source_directory = (
                None if self.locale_id == default_id else self.get_translations().filter(locale_id=default_id).first()
            )
        return self._source_directory

    @cached_property
    def default_locale_id(self):
        """The default language's locale, looked up once for everything this page's listing asks."""
        return languages.default_locale().pk

    def entries(self):
        """Live, public entries of this directory: its children, hence its portal and language.

        A translated directory also lists the entries of the default-language directory that
        have no translation in this language yet (the fallback policy of every listing, see
        ``PortalPageQuerySet.in_language``).
        """
        from .entry_page import DirectoryEntryPage

        entries = DirectoryEntryPage.objects.live().public().under(self, self.source_directory())
        return entries.in_language(self.locale_id)

    def get_context(self, request, *args, **kwargs):
        from directory.listing import directory_listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(directory_listing_context(self, request))
        return context

    def get_cached_paths(self):
        # The exports list the same entries: a proxy must drop them with the page.
        return ["/", self.reverse_subpage("export_csv"), self.reverse_subpage("export_json")]

    @path("export.csv/", name="export_csv")
    def export_csv(self, request):
        from directory.export import csv_response

        return csv_response(self, request)

    @path("export.json/", name="export_json")
    def export_json(self, request):
        from directory.export import json_response

        return json_response(self, request)
