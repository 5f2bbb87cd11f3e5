from .consent import ConsentRecord
from .form_page import FormField, FormPage
from .protection import RateLimitCounter, SubmissionToken
from .registration import ListingRegistration
from .registration_page import ListingRegistrationPage

__all__ = [
    "ConsentRecord",
    "FormField",
    "FormPage",
    "ListingRegistration",
    "ListingRegistrationPage",
    "RateLimitCounter",
    "SubmissionToken",
]
