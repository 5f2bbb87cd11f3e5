"""Who may see queued emails: superusers all of them, portal staff those of their own portals."""

from django.contrib.auth import get_user_model
from wagtail.permission_policies.base import BasePermissionPolicy

from .models import OutboundEmail

# Emails are written by the system, never by hand: staff can only look and ask for a new attempt.
ALLOWED_ACTIONS = {"view", "retry"}


def _is_staff(user):
    from sites.permissions import sites_for_user

    return user.is_active and (user.is_superuser or sites_for_user(user).exists())


class OutboundEmailPermissionPolicy(BasePermissionPolicy):
    def __init__(self):
        super().__init__(OutboundEmail)

    def user_has_permission(self, user, action):
        return action in ALLOWED_ACTIONS and _is_staff(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if not ALLOWED_ACTIONS.intersection(actions):
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True).filter(is_superuser=True)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and OutboundEmail.objects.for_user(user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return OutboundEmail.objects.none()
        return OutboundEmail.objects.for_user(user)


permission_policy = OutboundEmailPermissionPolicy()
