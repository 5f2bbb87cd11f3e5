"""Pagination shared by every listing page (projects, directories, campaigns, news, search)."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator


def paginate(request, items, per_page, param="page"):
    """The requested page of ``items``; a page number out of range gives the last page, garbage the first."""
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(request.GET.get(param, 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)
