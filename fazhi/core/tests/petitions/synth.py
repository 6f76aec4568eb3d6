from datetime import date

from fazhi.core.bulk import insert_rows
from fazhi.core.scale import ScaleData, register_scale
from fazhi.core.tests.petitions.models import Petition
from fazhi.org.demo import BUREAU_CODE
from fazhi.org.models import Unit


def synthesize(count: int) -> None:
    bureau = Unit.objects.get(code=BUREAU_CODE).pk
    start = Petition.objects.filter(petitioner__startswith="合成").count()
    rows = [(bureau, f"合成{start + n}", date(2019, 1, 1)) for n in range(count)]
    insert_rows(Petition, ["unit_id", "petitioner", "received_on"], rows)


register_scale(
    ScaleData(
        option="petitions",
        label="合成信访事项",
        default=10,
        existing=lambda: Petition.objects.filter(petitioner__startswith="合成").count(),
        add=synthesize,
        order=400,
    )
)
