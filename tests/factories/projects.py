import factory
import wagtail_factories
from django.utils.text import slugify
from wagtail.models import Locale

from projects.models import ProjectIndexPage, ProjectMunicipality, ProjectPage, ProjectPartner, Sector

from .base import intro_page_factory, italian, numbered


class SectorFactory(factory.django.DjangoModelFactory):
    name = numbered("Settore")
    slug = factory.LazyAttribute(lambda sector: slugify(sector.name))
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Sector


ProjectIndexPageFactory = intro_page_factory(ProjectIndexPage, "Progetti")


class ProjectPageFactory(wagtail_factories.PageFactory):
    title = numbered("Progetto")
    summary = italian("paragraph")
    scope = "provincial"
    promoter = italian("company")
    start_year = 2023

    class Meta:
        model = ProjectPage


class ProjectPartnerFactory(factory.django.DjangoModelFactory):
    project = factory.SubFactory(ProjectPageFactory)
    name = italian("company")
    role = "partner"

    class Meta:
        model = ProjectPartner


class ProjectMunicipalityFactory(factory.django.DjangoModelFactory):
    project = factory.SubFactory(ProjectPageFactory)
    name = italian("city")

    class Meta:
        model = ProjectMunicipality
