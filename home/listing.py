"""The one listing shape of every index page (projects, directories, campaigns, news).

``paginate`` gives the page of items that templates receive as ``page_obj``; items
come from queryset methods (``in_scope``, ``in_language``, ``with_card_images`` and
each page type's filters), never from template logic.
"""

from django.core.paginator import Paginator


def paginate(request, items, per_page, param="page"):
    """The requested page of ``items``; a page number out of range gives the last page, garbage the first."""
    return Paginator(items, per_page).get_page(request.GET.get(param))


class Counted:
    """Items whose total is already known (from facets or a cached count): the paginator asks no COUNT."""

    def __init__(self, items, total):
        self.items = items
        self.total = total

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, key):
        return self.items[key]
