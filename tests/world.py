"""The minimal network the tests run against: the network site, Siena and Lucca."""

from wagtail.models import Collection, Locale, Page

from sites.portals import provision_portal

NETWORK_NAME = "La Rete delle Reti"
PORTALS = {
    "siena": ("Pari Opportunità Siena", "Siena", "Toscana"),
    "lucca": ("Pari Opportunità Lucca", "Lucca", "Toscana"),
}


def ensure_wagtail_roots():
    """Recreate what Wagtail's migrations create, after a transactional test flushed it."""
    if not Locale.objects.exists():
        Locale.objects.create(language_code="it")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(title="Root", slug="root", locale=Locale.objects.get(language_code="it"))
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")
    # wagtail-localize creates this permission in a data migration, which a flush does not replay.
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    content_type, _ = ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")
    Permission.objects.get_or_create(
        content_type=content_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )


def build_world():
    ensure_wagtail_roots()
    # Wagtail's placeholder site would compete with the network site for "localhost".
    from wagtail.models import Site

    for site in Site.objects.filter(root_page__content_type__app_label="wagtailcore"):
        page = site.root_page
        site.delete()
        page.delete()
    results = {
        "network": provision_portal(name=NETWORK_NAME, hostname="localhost", port=8000, slug="rete", network=True)
    }
    for key, (name, province, region) in PORTALS.items():
        results[key] = provision_portal(
            name=name, hostname=f"{key}.localhost", port=8000, province=province, region=region
        )
    return results
