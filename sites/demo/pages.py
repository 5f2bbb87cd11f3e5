"""Home pages and the "Chi siamo" page of every demo portal."""

from wagtail.models import Page

from home.models import HomePageFeaturedSection

from .portals import NETWORK, PORTALS


def _publish_home(result, spec):
    home = result.home.specific
    if home.intro:
        return False
    home.intro = spec.intro
    home.hero_title = spec.name
    sections = {page.slug: page for page in home.get_children()}
    home.featured_sections = [
        HomePageFeaturedSection(page=sections[slug]) for slug in spec.featured if slug in sections
    ]
    home.save_revision().publish()
    return True


def _publish_about(result, spec):
    about = Page.objects.child_of(result.home).filter(slug="chi-siamo").first()
    if about is None:
        return False
    about = about.specific
    if about.body.raw_data:
        return False
    about.body = [("paragraph", f"<p>{spec.about}</p>")]
    about.save_revision().publish()
    return True


def load(context):
    for spec in (NETWORK, *PORTALS):
        result = context.network if spec.network else context.portals[spec.key]
        changed = _publish_home(result, spec)
        changed = _publish_about(result, spec) or changed
        if changed:
            context.log(f'{spec.name}: home page and "Chi siamo" written')
