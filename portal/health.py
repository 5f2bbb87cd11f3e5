"""``/healthz``: is this app server able to serve? Database, cache and task queue, as JSON.

200 when every part is up, 503 naming the parts that are not. No secrets: only part names,
states, and the task backlog. Never cached.

The checks run in the request's own thread and connection (a health probe must not need
more database connections than a page does), which is why this is a small view rather than
django-health-check, whose synchronous checks run in a thread pool.
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.utils import Error as DatabaseError
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"status": "ok"}


def check_cache():
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    value = cache.get(key)
    cache.delete(key)
    if value != "ok":
        return {"status": "error", "error": "the cache does not keep values (unreachable?)"}
    return {"status": "ok", "backend": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]}


def check_task_queue():
    from django_tasks import default_task_backend

    if not default_task_backend.supports_get_result:
        return {"status": "ok", "backend": "immediate"}
    from django_tasks_db.models import DBTaskResult, get_date_max

    now = timezone.now()
    ready = DBTaskResult.objects.ready()
    backlog = ready.count()
    oldest = None
    if backlog:
        # A task without run_after is due since it was enqueued; a deferred one since its run_after.
        undeferred = (
            ready.filter(run_after=get_date_max()).order_by("enqueued_at").values_list("enqueued_at", flat=True)
        )
        deferred = ready.exclude(run_after=get_date_max()).order_by("run_after").values_list("run_after", flat=True)
        due = [value for value in (undeferred.first(), deferred.first()) if value is not None]
        oldest = min(due) if due else None
    age = round((now - oldest).total_seconds()) if oldest else 0
    result = {"status": "ok", "backlog": backlog, "oldest_pending_seconds": age}
    if age > settings.HEALTH_TASK_MAX_AGE:
        result["status"] = "error"
        result["error"] = "tasks are waiting longer than allowed: is a worker running?"
    return result


CHECKS = {"database": check_database, "cache": check_cache, "task_queue": check_task_queue}


@never_cache
def healthz(request):
    results = {}
    database_down = False
    for name, check in CHECKS.items():
        if database_down and name == "task_queue":
            results[name] = {"status": "unknown", "error": "needs the database"}
            continue
        try:
            results[name] = check()
        except DatabaseError as error:
            database_down = True
            results[name] = {"status": "error", "error": type(error).__name__}
        except Exception as error:  # noqa: BLE001 (a probe reports, it does not crash)
            results[name] = {"status": "error", "error": type(error).__name__}
    down = sorted(name for name, result in results.items() if result["status"] != "ok")
    body = {"status": "ok" if not down else "error", "down": down, "checks": results}
    return JsonResponse(body, status=503 if down else 200)
