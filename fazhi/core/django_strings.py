"""Messages of Django 5.2 that its own zh_Hans catalogue does not translate yet.

Listed here only so that `makemessages` puts them into our catalogue; nothing imports this.
"""

from django.utils.translation import ngettext_lazy

PASSWORD_TOO_SHORT = ngettext_lazy(
    "This password is too short. It must contain at least %d character.",
    "This password is too short. It must contain at least %d characters.",
    "min_length",
)
