"""Putting work on the task queue so that it survives the request that asked for it.

With a queue stored in the application's own database (django-tasks' database backend) the
task row is written in the caller's transaction: it exists exactly when the data it works on
does, and a crash after commit loses nothing. A backend that runs tasks at once (the test
settings) must wait for the commit instead, or it would act on data that may be rolled back.
"""

from django.db import transaction


def enqueue(task, *args, **kwargs):
    """Enqueue ``task`` with the caller's transaction (database queue) or right after it commits."""
    if task.get_backend().supports_get_result:  # stored, not run in-process
        task.enqueue(*args, **kwargs)
    else:
        transaction.on_commit(lambda: task.enqueue(*args, **kwargs))
