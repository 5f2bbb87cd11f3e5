"""One view that does nothing: what Django itself costs per request on this server."""

from django.http import HttpResponse
from django.urls import path


def bare(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("", bare)]
