"""The one listing shape of every index page (projects, directories, campaigns, news).

``paginate`` gives the page of items that templates receive as ``page_obj``; items
come from queryset methods (``in_scope``, ``in_language``, ``with_card_images`` and
each page type's filters), never from template logic.
"""

from django.core.paginator import Paginator


def paginate(request, items, per_page, param="page"):
    """The requested page of ``items``; a page number out of range gives the last page, garbage the first."""
    return Paginator(items, per_page).get_page(request.GET.get(param))
