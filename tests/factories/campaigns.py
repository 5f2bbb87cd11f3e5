import datetime

import factory
import wagtail_factories
from django.utils import timezone

from campaigns.models import CampaignIndexPage, CampaignPage, EventPage, NewsIndexPage, NewsPage


class CampaignIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Campagne {n}")
    intro = factory.Faker("sentence", locale="it_IT")

    class Meta:
        model = CampaignIndexPage


class CampaignPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Campagna {n}")
    tagline = factory.Faker("sentence", locale="it_IT")
    intro = factory.Faker("paragraph", locale="it_IT")
    # Running by default: started a month ago, ends in a month (computed when each page is built).
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    end_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))

    class Meta:
        model = CampaignPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Evento {n}")
    summary = factory.Faker("sentence", locale="it_IT")
    start = factory.LazyFunction(
        lambda: (timezone.localtime() + datetime.timedelta(days=7)).replace(hour=17, minute=30, second=0, microsecond=0)
    )
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))
    place_name = "Sala del Consiglio"
    address = factory.Faker("street_address", locale="it_IT")
    municipality = "Siena"
    organiser = "Centro pari opportunità"

    class Meta:
        model = EventPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Notizie {n}")
    intro = factory.Faker("sentence", locale="it_IT")

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Notizia {n}")
    date = factory.LazyFunction(timezone.localdate)
    summary = factory.Faker("paragraph", locale="it_IT")

    class Meta:
        model = NewsPage
