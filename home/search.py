"""Portal search: the live, public pages of the current portal in the active language.

Generic over page types: it searches ``Page`` (each backend indexes the specific
fields of every page type declaring ``search_fields``), then loads the result
pages' specific objects with one query per page type. On the network site it
searches every portal, and each result names its portal.

Each result card asks its page for the texts of its snippet and for its date
(``search_snippets()`` and ``search_date()``, defined on ``home.models.BasePage``
and overridden by the page types that have a summary or a date).
"""

import re
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from sites import navigation, page_urls
from sites.portal import get_portal
from sites.querysets import PortalPageQuerySet
from sites.utils import portal_directory, portal_of

from .listing import Counted, paginate
from .search_backends import SearchUnavailable

RESULTS_PER_PAGE = 10
AUTOCOMPLETE_LIMIT = 8
AUTOCOMPLETE_MIN_LENGTH = 2
SNIPPET_LENGTH = 240
TYPE_PARAM = "tipo"

# All a result card reads of the page found (its page type's own fields come from _card_texts):
# fewer columns to select and to load for every result.
CARD_FIELDS = ("id", "title", "url_path", "path", "depth", "content_type_id", "locale_id", "search_description")

SENTENCE_END = re.compile(r"(?<=[.!?;。！？])\s+|\n+")


def clean_query(raw):
    """(query, error message or None): blanks collapsed; empty or over-long queries are refused."""
    query = " ".join((raw or "").split())
    limit = settings.SEARCH_MAX_QUERY_LENGTH
    if len(query) > limit:
        return query[:limit], _("La ricerca è troppo lunga: usa al massimo %(limit)d caratteri.") % {"limit": limit}
    if not backend_query(query):
        return query, _("Scrivi una o più parole da cercare.")
    return query, None


def backend_query(query):
    """The words of the query, lowercased, for the backend.

    Punctuation and operators mean nothing to a citizen but are syntax to SQLite
    FTS5 (quotes, brackets, AND/OR/NOT/NEAR) and to PostgreSQL's tsquery: sending
    words only makes every query safe on every backend.
    """
    return " ".join(re.findall(r"\w+", query.lower()))


def search_scope(portal):
    """Live, public pages in the active language: the portal's tree, or every portal's on the network site."""
    pages = PortalPageQuerySet(Page).live().public().filter(locale=portal.locale)
    if portal.site is None or portal.is_network:
        return pages.filter(depth__gt=1)
    # Each language has its own copy of the portal's tree, rooted at a translation of the home page.
    return pages.descendant_of(portal.root, inclusive=True)


def query_terms(query):
    """Lowercased stems of the query's words, for finding and marking them in snippets."""
    stems = []
    for word in re.findall(r"\w+", query.lower()):
        if len(word) < 2:
            continue
        # A crude stem so "corsi" marks "corso" and "italiana" marks "italiano".
        stems.append(word if len(word) <= 4 else word[: max(4, len(word) - 2)])
    return stems


def highlight(text, terms):
    """Escaped ``text`` with the words starting with one of ``terms`` wrapped in <mark>."""
    escaped = escape(text)
    if not terms:
        return mark_safe(escaped)  # noqa: S308 (escaped above)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(escape(term)) for term in terms) + r")\w*", re.IGNORECASE)
    return mark_safe(pattern.sub(lambda match: f"<mark>{match.group(0)}</mark>", escaped))  # noqa: S308


def _shorten(text, terms):
    if len(text) <= SNIPPET_LENGTH:
        return text
    lowered = text.lower()
    positions = [lowered.find(term) for term in terms if lowered.find(term) >= 0]
    start = max(0, min(positions) - SNIPPET_LENGTH // 3) if positions else 0
    snippet = text[start : start + SNIPPET_LENGTH].strip()
    return ("…" if start else "") + snippet + "…"


def snippet_for(texts, terms):
    """The first sentence of a page's summary-like texts that contains a query word, marked; else the first text."""
    for text in texts:
        for sentence in SENTENCE_END.split(text):
            lowered = sentence.lower()
            if any(term in lowered for term in terms):
                return highlight(_shorten(sentence.strip(), terms), terms)
    if texts:
        return highlight(_shorten(texts[0], terms), terms)
    return ""


def _snippet_texts(page):
    if hasattr(page, "search_snippets"):
        return page.search_snippets()
    # A page type outside the project (Wagtail's own) has only its search description.
    description = (page.search_description or "").strip()
    return [description] if description else []


def date_for(page):
    value = page.search_date() if hasattr(page, "search_date") else None
    return value if isinstance(value, date) else None


@dataclass
class SearchResult:
    page: Page
    title: str
    url: str
    type_label: str
    portal: dict | None
    snippet: str
    date: date | None


@dataclass
class Facet:
    key: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchOutcome:
    query: str = ""
    error: str | None = None
    unavailable: bool = False
    facets: list = field(default_factory=list)
    selected_type: str = ""
    # The page of results (``SearchResult`` cards), as every listing: ``home.listing.paginate``.
    page_obj: object = None
    is_network: bool = False
    # No page has every word: the results have some of them.
    any_word: bool = False


def _type_key(content_type):
    return f"{content_type.app_label}.{content_type.model}"


def _specific_pages(pages):
    """The specific page of each search result, in the same order: one query per page type."""
    pks_by_type = {}
    for page in pages:
        pks_by_type.setdefault(page.content_type_id, []).append(page.pk)
    specific = {}
    for content_type_id, pks in pks_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or model is Page:
            continue
        specific.update(model.objects.filter(pk__in=pks).defer_streamfields().in_bulk())
    return [specific.get(page.pk, page) for page in pages]


def _card_texts(pages):
    """{page id: (snippet texts, date)} of the result pages. The same for every search until the
    next publish, so cached per page; the others are read as their page type (one query per type)."""
    by_key = {f"search:card:{page.pk}": page for page in pages}

    def read(keys):
        specific = _specific_pages([by_key[key] for key in keys])
        return {f"search:card:{page.pk}": (_snippet_texts(page), date_for(page)) for page in specific}

    return {by_key[key].pk: texts for key, texts in navigation.cached_many(list(by_key), read).items()}


def _facets(counts, selected_type):
    """A facet per page type found, most results first (content types come from Django's cache)."""
    facets = []
    for content_type_id, count in counts.items():
        content_type = ContentType.objects.get_for_id(content_type_id)
        model = content_type.model_class()
        if model is None:
            continue
        key = _type_key(content_type)
        label = str(model._meta.verbose_name_plural)
        facets.append(Facet(key, label[:1].upper() + label[1:], count, key == selected_type))
    facets.sort(key=lambda facet: (-facet.count, facet.label))
    return facets


def _result(page, card_texts, request, terms, directory):
    texts, date = card_texts
    model = page.specific_class or type(page)
    return SearchResult(
        page=page,
        title=page.title,
        url=page_urls.page_url(page, request),
        type_label=str(model._meta.verbose_name),
        portal=portal_of(page, directory),
        snippet=snippet_for(texts, terms),
        date=date,
    )


def run_search(request, raw_query, selected_type=""):
    """Search the request's portal in the active language; never raises for user input or a down server."""
    portal = get_portal(request)
    outcome = SearchOutcome(selected_type=selected_type or "", is_network=portal.is_network)
    outcome.page_obj = paginate(request, [], RESULTS_PER_PAGE)
    outcome.query, outcome.error = clean_query(raw_query)
    if outcome.error:
        return outcome

    scope = search_scope(portal)
    backend = get_search_backend()
    try:
        # One query: counts per page type, which also give the total. Pages with every
        # word first; if there is none, pages with any of them (the citizen is told so).
        words = backend_query(outcome.query)
        operator = "and"
        counts = backend.search(words, scope, operator=operator).facet("content_type_id")
        if not counts and " " in words:
            operator = "or"
            counts = backend.search(words, scope, operator=operator).facet("content_type_id")
            outcome.any_word = bool(counts)
        counts = {pk: count for pk, count in counts.items() if pk}
        outcome.facets = _facets(counts, outcome.selected_type)

        if outcome.selected_type:
            # A type with no result for this query (or an unknown one) leaves nothing to show.
            selected = [pk for pk in counts if _type_key(ContentType.objects.get_for_id(pk)) == outcome.selected_type]
            total = sum(counts[pk] for pk in selected)
            scope = scope.filter(content_type_id__in=selected)
        else:
            total = sum(counts.values())
        results = backend.search(words, scope.only(*CARD_FIELDS), operator=operator) if total else []
        outcome.page_obj = paginate(request, Counted(results, total), RESULTS_PER_PAGE)
        pages = list(outcome.page_obj.object_list)
    except SearchUnavailable:
        outcome.unavailable = True
        outcome.facets = []
        outcome.page_obj = paginate(request, [], RESULTS_PER_PAGE)
        return outcome

    terms = query_terms(outcome.query)
    card_texts, directory = _card_texts(pages), portal_directory()
    outcome.page_obj.object_list = [_result(page, card_texts[page.pk], request, terms, directory) for page in pages]
    return outcome


def autocomplete_titles(request, raw_query, limit=AUTOCOMPLETE_LIMIT):
    """[{"title", "url"}] of pages whose title starts with the query's words, in this portal and language."""
    query = backend_query(raw_query or "")
    if len(query) < AUTOCOMPLETE_MIN_LENGTH or len(query) > settings.SEARCH_MAX_QUERY_LENGTH:
        return []
    scope = search_scope(get_portal(request)).only(*CARD_FIELDS)
    pages = get_search_backend().autocomplete(query, scope)[:limit]
    return [{"title": page.title, "url": page_urls.page_url(page, request)} for page in pages]
