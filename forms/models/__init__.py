from .consent import ConsentRecord
from .form_page import FormField, FormPage
from .registration import ListingRegistration
from .registration_page import ListingRegistrationPage

__all__ = ["ConsentRecord", "FormField", "FormPage", "ListingRegistration", "ListingRegistrationPage"]
