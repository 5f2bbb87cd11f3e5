from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import DirectoryCategory


class DirectoryCategoryViewSet(SnippetViewSet):
    model = DirectoryCategory
    icon = "tag"
    menu_label = _("Categorie degli elenchi")
    list_display = ["name", "kind", "slug"]
    list_filter = ["kind", "locale"]
    search_fields = ["name"]
    ordering = ["kind", "name"]


register_snippet(DirectoryCategoryViewSet)
