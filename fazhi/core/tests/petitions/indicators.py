from django.db.models import Q

from fazhi.core.tests.petitions.models import Petition
from fazhi.indicators.registry import Indicator, register

register(
    Indicator(
        key="petitions.received",
        label="收到信访事项",
        definition="期间内收到的信访事项。",
        measure="件",
        module="petitions",
        model=Petition,
        where=lambda p: Q(received_on__gte=p.start, received_on__lte=p.end),
        trend=True,
    )
)
