from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission


class RoleBackend(ModelBackend):
    """Django's model backend, with permissions granted by the user's roles (not groups)."""

    def _get_group_permissions(self, user_obj):
        return Permission.objects.filter(roles__users=user_obj)
