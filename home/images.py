"""Images must decode completely before they are stored, in the public forms and in the admin alike.

Pillow reads only an image's header when it opens it: a truncated or corrupt file passes every
header check and fails later, when a rendition is made for a page (a 500 for the visitor).
Decoding once at upload, after the size checks, turns that into a clear field error.
"""

import warnings

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

UNREADABLE_MESSAGE = _("Il file non è un'immagine leggibile: potrebbe essere danneggiato o incompleto.")
DECODE_ERRORS = (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Image.DecompressionBombWarning)


def decode_fully(file):
    """Decode every pixel of ``file``; raises one of DECODE_ERRORS if Pillow cannot. Leaves the file at 0."""
    try:
        file.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                image.load()
    finally:
        file.seek(0)


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, with decoding errors turned into a field error.

    Wagtail 8 opens the upload with Willow, which decodes it; a truncated file raises OSError
    there, outside Wagtail's own error handling, and the admin answers 500.
    """

    def to_python(self, data):
        try:
            file = super().to_python(data)
            if file is not None and hasattr(file, "seek"):
                decode_fully(file)
        except DECODE_ERRORS as error:
            raise ValidationError(UNREADABLE_MESSAGE, code="unreadable") from error
        return file


class CheckedImageForm(BaseImageForm):
    """Wagtail's image form (``WAGTAILIMAGES_IMAGE_FORM_BASE``), refusing files that do not fully decode."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields and type(self.fields["file"]) is WagtailImageField:
            # Same field, same settings, one more check: swap the class rather than rebuild it.
            self.fields["file"].__class__ = CheckedImageField
