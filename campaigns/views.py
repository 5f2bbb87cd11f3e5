"""Admin: copy a national campaign into the portals (the same as ``manage.py copy_campaign_to_portals``)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from .copying import CopyError, copy_campaign_to_portals, get_network_campaign, portal_sites
from .models import CampaignPage


def can_copy_to_portals(user, page):
    """National campaigns are the network's: only superusers copy them into the portals."""
    return user.is_superuser and issubclass(page.specific_class or type(page), CampaignPage)


@require_http_methods(["GET", "POST"])
def copy_to_portals(request, page_id):
    if not request.user.is_superuser:
        raise PermissionDenied
    try:
        source = get_network_campaign(page_id)
    except CopyError as error:
        messages.error(request, str(error))
        return redirect("wagtailadmin_explore_root")
    sites = portal_sites()
    copied = {
        site.pk
        for site in sites
        if CampaignPage.objects.filter(copied_from=source).descendant_of(site.root_page).exists()
    }
    if request.method == "POST":
        chosen = [site for site in sites if str(site.pk) in request.POST.getlist("portals") and site.pk not in copied]
        if not chosen:
            messages.warning(request, _("Scegli almeno un portale che non abbia già una copia."))
            return redirect(request.path)
        try:
            result = copy_campaign_to_portals(source, chosen, user=request.user)
        except CopyError as error:
            messages.error(request, str(error))
            return redirect(request.path)
        messages.success(
            request,
            ngettext(
                "Creata %(count)d bozza: lo staff del portale può adattarla e pubblicarla.",
                "Create %(count)d bozze: lo staff di ogni portale può adattarle e pubblicarle.",
                len(result.created),
            )
            % {"count": len(result.created)},
        )
        return redirect(reverse("wagtailadmin_explore", args=[source.get_parent().pk]))
    return TemplateResponse(
        request,
        "campaigns/admin/copy_to_portals.html",
        {"source": source, "portals": [(site, site.pk in copied) for site in sites]},
    )
