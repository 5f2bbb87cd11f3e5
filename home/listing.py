"""The one listing shape of every index page (projects, directories, campaigns, news).

``paginate`` gives the page of items that templates receive as ``page_obj``; items
come from queryset methods (``in_scope``, ``in_language``, ``with_card_images`` and
each page type's filters), never from template logic.
"""

from django.core.paginator import Paginator

from sites import navigation


def paginate(request, items, per_page, param="page"):
    """The requested page of ``items``; a page number out of range gives the last page, garbage the first."""
    return Paginator(items, per_page).get_page(request.GET.get(param))


def paginate_cached(request, items, per_page, key, prepare=list):
    """``paginate`` for a list that is the same for every visitor (no filter chosen): its count and
    each of its pages (as ``prepare`` makes them, a list) are cached until the next publish."""
    total = navigation.cached(f"{key}:count", items.count)
    page_obj = paginate(request, Counted(items, total), per_page)
    page_obj.object_list = navigation.cached(f"{key}:page:{page_obj.number}", lambda: prepare(page_obj.object_list))
    return page_obj


class Counted:
    """Items whose number is already known (search facets, a cached count): the paginator needs no count query."""

    def __init__(self, items, total):
        self.items = items
        self.total = total

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, key):
        return self.items[key]


def with_renditions(items, image_field, spec):
    """``items``, each with the ``spec`` rendition of its ``image_field`` image at hand (made now if missing).

    For lists cached for every visitor: a rendition made while rendering would not be in the cached
    copies, and each request would look it up again (a query per image).
    """
    for item in items:
        image = getattr(item, image_field)
        if image is not None:
            image.get_rendition(spec)
    return items
