"""National campaigns: a campaign of the network site copied into the portals as drafts."""

from dataclasses import dataclass, field

from django.db import transaction
from wagtail.actions.copy_page import CopyPageAction
from wagtail.models import Page, Site

from sites.utils import free_slug


class CopyError(Exception):
    """The copy cannot be made as asked (the message says why, in one line)."""


@dataclass
class CopyResult:
    created: list = field(default_factory=list)  # (site, copied CampaignPage)
    skipped: list = field(default_factory=list)  # (site, existing copy)


def portal_sites(hostnames=None):
    """The portals to copy into: every site but the network, or those named by hostname."""
    portals = Site.objects.filter(is_default_site=False).select_related("root_page").order_by("hostname")
    if not hostnames:
        return list(portals)
    found = {site.hostname: site for site in portals.filter(hostname__in=hostnames)}
    missing = [name for name in hostnames if name not in found]
    if missing:
        raise CopyError(f"no portal with hostname {', '.join(missing)} (the network site cannot be a target).")
    return [found[name] for name in dict.fromkeys(hostnames)]


def _campaign_index(site):
    from .models import CampaignIndexPage

    index = CampaignIndexPage.objects.child_of(site.root_page).first()
    if index is None:
        raise CopyError(f'the portal {site.hostname} has no "Campagne" section to copy into.')
    return index


def get_network_campaign(page_id):
    from .models import CampaignPage

    source = CampaignPage.objects.filter(pk=page_id).first()
    if source is None:
        raise CopyError(f"no campaign with id {page_id}.")
    network = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if network is None or not source.is_descendant_of(network.root_page):
        raise CopyError(f'the campaign {page_id} ("{source.title}") is not on the network site.')
    return source


@transaction.atomic
def copy_campaign_to_portals(source, sites, user=None, log=None):
    """Copy ``source`` (with its events; resources travel in the page) into each portal's campaign index.

    Copies are drafts for the portal's staff to adapt, and remember their
    source: a portal that already has a copy of this campaign is skipped.
    """
    from .models import CampaignPage

    result = CopyResult()
    for site in sites:
        index = _campaign_index(site)
        existing = CampaignPage.objects.filter(copied_from=source).descendant_of(site.root_page).first()
        if existing:
            result.skipped.append((site, existing))
            if log:
                log(f"{site.hostname}: already has a copy (page {existing.pk}), skipped")
            continue
        copy = CopyPageAction(
            page=source,
            to=index,
            update_attrs={"copied_from": source, "slug": free_slug(source.slug, index.get_children())},
            recursive=True,
            keep_live=False,
            user=user,
        ).execute(skip_permission_checks=True)
        copy = Page.objects.get(pk=copy.pk).specific
        result.created.append((site, copy))
        if log:
            log(f"{site.hostname}: draft copy created (page {copy.pk}) under {index.url_path}")
    return result
