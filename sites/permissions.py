"""Which portal a member of staff belongs to, derived from their groups' site permissions."""

from wagtail.models import Site


def sites_for_user(user):
    """The portals whose settings the user's groups may edit (all of them for a superuser)."""
    if user.is_superuser:
        return Site.objects.all()
    return Site.objects.filter(group_permissions__group__user=user).distinct()
