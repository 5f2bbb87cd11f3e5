"""Admin side of self-registration: the "Iscrizioni in attesa" dashboard panel and the duplicate warning."""

from django.contrib import messages
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from forms.models import ListingRegistration


class PendingRegistrationsPanel(Component):
    """The pending registrations of the portals the user works for, and of no other portal.

    Also those whose entry is still being created by the task worker, with the error when that failed.
    """

    name = "pending_registrations"
    template_name = "forms/admin/pending_registrations_panel.html"
    order = 90  # above Wagtail's own panels: these are people waiting for an answer

    def __init__(self, request):
        self.request = request

    @cached_property
    def registrations(self):
        registrations = ListingRegistration.objects.for_user(self.request.user)
        return list(
            (registrations.pending() | registrations.received())
            .select_related("site", "entry")
            .order_by("created_at")[:50]
        )

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["registrations"] = self.registrations
        return context

    def render_html(self, parent_context=None):
        if not self.registrations:
            return ""
        return super().render_html(parent_context)


@hooks.register("construct_homepage_panels")
def add_pending_registrations_panel(request, panels):
    panels.append(PendingRegistrationsPanel(request))


@hooks.register("before_edit_page")
def warn_about_duplicates(request, page):
    """Tell the moderator reviewing a self-registered entry about entries it may duplicate."""
    if request.method != "GET":
        return None
    registration = ListingRegistration.objects.filter(entry_id=page.pk).first()
    if registration is None:
        return None
    from forms.registration.services import find_duplicates

    duplicates = find_duplicates(page.specific)
    if duplicates:
        names = "; ".join(
            f"{other.title} ({other.municipality or '–'}, {_('pubblicata') if other.live else _('in attesa')})"
            for other in duplicates
        )
        messages.warning(request, _("Possibile doppione: esistono già schede simili: %(names)s.") % {"names": names})
    return None
