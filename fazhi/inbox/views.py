from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from fazhi.core.pagination import page_of
from fazhi.inbox import selectors, services


@login_required
def inbox(request):
    page = page_of(request, selectors.messages_for(request.user), 30)
    return render(request, "inbox/inbox.html", {"page": page})


@login_required
def message_open(request, pk):
    """Opening a message marks it read and leads to what it is about."""
    message = selectors.get_message_for_user(request.user, pk)
    services.mark_read(message)
    safe = url_has_allowed_host_and_scheme(message.url, allowed_hosts=None)
    return redirect(message.url if message.url and safe else "inbox:inbox")


@login_required
@require_POST
def mark_all_read(request):
    services.mark_all_read(request.user)
    return redirect("inbox:inbox")
