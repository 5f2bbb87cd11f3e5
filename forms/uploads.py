"""Checking images uploaded by the public: only what Pillow really opens as JPEG, PNG or WebP, within caps.

The file name and the browser's content type mean nothing: the bytes decide.

Settings: ``FORMS_LOGO_MAX_BYTES``, ``FORMS_LOGO_MAX_PIXELS`` (width × height) and
``FORMS_LOGO_MAX_SIDE`` (longest side in pixels).
"""

import warnings

from django import forms as django_forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image

from home.images import DECODE_ERRORS, decode_fully

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
NOT_AN_IMAGE = _("Il file non è un'immagine JPEG, PNG o WebP leggibile.")


def logo_limits():
    return (
        settings.FORMS_LOGO_MAX_BYTES,
        settings.FORMS_LOGO_MAX_PIXELS,
        settings.FORMS_LOGO_MAX_SIDE,
    )


def check_image(uploaded):
    """Raise ValidationError unless ``uploaded`` is a sound JPEG/PNG/WebP within the caps; return its extension."""
    max_bytes, max_pixels, max_side = logo_limits()
    if uploaded.size > max_bytes:
        raise ValidationError(
            _("Il file è troppo grande: al massimo %(size)s."), params={"size": filesizeformat(max_bytes)}, code="size"
        )
    not_an_image = ValidationError(NOT_AN_IMAGE, code="format")
    try:
        uploaded.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            # Image.open reads the header only: the size is known before anything is decoded.
            with Image.open(uploaded) as image:
                image_format = image.format
                width, height = image.size
                if image_format not in ALLOWED_FORMATS:
                    raise not_an_image
                if width * height > max_pixels or max(width, height) > max_side:
                    raise ValidationError(
                        _("L'immagine è troppo grande: al massimo %(side)s pixel per lato."),
                        params={"side": max_side},
                        code="pixels",
                    )
        # Only now, with the size known to be sane, is every pixel decoded: a truncated or corrupt
        # file is caught here instead of failing later when the page shows it.
        decode_fully(uploaded)
    except ValidationError:
        raise
    except DECODE_ERRORS as error:
        raise not_an_image from error
    finally:
        uploaded.seek(0)
    return ALLOWED_FORMATS[image_format]


class LogoField(django_forms.FileField):
    """An optional image upload checked by ``check_image``; cleaned value: the file, with ``.extension`` set."""

    widget = django_forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"})

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if value and hasattr(value, "size") and value is not initial:
            value.extension = check_image(value)
        return value
