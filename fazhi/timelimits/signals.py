from django.dispatch import Signal

# Sent by `fazhi remind` with `on` (the day): whoever keeps users informed of their clocks (the
# message centre) answers with how many notices it wrote.
clocks_need_attention = Signal()
