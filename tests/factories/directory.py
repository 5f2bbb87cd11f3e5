import datetime

import factory
import wagtail_factories
from wagtail.models import Locale

from directory.models import DirectoryCategory, DirectoryEntryPage, DirectoryIndexPage, DirectoryOpeningHours

from .base import intro_page_factory, italian, numbered

DirectoryIndexPageFactory = intro_page_factory(DirectoryIndexPage, "Elenco", kind="association")


class DirectoryCategoryFactory(factory.django.DjangoModelFactory):
    name = numbered("Categoria")
    slug = factory.Sequence(lambda n: f"categoria-{n}")
    kind = "association"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = DirectoryCategory


class DirectoryEntryPageFactory(wagtail_factories.PageFactory):
    title = numbered("Associazione")
    # Deterministic: the text query tests must not match a random word.
    short_description = factory.Sequence(lambda n: f"Descrizione breve della scheda {n}.")
    street_address = italian("street_address")
    postcode = "53100"
    municipality = "Siena"
    province = "SI"

    class Meta:
        model = DirectoryEntryPage
        skip_postgeneration_save = True

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if create and extracted:
            self.categories.set(extracted)
            self.save()


class DirectoryOpeningHoursFactory(factory.django.DjangoModelFactory):
    entry = factory.SubFactory(DirectoryEntryPageFactory)
    weekday = 0
    opens = datetime.time(9)
    closes = datetime.time(13)

    class Meta:
        model = DirectoryOpeningHours
