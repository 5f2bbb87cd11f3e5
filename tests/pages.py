from wagtail.models import Page


def section(site, slug):
    """A portal's standard section by its slug (created by provisioning, see sites/sections.py)."""
    return Page.objects.child_of(site.root_page).get(slug=slug).specific
