def unread_messages(request):
    """The header's unread count (one indexed count per page)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from fazhi.inbox.selectors import unread_count

    return {"unread_messages": unread_count(user)}
