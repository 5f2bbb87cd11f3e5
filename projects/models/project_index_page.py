from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from home.listing import paginate, paginate_cached, with_renditions
from home.models import BasePage
from sites import navigation
from sites.portal import get_portal
from sites.utils import portal_of

from .project_page import ProjectMunicipality, ProjectPage
from .sector import Sector


class ProjectIndexPage(BasePage):
    """A portal's projects; on the network site, every portal's projects."""

    PER_PAGE = 20

    intro = models.TextField(_("introduzione"), blank=True, help_text=_("Un breve paragrafo sopra l'elenco."))

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro", boost=1.5)]
    translatable_fields = BasePage.page_translatable_fields + [TranslatableField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["projects.ProjectPage"]

    class Meta:
        verbose_name = _("elenco dei progetti")
        verbose_name_plural = _("elenchi dei progetti")

    def projects(self, request):
        """The published projects this index lists, in the active language (Italian when not translated yet)."""
        portal = get_portal(request)
        return ProjectPage.objects.live().public().in_scope(portal).in_language(portal.locale)

    def filtered_projects(self, projects, form):
        if form.value("q"):
            projects = projects.matching(form.value("q"))
        if form.value("status"):
            projects = projects.with_status(form.value("status"))
        if form.value("sector"):
            projects = projects.filter(sectors__slug=form.value("sector"))
        if form.value("scope"):
            projects = projects.filter(scope=form.value("scope"))
        if form.value("municipality"):
            projects = projects.filter(municipalities__name=form.value("municipality"))
        projects = projects.in_years(form.value("year_from"), form.value("year_to"))
        return projects.alphabetical() if form.value("sort") == "title" else projects.newest_first()

    def get_context(self, request, *args, **kwargs):
        from projects.forms import ProjectFilterForm

        context = super().get_context(request, *args, **kwargs)
        projects = self.projects(request)
        portal = get_portal(request)
        network = portal.is_network
        language = portal.language_code

        # The filter choices, and below the pages of the whole list, are the same for every visitor:
        # cached until the next publish (or change of a sector, see apps.py).
        def choices():
            municipalities = (
                ProjectMunicipality.objects.filter(project__in=projects.values("pk"))
                .order_by("name")
                .values_list("name", flat=True)
                .distinct()
            )
            return {"sectors": Sector.objects.for_active_locale(), "municipalities": list(municipalities)}

        found = navigation.cached(f"projects:choices:{self.pk}:{language}", choices)
        form = ProjectFilterForm(request.GET, sectors=found["sectors"], municipalities=found["municipalities"])
        listed = self.filtered_projects(projects, form).for_cards()
        if form.is_filtered:
            page_obj = paginate(request, listed, self.PER_PAGE)
        else:
            page_obj = paginate_cached(
                request,
                listed,
                self.PER_PAGE,
                f"projects:list:{self.pk}:{language}:{form.value('sort') or ''}",
                lambda page: with_renditions(list(page), "hero_image", ProjectPage.card_image_spec),
            )
        context.update(
            form=form,
            page_obj=page_obj,
            is_network=network,
            cards=[self._card(project, request, network, language) for project in page_obj.object_list],
        )
        return context

    @staticmethod
    def _card(project, request, network, active_language):
        portal = portal_of(project) if network else None
        return {
            "page": project,
            # A project not translated yet is shown in Italian: say so to screen readers.
            "lang": project.locale.language_code if project.locale.language_code != active_language else "",
            # On the network site a card leads to the project's canonical address on its own portal.
            "url": project.get_full_url(request) if network else project.get_url(request),
            "portal": portal["name"] if portal else "",
        }
