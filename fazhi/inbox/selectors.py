from fazhi.inbox.models import Message


def messages_for(user):
    """A user's own messages, unread first, newest first: nobody reads another's."""
    return Message.objects.filter(recipient=user).order_by("read_at", "-created_at", "-pk")


def unread_count(user) -> int:
    return Message.objects.filter(recipient=user, read_at__isnull=True).count()


def get_message_for_user(user, pk) -> Message:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(Message, pk=pk, recipient=user)
