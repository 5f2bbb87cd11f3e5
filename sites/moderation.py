"""Content that only a portal's moderators may make live.

Wagtail lets anyone with "publish" permission publish a page, even one waiting in a
moderation workflow (the workflow is simply cancelled). For content that the public
sent in, publishing is the moderators' decision alone: a page model returns
``ApproversOnlyPublishTester`` from ``permissions_for_user`` while it awaits them.
Every route that makes a page live asks that tester (edit view, bulk publish, the
admin API, ``Revision.publish(user=…)``, scheduling, which needs publishing first).
"""

from wagtail.models import GroupApprovalTask, PagePermissionTester


def is_workflow_approver(user, page):
    """Is the user in a group that approves a task of the workflow governing ``page``."""
    if user.is_active and user.is_superuser:
        return True
    workflow = page.get_workflow()
    if workflow is None or not user.is_active:
        return False
    return GroupApprovalTask.objects.filter(active=True, workflow_tasks__workflow=workflow, groups__user=user).exists()


class ApproversOnlyPublishTester(PagePermissionTester):
    """Page permissions as usual, except that publishing needs the approvers of the page's workflow."""

    def __init__(self, user, page, awaits_approval):
        super().__init__(user, page)
        self._awaits_approval = awaits_approval  # callable: asked only when publishing is at stake

    def can_publish(self):
        if not super().can_publish():
            return False
        return not self._awaits_approval() or is_workflow_approver(self.user, self.page)
