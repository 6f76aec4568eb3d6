from fazhi.core.menu import menu_for


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"nav_sections": menu_for(user)}


def security(request):
    """Login-policy figures the login and lockout pages state to the user."""
    from django.conf import settings

    return {
        "login_failure_limit": settings.AXES_FAILURE_LIMIT,
        "lockout_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        "session_idle_minutes": settings.SESSION_IDLE_MINUTES,
    }
