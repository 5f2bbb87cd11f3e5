"""The directory index: filters, A–Z letters, pagination and map points, all read from the URL.

Query parameters (Italian, as the public sees them): ``q`` (text), ``categoria``
(category slug), ``comune`` (municipality), ``lingua`` (language code),
``aperto=1`` (open now), ``lettera`` (initial A–Z), ``page``.
"""

import string
import unicodedata

from django import forms
from django.conf import settings
from django.db.models import Count, Q
from django.db.models.functions import Lower, Substr, Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.listing import Counted, paginate, paginate_cached, with_renditions
from sites import navigation

from .choices import SPOKEN_LANGUAGES
from .models import DirectoryCategory

PER_PAGE = 24
LOGO_SPEC = "fill-96x96"
LETTERS = string.ascii_uppercase
ACCENTS = ("\u0300", "\u0301")  # grave and acute, the accents an Italian initial can carry


def base_letter(char):
    """ "À" → "A": accented initials are listed under their letter."""
    return unicodedata.normalize("NFD", char or "")[:1].upper()


def _forms_of_letter(letter):
    """The letter and its accented forms an Italian initial can take (À, Á under A)."""
    return {letter, *(unicodedata.normalize("NFC", letter + accent) for accent in ACCENTS)}


def _starts_with_letter(letter):
    """Titles starting with the letter or an accented form of it (Àncora under A)."""
    query = Q()
    for form in _forms_of_letter(letter):
        query |= Q(title__istartswith=form)
    return query


def tile_settings():
    """The map tile server (``DIRECTORY_TILE_URL``) and its attribution (settings own the defaults)."""
    return {"url": settings.DIRECTORY_TILE_URL, "attribution": settings.DIRECTORY_TILE_ATTRIBUTION}


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Cerca per nome o servizio"), required=False, max_length=100)
    categoria = forms.ChoiceField(label=_("Categoria"), required=False)
    comune = forms.ChoiceField(label=_("Comune"), required=False)
    lingua = forms.ChoiceField(label=_("Lingua allo sportello"), required=False)
    aperto = forms.BooleanField(label=_("Solo aperti ora"), required=False)
    lettera = forms.ChoiceField(required=False, choices=[("", "")] + [(letter, letter) for letter in LETTERS])

    def __init__(self, data, *, categories, municipalities, languages):
        super().__init__(data)
        every = [("", _("Tutte"))]
        self.fields["categoria"].choices = every + [(category.slug, category.name) for category in categories]
        self.fields["comune"].choices = [("", _("Tutti"))] + [(name, name) for name in municipalities]
        self.fields["lingua"].choices = every + [(code, label) for code, label in SPOKEN_LANGUAGES if code in languages]

    def clean_lettera(self):
        return self.cleaned_data["lettera"].upper()

    @property
    def active(self):
        return self.is_bound and self.is_valid() and any(self.cleaned_data.values())


def _clean_params(request):
    data = request.GET.copy()
    if "lettera" in data:
        data["lettera"] = data["lettera"].upper()
    return data


def filter_entries(entries, filters, now):
    """Apply the cleaned filters (all but the letter) to a DirectoryEntryQuerySet."""
    query = filters.get("q", "").strip()
    if query:
        entries = entries.filter(
            Q(title__icontains=query)
            | Q(short_description__icontains=query)
            | Q(services__icontains=query)
            | Q(municipality__icontains=query)
        )
    if filters.get("categoria"):
        entries = entries.in_category(filters["categoria"])
    if filters.get("comune"):
        entries = entries.filter(municipality=filters["comune"])
    if filters.get("lingua"):
        entries = entries.speaking(filters["lingua"])
    if filters.get("aperto"):
        entries = entries.open_at(now)
    return entries


def directory_categories(index):
    """The categories of the directory's kind in its language (the default language's where untranslated),
    cached until the next publish or change of a category (see apps.py)."""

    def categories():
        found = {}
        for category in DirectoryCategory.objects.filter(
            kind=index.kind, locale_id__in={index.locale_id, index.default_locale_id}
        ):
            if category.translation_key not in found or category.locale_id == index.locale_id:
                found[category.translation_key] = category
        return sorted(found.values(), key=lambda category: category.name.lower())

    return navigation.cached(f"directory:categories:{index.pk}", categories)


def names_by_key(categories):
    """{translation key: name} of ``categories`` (``directory_categories``: the directory's language)."""
    return {category.translation_key: category.name for category in categories}


def category_names(entry, names):
    """The entry's categories named as in ``names`` (``names_by_key``), its own name where missing."""
    return [names.get(category.translation_key, category.name) for category in entry.categories.all()]


def municipality_choices(entries):
    """The municipalities the entries are in, A–Z (one DISTINCT query)."""
    names = entries.exclude(municipality="").order_by().values_list("municipality", flat=True).distinct()
    return sorted(names, key=str.lower)


def spoken_languages(entries):
    """Codes of the languages spoken by at least one of the entries: one aggregate query, a count per code."""
    counts = entries.order_by().aggregate(
        **{
            f"speaking_{code}": Count("pk", filter=Q(languages__contains=f",{code},"))
            for code, _label in SPOKEN_LANGUAGES
        }
    )
    return {code for code, _label in SPOKEN_LANGUAGES if counts[f"speaking_{code}"]}


def map_points(index, request, entries):
    """The listed entries (this page of the list) that have coordinates, for the map script.

    Only the page being shown: a directory of thousands of entries never puts all of them in the HTML.
    """
    index_url = index.get_url(request)
    source = index.source_directory()
    source_url = source.get_url(request) if source else index_url
    return [
        {
            "name": entry.title,
            # Entries are children of this directory or, untranslated, of its default-language version.
            "url": f"{index_url if entry.path.startswith(index.path) else source_url}{entry.slug}/",
            "lat": float(entry.latitude),
            "lng": float(entry.longitude),
            "place": entry.municipality,
        }
        for entry in entries
        if entry.has_coordinates
    ]


def export_url(index, request, extension):
    """``…/export.csv`` (Wagtail's routable pages answer it with or without the trailing slash)."""
    return index.get_url(request) + index.reverse_subpage(f"export_{extension}").rstrip("/")


def letter_counts(index, entries, filters):
    """{initial, upper case: number of entries} among the filtered ones: one GROUP BY query, which
    gives both the letters that have entries and the number to paginate (no COUNT query).

    Kept until something is published, per combination of the choice filters; a free-text search
    or "open now" (which changes with the clock) is counted each time.
    """

    def counts():
        rows = entries.order_by().annotate(initial=Upper(Substr("title", 1, 1))).values("initial")
        # Upper() in Python too: SQLite's UPPER only knows ASCII.
        found = {}
        for row in rows.annotate(count=Count("pk")):
            initial = (row["initial"] or "").upper()
            found[initial] = found.get(initial, 0) + row["count"]
        return found

    if filters.get("q") or filters.get("aperto"):
        return counts()
    chosen = ":".join(filters.get(name) or "" for name in ("categoria", "comune", "lingua"))
    return navigation.cached(f"directory:letters:{index.pk}:{chosen}", counts)


def directory_listing_context(index, request, now=None):
    now = now or timezone.now()
    base = index.entries()

    # The filter choices: this directory's categories (in its language) and what its entries contain,
    # each one query that the database answers, whatever the number of entries; the same for every
    # visitor, so cached until the next publish (as are the letters and pages of the whole list below).
    categories = directory_categories(index)
    choices = navigation.cached(
        f"directory:choices:{index.pk}",
        lambda: {"municipalities": municipality_choices(base), "languages": spoken_languages(base)},
    )

    form = DirectoryFilterForm(
        _clean_params(request) if request.GET else None,
        categories=categories,
        municipalities=choices["municipalities"],
        languages=choices["languages"],
    )
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    entries = filter_entries(base, filters, now)
    # Nothing but (perhaps) a letter chosen: the whole directory, what most visitors see.
    whole = not any(value for name, value in filters.items() if name != "lettera")

    counts = letter_counts(index, entries, filters)
    initials = {base_letter(initial) for initial in counts}
    letter = filters.get("lettera", "")
    if letter:
        entries = entries.filter(_starts_with_letter(letter))
        total = sum(counts.get(form, 0) for form in _forms_of_letter(letter))
    else:
        total = sum(counts.values())

    # Ordered as the index on lower(title) (see migrations): the first pages need no sort of every entry.
    entries = entries.order_by(Lower("title"), "pk").with_public_data(LOGO_SPEC)
    names = names_by_key(categories)

    def prepared(page_of_entries):
        page_of_entries = with_renditions(list(page_of_entries), "logo", LOGO_SPEC)
        for entry in page_of_entries:
            entry.category_names = category_names(entry, names)
        return page_of_entries

    if whole and not letter:
        page_obj = paginate_cached(request, entries, PER_PAGE, f"directory:list:{index.pk}", prepared)
    else:
        page_obj = paginate(request, Counted(entries, total), PER_PAGE)
        page_obj.object_list = prepared(page_obj.object_list)
    for entry in page_obj.object_list:
        entry.open_now = entry.is_open_at(now) if entry.has_opening_hours else None

    return {
        "filter_form": form,
        "filters_active": form.active,
        "page_obj": page_obj,
        "entries": page_obj.object_list,
        "letters": [(char, char in initials) for char in LETTERS],
        "current_letter": letter,
        "map_points": map_points(index, request, page_obj.object_list),
        "tile": tile_settings(),
        "logo_spec": LOGO_SPEC,
        "export_csv_url": export_url(index, request, "csv"),
        "export_json_url": export_url(index, request, "json"),
    }
