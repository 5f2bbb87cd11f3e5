import factory
import wagtail_factories

from forms.models import FormField, FormPage, ListingRegistrationPage


class FormPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Modulo {n}")
    intro = factory.Faker("sentence", locale="it_IT")

    class Meta:
        model = FormPage


class FormFieldFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(FormPageFactory)
    label = factory.Sequence(lambda n: f"Domanda {n}")
    field_type = "singleline"
    required = True

    class Meta:
        model = FormField


class ListingRegistrationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Iscrizione {n}")
    intro = factory.Faker("sentence", locale="it_IT")

    class Meta:
        model = ListingRegistrationPage
