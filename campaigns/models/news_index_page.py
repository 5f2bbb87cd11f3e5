from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from home.listing import paginate_cached, with_renditions
from home.models import BasePage
from sites import languages
from sites.utils import portal_root

NEWS_PER_PAGE = 10


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The "Notizie" section: news and press releases, newest first, with RSS and Atom feeds."""

    intro = models.TextField(_("introduzione"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    translatable_fields = BasePage.page_translatable_fields + [TranslatableField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaigns.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("indice delle notizie")
        verbose_name_plural = _("indici delle notizie")

    def news(self, fallback=True):
        """This section's live, public news in this language, newest first; with ``fallback``, also the
        Italian news not translated into this language yet (see PortalPageQuerySet.in_language)."""
        from .news_page import NewsPage

        sections = [self]
        default = languages.default_locale()
        if fallback and self.locale_id != default.pk:
            sections += self.get_translations().filter(locale=default)
        news = NewsPage.objects.live().public().under(*sections).in_language(self.locale_id, fallback=fallback)
        return news.order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        from .news_page import NewsPage

        context = super().get_context(request, *args, **kwargs)
        # The same for every visitor in this language: the count and each page cached until the next publish.
        context["page_obj"] = paginate_cached(
            request,
            self.news().defer_streamfields().with_card_images(),
            NEWS_PER_PAGE,
            f"news:list:{self.pk}:{translation.get_language()}",
            lambda page: with_renditions(list(page), "hero_image", NewsPage.card_image_spec),
        )
        url = self.get_url(request)
        context["rss_url"] = url + self.reverse_subpage("rss")
        context["atom_url"] = url + self.reverse_subpage("atom")
        return context

    def _feed(self, request, kind):
        from ..feeds import FEED_LENGTH, feed_response

        portal = portal_root(self)
        title = f"{portal.title} – {self.title}" if portal.pk != self.pk else self.title
        # A feed is one language's channel: no Italian fallback.
        news = self.news(fallback=False).defer_streamfields()[:FEED_LENGTH]
        return feed_response(kind, self, news, request, title=title)

    def get_cached_paths(self):
        # The feeds list the same news: a proxy must drop them with the page.
        return ["/", self.reverse_subpage("rss"), self.reverse_subpage("atom")]

    @path("rss/", name="rss")
    def rss(self, request):
        return self._feed(request, "rss")

    @path("atom/", name="atom")
    def atom(self, request):
        return self._feed(request, "atom")
