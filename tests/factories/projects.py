import factory
import wagtail_factories
from django.utils.text import slugify
from wagtail.models import Locale

from projects.models import ProjectIndexPage, ProjectMunicipality, ProjectPage, ProjectPartner, Sector


class SectorFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Settore {n}")
    slug = factory.LazyAttribute(lambda sector: slugify(sector.name))
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Sector


class ProjectIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Progetti {n}")
    intro = factory.Faker("sentence", locale="it_IT")

    class Meta:
        model = ProjectIndexPage


class ProjectPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Progetto {n}")
    summary = factory.Faker("paragraph", locale="it_IT")
    scope = "provincial"
    promoter = factory.Faker("company", locale="it_IT")
    start_year = 2023

    class Meta:
        model = ProjectPage


class ProjectPartnerFactory(factory.django.DjangoModelFactory):
    project = factory.SubFactory(ProjectPageFactory)
    name = factory.Faker("company", locale="it_IT")
    role = "partner"

    class Meta:
        model = ProjectPartner


class ProjectMunicipalityFactory(factory.django.DjangoModelFactory):
    project = factory.SubFactory(ProjectPageFactory)
    name = factory.Faker("city", locale="it_IT")

    class Meta:
        model = ProjectMunicipality
