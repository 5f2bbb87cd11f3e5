"""The public page of each role, found in the database: the URL a visitor would open.

Pages are taken from the portal with the largest directory (after ``manage.py grow``, the grown
one), in Italian; the campaign in Arabic is that campaign's Arabic translation when it has one.
"""

import re
from dataclasses import dataclass
from urllib.parse import quote_plus, urlsplit

from campaigns.models import CampaignPage, NewsIndexPage
from directory.models import DirectoryEntryPage, DirectoryIndexPage
from projects.models import ProjectIndexPage, ProjectPage
from sites.utils import portal_root

ROLES = (
    "home",
    "project_index",
    "project",
    "directory_index",
    "entry",
    "campaign",
    "campaign_ar",
    "news",
    "search",
    "sitemap",
)


@dataclass
class Target:
    role: str
    host: str
    path: str


def _italian(model, root):
    """Live Italian pages of ``model`` in the portal, or in any portal when it has none."""
    pages = model.objects.live().public().filter(locale__language_code="it")
    return pages.descendant_of(root) if pages.descendant_of(root).exists() else pages


def _target(role, page):
    if page is None:
        return None
    parts = page.get_url_parts()
    if not parts or parts[1] is None:
        return None
    return Target(role, urlsplit(parts[1]).hostname, parts[2])


def _search_word(page):
    words = re.findall(r"\w{5,}", page.title if page else "")
    return words[0].lower() if words else "progetto"


def resolve(roles=ROLES):
    """{role: Target} for each role of ``roles`` that has a live page to measure."""
    directories = DirectoryIndexPage.objects.live().public().filter(locale__language_code="it")
    if not directories:
        return {}
    # The most live entries (numchild also counts registrations waiting in moderation).
    directory = max(
        directories, key=lambda index: (DirectoryEntryPage.objects.live().child_of(index).count(), -index.pk)
    )
    root = portal_root(directory)
    project = _italian(ProjectPage, root).order_by("-first_published_at", "pk").first()
    campaign = _italian(CampaignPage, root).order_by("-first_published_at", "pk").first()
    arabic = CampaignPage.objects.live().public().filter(locale__language_code="ar")
    if campaign is not None and arabic.filter(translation_key=campaign.translation_key).exists():
        arabic = arabic.filter(translation_key=campaign.translation_key)
    home = _target("home", root)
    pages = {
        "home": lambda: home,
        "project_index": lambda: _target("project_index", _italian(ProjectIndexPage, root).first()),
        "project": lambda: _target("project", project),
        "directory_index": lambda: _target("directory_index", directory),
        "entry": lambda: _target("entry", DirectoryEntryPage.objects.live().public().child_of(directory).first()),
        "campaign": lambda: _target("campaign", campaign),
        "campaign_ar": lambda: _target("campaign_ar", arabic.order_by("pk").first()),
        "news": lambda: _target("news", _italian(NewsIndexPage, root).first()),
        "search": lambda: (
            home and Target("search", home.host, f"{home.path}cerca/?q={quote_plus(_search_word(project))}")
        ),
        "sitemap": lambda: home and Target("sitemap", home.host, "/sitemap.xml"),
    }
    found = {role: pages[role]() for role in roles}
    return {role: target for role, target in found.items() if target}
