"""The portal search page and its autocomplete endpoint (the logic is in ``home.search``)."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from .search import TYPE_PARAM, autocomplete_titles, run_search
from .search_backends import SearchUnavailable


@require_GET
def search(request):
    outcome = run_search(request, request.GET.get("q", ""), request.GET.get(TYPE_PARAM, ""))
    return TemplateResponse(
        request,
        "search/search.html",
        {"search": outcome, "page_obj": outcome.page_obj, "search_query": outcome.query, "type_param": TYPE_PARAM},
    )


@require_GET
def autocomplete(request):
    """{"results": [{"title", "url"}]}: a few titles for the search box, from this portal and language."""
    try:
        results = autocomplete_titles(request, request.GET.get("q", ""))
    except SearchUnavailable:
        return JsonResponse({"results": [], "unavailable": True})
    return JsonResponse({"results": results})
