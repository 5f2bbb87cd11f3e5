"""Admin views that Wagtail and wagtail-localize leave open across portals, scoped to the user's portal.

Where Wagtail has a hook, ``wagtail_hooks`` uses it. For the views below it has none, so
``scope_admin_urls`` (applied to Wagtail's admin URLconf in ``portal/urls.py``) wraps them:
``GUARDS`` runs a check before Wagtail's own view, which otherwise stays as it is;
``REPLACEMENTS`` serves a subclass of Wagtail's view instead. A route listed here that
Wagtail no longer has stops startup, so an upgrade cannot silently drop a check.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured, ObjectDoesNotExist, PermissionDenied
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.urls import URLPattern, URLResolver
from django.views.decorators.cache import never_cache
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportFilterSet, PageTypesUsageReportView
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page
from wagtail.snippets.permissions import user_can_edit_snippet_type
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views.report import TranslationsReportView
from wagtail_localize.views.submit_translations import SubmitPageTranslationView

from . import staff_scope

# --- admin API: Wagtail's endpoints list every portal's images and documents ---------------------


class ScopedPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    def get_base_queryset(self):
        # The tree root stays: the sidebar explorer starts from it ("child_of=root").
        queryset = super().get_base_queryset()
        if staff_scope.is_unrestricted(self.request.user):
            return queryset
        return queryset.filter(staff_scope.page_filter(self.request.user) | Q(depth=1))


class ScopedImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return staff_scope.scope_collection_objects(super().get_queryset(), self.request.user)


class ScopedDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return staff_scope.scope_collection_objects(super().get_queryset(), self.request.user)


# --- checks run before Wagtail's own view --------------------------------------------------------


def _page_or_none(page_id):
    return Page.objects.filter(pk=page_id).only("pk", "path", "depth").first()


def _visible_page(request, page_id):
    # A missing page is Wagtail's own 404; the tree root holds no content.
    page = _page_or_none(page_id)
    return page is None or page.depth == 1 or staff_scope.can_see_page(request.user, page)


def _ids(request, name="id"):
    return [value for value in request.GET.getlist(name) if value.isdigit()]


def page_chooser_parent(request, parent_page_id):
    return _visible_page(request, parent_page_id)


def page_chooser_chosen(request):
    ids = _ids(request)
    return all(staff_scope.can_see_page(request.user, page) for page in Page.objects.filter(pk__in=ids))


def _visible_objects(request, model, ids):
    return all(staff_scope.can_see_collection_object(request.user, obj) for obj in model.objects.filter(pk__in=ids))


def image_chosen(request, pk=None, image_id=None):
    ids = [pk or image_id] if (pk or image_id) else _ids(request)
    return _visible_objects(request, get_image_model(), [str(value) for value in ids if str(value).isdigit()])


def document_chosen(request, pk=None):
    ids = [pk] if pk else _ids(request)
    return _visible_objects(request, get_document_model(), [value for value in ids if str(value).isdigit()])


def _may_translate(user, instance, locales=()):
    if isinstance(instance, Page):
        return staff_scope.can_translate_page(user, instance, locales)
    # Snippets (sectors, directory categories) are shared by the whole network.
    return user.has_perm("wagtail_localize.submit_translation") and user_can_edit_snippet_type(user, type(instance))


def snippet_submission(request, app_label, model_name, pk):
    content_type = ContentType.objects.filter(app_label=app_label, model=model_name).first()
    model = content_type.model_class() if content_type else None
    return model is None or staff_scope.is_unrestricted(request.user) or user_can_edit_snippet_type(request.user, model)


def translation_source_sync(request, translation_source_id):
    source = TranslationSource.objects.filter(pk=translation_source_id).first()
    if source is None:
        return True
    try:
        instance = source.get_source_instance()
    except ObjectDoesNotExist:  # the source object is gone: nothing of a portal left to protect
        return staff_scope.is_unrestricted(request.user)
    locales = [translation.target_locale for translation in source.translations.select_related("target_locale")]
    return _may_translate(request.user, instance, locales)


def translation_editing(request, translation_id, **kwargs):
    translation = Translation.objects.select_related("source", "target_locale").filter(pk=translation_id).first()
    if translation is None:
        return True
    try:
        instance = translation.source.get_source_instance()
    except ObjectDoesNotExist:
        return staff_scope.is_unrestricted(request.user)
    return _may_translate(request.user, instance, [translation.target_locale])


def page_in_portal(request, page_id, **kwargs):
    return _visible_page(request, page_id)


def move_confirmation(request, page_to_move_id, destination_id):
    return _visible_page(request, page_to_move_id) and _visible_page(request, destination_id)


def bulk_action(request, app_label, model_name, action):
    """The confirmation page lists the selected objects, those the user may not act on included."""
    content_type = ContentType.objects.filter(app_label=app_label, model=model_name).first()
    model = content_type.model_class() if content_type else None
    ids = _ids(request)
    if model is None or not ids:
        return True
    if issubclass(model, Page):
        return all(staff_scope.can_see_page(request.user, page) for page in Page.objects.filter(pk__in=ids))
    if any(field.name == "collection" for field in model._meta.fields):
        return _visible_objects(request, model, ids)
    return True


GUARDS = {
    # Wagtail's page chooser shows any parent page it is given, and any page by id.
    "choose-page/<int:parent_page_id>/": page_chooser_parent,
    "choose-page/chosen-multiple/": page_chooser_chosen,
    # The image and document choosers return any object by id, whatever its collection.
    "images/chooser/chosen/<str:pk>/": image_chosen,
    "images/chooser/chosen-multiple/": image_chosen,
    "images/chooser/<int:image_id>/select_format/": image_chosen,
    "documents/chooser/chosen/<str:pk>/": document_chosen,
    "documents/chooser/chosen-multiple/": document_chosen,
    # wagtail-localize checks only the global "submit translation" permission.
    "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/": snippet_submission,
    "localize/update/<int:translation_source_id>/": translation_source_sync,
    "localize/translate/<int:translation_id>/strings/<int:string_segment_id>/edit/": translation_editing,
    "localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/": translation_editing,
    "localize/translate/<int:translation_id>/pofile/download/": translation_editing,
    "localize/translate/<int:translation_id>/pofile/upload/": translation_editing,
    "localize/translate/<int:translation_id>/machine_translate/": translation_editing,
    "localize/translate/<int:translation_id>/preview/": translation_editing,
    "localize/translate/<int:translation_id>/preview/<str:mode>/": translation_editing,
    "localize/translate/<int:translation_id>/disable/": translation_editing,
    "localize/page/<int:page_id>/convert_to_alias/": page_in_portal,
    # Wagtail's workflow views name the page in their refusal ("… is not awaiting moderation").
    "pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/": page_in_portal,
    "pages/workflow/collect_action_data/<int:page_id>/<slug:action_name>/<int:task_state_id>/": page_in_portal,
    "pages/workflow/confirm_cancellation/<int:page_id>/": page_in_portal,
    "pages/workflow/preview/<int:page_id>/<int:task_id>/": page_in_portal,
    # Wagtail checks the move only when it is posted; the confirmation shows both pages first.
    "pages/<int:page_to_move_id>/move/<int:destination_id>/confirm/": move_confirmation,
    "bulk/<str:app_label>/<str:model_name>/<str:action>/": bulk_action,
}


# --- views served instead of Wagtail's -----------------------------------------------------------


class PortalSubmitPageTranslationView(SubmitPageTranslationView):
    """Translate only a page of one's portal, into the languages the portal offers
    (wagtail-localize offers every locale of every page to anyone who may translate)."""

    def dispatch(self, request, *args, **kwargs):
        page = Page.objects.filter(pk=kwargs["page_id"]).first()
        if page is not None and not staff_scope.can_translate_page(request.user, page):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        form = super().get_form()
        if not staff_scope.is_unrestricted(self.request.user):
            codes = staff_scope.language_codes_for_page(self.object)
            locales = form.fields["locales"]
            locales.queryset = locales.queryset.filter(language_code__in=codes)
        return form


def _user_site_choices(user):
    return [(site.root_page.path, str(site)) for site in staff_scope.portal_sites(user)]


class PortalPageTypesUsageReportFilterSet(PageTypesUsageReportFilterSet):
    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if "site" in self.filters and request is not None and not staff_scope.is_unrestricted(request.user):
            self.filters["site"].extra["choices"] = _user_site_choices(request.user)


class PortalPageTypesUsageReportView(PageTypesUsageReportView):
    """Wagtail counts and names the last edited page of every site, whatever the user's permissions."""

    filterset_class = PortalPageTypesUsageReportFilterSet

    def get_queryset(self):
        user = self.request.user
        if staff_scope.is_unrestricted(user):
            return super().get_queryset()
        queryset = ContentType.objects.filter(model__in=self.page_models)
        self.queryset = queryset
        queryset = self.filter_queryset(queryset)
        language_code = self.filters.form.cleaned_data.get("page_locale")
        site_root_path = self.filters.form.cleaned_data.get("site")

        def in_scope(prefix=""):
            scope = Q(**{f"{prefix}depth__gt": 1}) & staff_scope.page_filter(user, prefix)
            if language_code:
                scope &= Q(**{f"{prefix}locale__language_code": language_code})
            if site_root_path:
                scope &= Q(**{f"{prefix}path__startswith": site_root_path})
            return scope

        last_edited = (
            Page.objects.filter(in_scope(), content_type=OuterRef("pk"))
            .order_by(F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk")
            .values("pk")[:1]
        )
        return queryset.annotate(
            count=Count("pages", filter=in_scope("pages__")), last_edited_page_id=Subquery(last_edited)
        ).order_by("-count", "app_label", "model")


class PortalTranslationsReportView(TranslationsReportView):
    """wagtail-localize lists every translation of every portal."""

    def get_queryset(self):
        queryset = super().get_queryset()
        user = self.request.user
        if staff_scope.is_unrestricted(user):
            return queryset
        page_type = ContentType.objects.get_for_model(Page)
        keys = Page.objects.filter(staff_scope.page_filter(user)).values("translation_key")
        in_portal = ~Q(source__object__content_type=page_type) | Q(source__object__translation_key__in=keys)
        # Ordered: wagtail-localize paginates an unordered queryset.
        return queryset.filter(in_portal).order_by("-created_at", "-pk")


REPLACEMENTS = {
    "localize/submit/page/<int:page_id>/": PortalSubmitPageTranslationView.as_view(),
    "reports/page-types-usage/": PortalPageTypesUsageReportView.as_view(),
    "reports/page-types-usage/results/": PortalPageTypesUsageReportView.as_view(results_only=True),
    "localize/reports/translations/": PortalTranslationsReportView.as_view(),
    "localize/reports/translations/results/": PortalTranslationsReportView.as_view(results_only=True),
}


# --- applying them to Wagtail's admin URLconf ----------------------------------------------------


def admin_view(view):
    # What Wagtail's admin URLconf applies to its views: login and admin access, a refusal sent
    # back to the dashboard with a message (a 403 to the choosers' XHR requests), no caching.
    return never_cache(require_admin_access(view))


def guarded(view, check):
    def view_in_portal(request, *args, **kwargs):
        if not check(request, **kwargs):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    view_in_portal.guarded_by = check
    return admin_view(view_in_portal)


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern


def scope_admin_urls(urlpatterns):
    """Wrap (GUARDS) or replace (REPLACEMENTS) the views of Wagtail's admin URLconf; returns it."""
    pending = set(GUARDS) | set(REPLACEMENTS)
    for route, pattern in _walk(urlpatterns):
        if route in GUARDS:
            pattern.callback = guarded(pattern.callback, GUARDS[route])
        elif route in REPLACEMENTS:
            pattern.callback = admin_view(REPLACEMENTS[route])
            pattern.callback.replaces_wagtail_view = True
        pending.discard(route)
    if pending:
        raise ImproperlyConfigured(f"Admin views to scope that Wagtail no longer has: {', '.join(sorted(pending))}")
    return urlpatterns
