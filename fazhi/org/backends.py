from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission

User = get_user_model()


class RoleBackend(ModelBackend):
    """Django's model backend, with permissions granted by the user's roles (not groups)."""

    def get_user(self, user_id):
        # The unit and its parent come along: every page asks for the user's data scope.
        try:
            user = User.objects.select_related("unit__parent").get(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None

    def _get_user_permissions(self, user_obj):
        # Permissions are granted through roles only (the admin offers no per-user ones).
        return Permission.objects.none()

    def _get_group_permissions(self, user_obj):
        return Permission.objects.filter(roles__users=user_obj)
