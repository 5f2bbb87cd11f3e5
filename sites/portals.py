"""Provisioning a portal: its Site, page tree, collection, staff groups and workflow.

Everything is created with get-or-create inside one transaction, so running it
again for the same portal changes nothing and a failure leaves nothing behind.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import PortalSettings
from .sections import NETWORK_SECTIONS, PORTAL_SECTIONS, ROOT, page_type

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page")
MODERATOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page")
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)
TRANSLATOR_PAGE_PERMISSIONS = ("add_page", "change_page")
ROLES = ("editors", "moderators", "translators")
PAGE_PERMISSIONS = {
    "editors": EDITOR_PAGE_PERMISSIONS,
    "moderators": MODERATOR_PAGE_PERMISSIONS,
    "translators": TRANSLATOR_PAGE_PERMISSIONS,
}


class PortalError(Exception):
    """A portal cannot be provisioned as asked (the message says why, in one line)."""


@dataclass
class ProvisionResult:
    site: Site
    home: Page
    collection: Collection
    groups: dict
    created: list = field(default_factory=list)


def group_name(portal_name, role):
    return f"{portal_name} {role}"


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _check_clashes(name, hostname, port, slug):
    clash = Site.objects.filter(hostname=hostname).exclude(site_name=name).first()
    if clash:
        raise PortalError(f'the hostname {hostname} is already used by the site "{clash.site_name}".')
    same_name = Site.objects.filter(site_name=name).exclude(hostname=hostname).first()
    if same_name:
        raise PortalError(f'a portal named "{name}" already exists at {same_name.hostname}.')
    existing = Site.objects.filter(hostname=hostname, site_name=name).first()
    if existing and existing.port != port:
        raise PortalError(f'the portal "{name}" already exists on port {existing.port}, not {port}.')
    root = Page.get_first_root_node()
    taken = root.get_children().filter(slug=slug)
    if existing:
        taken = taken.exclude(pk=existing.root_page_id)
    if taken.exists():
        raise PortalError(f'the page slug "{slug}" is already used by another portal; pass a different --slug.')
    return existing


def ensure_locales():
    """Create a Locale for every content language (idempotent)."""
    from django.conf import settings

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    return Locale.get_default()


@transaction.atomic
def provision_portal(*, name, hostname, port=80, province="", region="", slug="", network=False):
    """Create (or complete) a portal. Raises PortalError on a clash, creating nothing."""
    hostname = hostname.strip().lower()
    slug = slug or slugify(hostname.split(".")[0])
    if not name.strip() or not hostname:
        raise PortalError("a portal needs a name and a hostname.")
    existing = _check_clashes(name, hostname, port, slug)
    created = []
    locale = ensure_locales()

    HomePage = page_type(ROOT)
    if existing:
        site = existing
        home = site.root_page.specific
    else:
        home = HomePage(title=name, slug=slug, locale=locale, hero_title=name)
        Page.get_first_root_node().add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.create(
            hostname=hostname, port=port, site_name=name, root_page=home, is_default_site=network
        )
        created += [f"site {hostname}:{port}", f'home page "{name}"']

    sections = NETWORK_SECTIONS if network else PORTAL_SECTIONS
    section_pages = []
    for section in sections:
        page = home.get_children().filter(slug=section.slug).first()
        if page is None:
            page = section.model(
                title=section.title, slug=section.slug, show_in_menus=section.show_in_menus, locale=locale
            )
            for attr, value in section.fields.items():
                setattr(page, attr, value)
            home.add_child(instance=page)
            page.save_revision().publish()
            created.append(f'section "{section.title}"')
        section_pages.append((section, page))

    portal_settings, settings_created = PortalSettings.objects.get_or_create(
        site=site, defaults={"portal_name": name, "province": province, "region": region}
    )
    if settings_created:
        created.append("portal settings")
    changed = False
    for section, page in section_pages:
        if section.settings_field and not getattr(portal_settings, f"{section.settings_field}_id"):
            setattr(portal_settings, section.settings_field, page)
            changed = True
    if changed:
        portal_settings.save()

    root_collection = Collection.get_first_root_node()
    collection = root_collection.get_children().filter(name=name).first()
    if collection is None:
        collection = root_collection.add_child(name=name)
        created.append(f'collection "{name}"')

    groups = {}
    for role in ROLES:
        group, group_created = Group.objects.get_or_create(name=group_name(name, role))
        if group_created:
            created.append(f'group "{group.name}"')
        groups[role] = group
        group.permissions.add(_permission("wagtailadmin", "access_admin"))
        if role == "translators":
            group.permissions.add(_permission("wagtail_localize", "submit_translation"))
        for root in home.get_translations(inclusive=True):
            for codename in PAGE_PERMISSIONS[role]:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root, permission=_permission("wagtailcore", codename)
                )
        for app_label, codename in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=_permission(app_label, codename)
            )
        GroupSitePermission.objects.get_or_create(
            group=group, site=site, permission=_permission("sites", "change_portalsettings")
        )

    workflow, workflow_created = Workflow.objects.get_or_create(name=f"{name}: moderazione")
    if workflow_created:
        task = GroupApprovalTask.objects.create(name=f"{name}: approvazione dei moderatori")
        task.groups.set([groups["moderators"]])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        created.append(f'workflow "{workflow.name}"')
    for root in home.get_translations(inclusive=True):
        WorkflowPage.objects.get_or_create(page=root, defaults={"workflow": workflow})

    return ProvisionResult(site=site, home=home, collection=collection, groups=groups, created=created)


def extend_portal_to_translated_root(source_root, translated_root):
    """A portal home translated into a new language is a new tree root: give it the
    same staff permissions and moderation workflow as the Italian home."""
    if translated_root.depth != 2:
        return
    for permission in GroupPagePermission.objects.filter(page=source_root):
        GroupPagePermission.objects.get_or_create(
            group_id=permission.group_id, page=translated_root, permission_id=permission.permission_id
        )
    workflow_page = WorkflowPage.objects.filter(page=source_root).first()
    if workflow_page:
        WorkflowPage.objects.get_or_create(page=translated_root, defaults={"workflow": workflow_page.workflow})
