from django.dispatch import receiver

from fazhi.timelimits.signals import clocks_need_attention


@receiver(clocks_need_attention)
def clocks_to_messages(sender, on, **kwargs):
    from fazhi.inbox.services import notify_clocks

    return notify_clocks(on)
