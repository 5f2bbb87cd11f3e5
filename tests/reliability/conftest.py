import contextlib
import io
import socket
import struct
import zlib
from unittest import mock

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image as PILImage

from portal import throttled_log
from tests.factories.campaigns import CampaignPageFactory
from tests.forms.conftest import fresh_rate_limits, lucca_registration  # noqa: F401 (fixtures)
from tests.forms.test_languages import arabic_registration, compiled_catalogues  # noqa: F401 (fixtures)
from tests.pages import section

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": settings.TASK_QUEUES}}


def closed_port():
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_down_settings():
    return override_settings(
        CACHES={
            "default": {
                "BACKEND": "portal.cache.ResilientRedisCache",
                "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
                "OPTIONS": {"retry_after": 5},
            }
        }
    )


def smtp_down_settings():
    return override_settings(
        OUTBOX_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=closed_port(),
        EMAIL_USE_TLS=False,
        EMAIL_TIMEOUT=2,
    )


def run_worker(queue="default"):
    """Run the database queue's worker until no task of ``queue`` is due, as `manage.py db_worker --batch` does.

    The worker closes stale connections between tasks; inside a test's transaction that would
    close the test's own connection, so that one step is left out.
    """
    from django.core.management import call_command

    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--queue-name", queue, verbosity=0)


@pytest.fixture(autouse=True)
def fresh_throttled_logs():
    throttled_log.reset()
    yield
    throttled_log.reset()


@pytest.fixture
def campaigns(siena, lucca):
    """One live campaign in each portal."""
    return {
        site.hostname: CampaignPageFactory(parent=section(site, "campagne"), title=f"Campagna di {site.site_name}")
        for site in (siena, lucca)
    }


def truncated_jpeg():
    buffer = io.BytesIO()
    PILImage.effect_noise((300, 200), 60).convert("RGB").save(buffer, "JPEG", quality=90)
    data = buffer.getvalue()
    return SimpleUploadedFile("logo.jpg", data[: len(data) // 2], content_type="image/jpeg")


def empty_file():
    return SimpleUploadedFile("logo.png", b"", content_type="image/png")


def png_bomb():
    """A tiny PNG whose header announces 60,000 × 60,000 pixels (3.6 billion once decoded)."""
    buffer = io.BytesIO()
    PILImage.new("L", (8, 8)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    ihdr = 8  # after the signature: length (4), "IHDR" (4), width (4), height (4) …
    struct.pack_into(">II", data, ihdr + 8, 60_000, 60_000)
    crc = zlib.crc32(bytes(data[ihdr + 4 : ihdr + 8 + 13]))
    struct.pack_into(">I", data, ihdr + 8 + 13, crc)
    return SimpleUploadedFile("logo.png", bytes(data), content_type="image/png")


BAD_IMAGES = {"truncated JPEG": truncated_jpeg, "zero-byte file": empty_file, "PNG bomb": png_bomb}


@contextlib.contextmanager
def no_new_rows(*models):
    before = {model: model.objects.count() for model in models}
    yield
    after = {model: model.objects.count() for model in models}
    assert after == before
