import datetime

import factory
import wagtail_factories
from django.utils import timezone

from campaigns.models import CampaignIndexPage, CampaignPage, EventPage, NewsIndexPage, NewsPage

from .base import intro_page_factory, italian, numbered

CampaignIndexPageFactory = intro_page_factory(CampaignIndexPage, "Campagne")


class CampaignPageFactory(wagtail_factories.PageFactory):
    title = numbered("Campagna")
    tagline = italian("sentence")
    intro = italian("paragraph")
    # Running by default: started a month ago, ends in a month (computed when each page is built).
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    end_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))

    class Meta:
        model = CampaignPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = numbered("Evento")
    summary = italian("sentence")
    start = factory.LazyFunction(
        lambda: (timezone.localtime() + datetime.timedelta(days=7)).replace(hour=17, minute=30, second=0, microsecond=0)
    )
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))
    place_name = "Sala del Consiglio"
    address = italian("street_address")
    municipality = "Siena"
    organiser = "Centro pari opportunità"

    class Meta:
        model = EventPage


NewsIndexPageFactory = intro_page_factory(NewsIndexPage, "Notizie")


class NewsPageFactory(wagtail_factories.PageFactory):
    title = numbered("Notizia")
    date = factory.LazyFunction(timezone.localdate)
    summary = italian("paragraph")

    class Meta:
        model = NewsPage
