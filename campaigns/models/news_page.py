from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyBlock
from home.models import HERO_PAGE_TRANSLATABLE_FIELDS, BasePage, HeroImageMixin
from sites.fields import optional_link
from sites.querysets import PortalPageQuerySet


class NewsPage(HeroImageMixin, BasePage):
    """A piece of news or a press release."""

    date = models.DateField(_("data"), default=timezone.localdate, help_text=_("La data della notizia."))
    summary = models.TextField(
        _("in breve"), help_text=_("Due o tre frasi: compaiono negli elenchi e nei feed RSS e Atom.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("contenuto"), blank=True)
    related_page = optional_link("wagtailcore.Page", _("campagna o progetto collegato"))

    objects = PageManager.from_queryset(PortalPageQuerySet)()

    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        *HeroImageMixin.hero_panels,
        FieldPanel("body"),
        PageChooserPanel("related_page", page_type=["campaigns.CampaignPage", "projects.ProjectPage"]),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("title", boost=3),
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    translatable_fields = HERO_PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("date"),
        SynchronizedField("related_page"),
    ]

    parent_page_types = ["campaigns.NewsIndexPage"]
    subpage_types = []

    # Search result cards (home.search): the summary and the news date.
    search_snippet_fields = ("summary",)

    def search_date(self):
        return self.date

    class Meta:
        verbose_name = _("notizia")
        verbose_name_plural = _("notizie")

    @property
    def intro(self):
        # base.html describes a page by its intro.
        return self.summary

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related"] = self.related()
        context["share_url"] = self.get_full_url(request)
        context["share_title"] = self.title
        return context

    def related(self):
        """The related campaign or project in this language, if live."""
        if not self.related_page_id:
            return None
        page = self.related_page.localized
        return page if page.live else None
