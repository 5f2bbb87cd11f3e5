"""The "Email in uscita" screens: what left, what waits and why, and a button to try again."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_filters import ChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from .models import OutboundEmail
from .permissions import permission_policy
from .tasks import retry_now


class OutboundEmailFilterSet(WagtailFilterSet):
    status = ChoiceFilter(label=gettext_lazy("Stato"), choices=OutboundEmail.Status.choices)

    class Meta:
        model = OutboundEmail
        fields = ["status"]


class IndexView(generic.IndexView):
    def get_base_queryset(self):
        return OutboundEmail.objects.for_user(self.request.user).select_related("site")


class InspectView(generic.InspectView):
    template_name = "outbox/inspect.html"

    def get_object(self, queryset=None):
        # Another portal's email is not there at all, as far as this user can tell.
        return get_object_or_404(OutboundEmail.objects.for_user(self.request.user), pk=self.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_retry"] = self.object.status != OutboundEmail.Status.SENT
        context["body"] = self.object.payload.get("body", "")
        return context


@require_POST
def retry_view(request, pk):
    if not permission_policy.user_has_permission(request.user, "retry"):
        raise PermissionDenied
    email = OutboundEmail.objects.for_user(request.user).filter(pk=pk).first()
    if email is None:
        raise Http404
    if email.status == OutboundEmail.Status.SENT:
        messages.info(request, _("Questa email è già stata inviata."))
    else:
        retry_now(email)
        messages.success(request, _("Nuovo tentativo di invio messo in coda."))
    return redirect("outbox:inspect", pk)


class OutboundEmailViewSet(ModelViewSet):
    model = OutboundEmail
    icon = "mail"
    menu_label = gettext_lazy("Email in uscita")
    menu_order = 850
    add_to_settings_menu = True
    index_view_class = IndexView
    inspect_view_class = InspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = OutboundEmailFilterSet
    list_display = [
        DateColumn("created_at", label=gettext_lazy("Creata il")),
        TitleColumn("subject", label=gettext_lazy("Oggetto"), url_name="outbox:inspect"),
        Column("recipients_display", label=gettext_lazy("Destinatari")),
        Column("site", label=gettext_lazy("Portale")),
        Column("status", label=gettext_lazy("Stato"), accessor="get_status_display"),
        Column("attempts", label=gettext_lazy("Tentativi")),
        Column("last_error", label=gettext_lazy("Ultimo errore")),
    ]
    inspect_view_fields = [
        "subject",
        "recipients",
        "site",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "next_attempt_at",
        "sent_at",
    ]
    list_per_page = 50
    name = "outbox"

    def get_urlpatterns(self):
        from django.urls import path

        # Emails are written by the system: no add, edit, copy or delete screens.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("<int:pk>/retry/", retry_view, name="retry"),
        ]
