"""The public side of self-registration: the form, and the submitter's private page."""

from django.db import transaction
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from wagtail.models import Site

from forms.blank_form import blank_form_response
from forms.protection import TOKEN_FIELD, submit, take_slot

from . import links, services
from .forms import ListingRegistrationForm


def _render(page, request, template, status=200, **context):
    full_context = page.get_context(request)
    full_context.update(context)
    return TemplateResponse(request, template, full_context, status=status)


def _blank_form_html(page, request, csrf_token, submission_token):
    """The form page as every visitor first sees it, with these two tokens (see forms.blank_form)."""
    context = page.get_context(request)
    index = page.get_target_index()
    if index is None:
        context["closed"] = True
    else:
        form = ListingRegistrationForm(index=index, privacy_url=page.get_privacy_url(request))
        form.fields[TOKEN_FIELD].initial = submission_token
        context.update(form=form, directory=index)
    context["csrf_token"] = csrf_token
    return render_to_string(page.template, context, request)


def registration_form_view(page, request):
    if request.method != "POST":
        shared = blank_form_response(page, request, lambda *tokens: _blank_form_html(page, request, *tokens))
        if shared is not None:
            return shared
    index = page.get_target_index()
    if index is None:
        return _render(page, request, page.template, closed=True)
    privacy_url = page.get_privacy_url(request)
    status = 200
    if request.method == "POST":
        form = ListingRegistrationForm(request.POST, request.FILES, index=index, privacy_url=privacy_url)
        outcome, _registration = submit(
            request, form, page.rate_limit_scope, page, lambda: services.receive_registration(page, form, request)
        )
        if outcome in ("accepted", "duplicate", "bot"):
            return page.redirect_to_thank_you(request)
        status = 429 if outcome == "limited" else 200
    else:
        form = ListingRegistrationForm(index=index, privacy_url=privacy_url)
    return _render(page, request, page.template, status=status, form=form, directory=index)


def private_link_view(page, request, token):
    try:
        registration = links.registration_from_token(token)
    except links.LinkExpired as expired:
        registration = expired.registration
        if request.method == "POST" and registration is not None and request.POST.get("action") == "new_link":
            with transaction.atomic():
                if take_slot(request, "new-link"):
                    services.send_new_link(registration)
            return _render(page, request, "forms/private_link_problem.html", problem="sent")
        return _render(
            page, request, "forms/private_link_problem.html", problem="expired", can_renew=registration is not None
        )
    except links.LinkInvalid:
        return _render(page, request, "forms/private_link_problem.html", problem="invalid")
    site = Site.find_for_request(request)
    if site is None or registration.site_id != site.pk:
        return _render(page, request, "forms/private_link_problem.html", problem="invalid")

    entry = registration.entry.specific
    draft = entry.get_latest_revision_as_object()
    index = entry.get_parent().specific
    privacy_url = page.get_privacy_url(request)
    status = 200
    if request.method == "POST" and request.POST.get("action") == "confirm":
        services.confirm_listing(registration)
        return redirect(request.path + "?confermata=1")
    if request.method == "POST":
        form = ListingRegistrationForm(request.POST, request.FILES, index=index, entry=draft, privacy_url=privacy_url)
        outcome, _registration = submit(
            request,
            form,
            page.rate_limit_scope,
            page,
            lambda: services.propose_change(registration, page, form, request),
        )
        if outcome == "bot":
            return redirect(request.path)
        if outcome in ("accepted", "duplicate"):
            return redirect(request.path + "?inviata=1")
        status = 429 if outcome == "limited" else 200
    else:
        form = ListingRegistrationForm(index=index, entry=draft, privacy_url=privacy_url)
    return _render(
        page,
        request,
        "forms/private_link.html",
        status=status,
        form=form,
        registration=registration,
        entry=entry,
        draft=draft,
        directory=index,
        in_moderation=services.in_moderation(entry),
        just_sent="inviata" in request.GET,
        just_confirmed="confermata" in request.GET,
    )
