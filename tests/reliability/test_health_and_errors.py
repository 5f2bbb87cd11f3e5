"""/healthz tells a load balancer what is down; a database out of connections answers 503, logged once."""

import json
import logging
import os
import subprocess
import sys
from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings
from django.db import OperationalError
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from outbox.tasks import deliver_email

from .conftest import DATABASE_QUEUE, redis_down_settings

pytestmark = pytest.mark.django_db


@override_settings(TASKS=DATABASE_QUEUE)
def test_healthz_is_200_when_everything_is_up(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["down"] == []
    assert set(body["checks"]) == {"database", "cache", "task_queue"}
    assert body["checks"]["task_queue"]["backlog"] == 0
    assert "no-cache" in response["Cache-Control"]


def test_healthz_names_the_cache_when_it_is_down(client):
    with redis_down_settings():
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["down"] == ["cache"]


@override_settings(TASKS=DATABASE_QUEUE, HEALTH_TASK_MAX_AGE=600)
def test_healthz_names_the_task_queue_when_tasks_wait_too_long(client):
    deliver_email.enqueue(0)
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=30))
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["down"] == ["task_queue"]
    assert body["checks"]["task_queue"]["backlog"] == 1
    assert body["checks"]["task_queue"]["oldest_pending_seconds"] >= 30 * 60


def test_healthz_names_the_database_and_reveals_no_secret(client):
    failing = mock.Mock(side_effect=OperationalError("password for user x failed"))
    with mock.patch.dict("portal.health.CHECKS", {"database": failing}):
        response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert "database" in body["down"]
    assert "password" not in response.content.decode()


def test_a_database_out_of_connections_answers_503_with_retry_after_and_one_log_line(caplog, lucca):
    client = Client(raise_request_exception=False)
    error = OperationalError("connection pool 'pool-1' couldn't get a connection after 2.00 sec")
    logger = logging.getLogger("django.request")
    database_filter = next(f for f in _configured_filters() if f.__class__.__name__ == "DatabaseUnavailableFilter")
    logger.addFilter(database_filter)
    try:
        with (
            mock.patch("wagtail.models.Site.find_for_request", side_effect=error),
            caplog.at_level(logging.WARNING),
        ):
            responses = [client.get("/it/", HTTP_HOST="lucca.localhost") for _ in range(20)]
    finally:
        logger.removeFilter(database_filter)
    assert {response.status_code for response in responses} == {503}
    assert all(response["Retry-After"] == str(settings.SERVICE_UNAVAILABLE_RETRY_AFTER) for response in responses)
    assert "Riprova" in responses[0].content.decode()
    assert not any(record.exc_info for record in caplog.records)
    lines = [record for record in caplog.records if record.name == "portal.errors"]
    assert len(lines) == 1 and "Database unavailable" in lines[0].getMessage()


def _configured_filters():
    """The logging filters the production settings declare (the test settings log nothing)."""
    from portal.errors import DatabaseUnavailableFilter
    from portal.request_log import RequestIdFilter

    return [DatabaseUnavailableFilter(), RequestIdFilter()]


def test_json_logs_carry_request_id_host_path_status_and_duration():
    script = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz', HTTP_HOST='siena.localhost', HTTP_X_REQUEST_ID='abc123');"
        "print('X-Request-ID', r['X-Request-ID'])"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.base",
        "DEBUG": "0",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": ".localhost",
        "LOG_FORMAT": "json",
        "TASK_QUEUE": "immediate",
        "DATABASE_URL": "sqlite:///:memory:",
    }
    env.pop("REDIS_URL", None)
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )
    assert "X-Request-ID abc123" in result.stdout, result.stderr
    lines = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    request_lines = [line for line in lines if line.get("logger") == "portal.requests"]
    assert len(request_lines) == 1, result.stderr
    line = request_lines[0]
    assert line["request_id"] == "abc123" and line["host"] == "siena.localhost" and line["path"] == "/healthz"
    assert line["status"] == 200 and isinstance(line["duration_ms"], float)
