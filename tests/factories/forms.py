import factory

from forms.models import FormField, FormPage, ListingRegistrationPage

from .base import intro_page_factory, numbered

FormPageFactory = intro_page_factory(FormPage, "Modulo")


class FormFieldFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(FormPageFactory)
    label = numbered("Domanda")
    field_type = "singleline"
    required = True

    class Meta:
        model = FormField


ListingRegistrationPageFactory = intro_page_factory(ListingRegistrationPage, "Iscrizione")
