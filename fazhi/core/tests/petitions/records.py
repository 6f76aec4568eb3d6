from fazhi.core.records import RecordKind, register
from fazhi.core.tests.petitions import selectors
from fazhi.core.tests.petitions.api import PetitionSerializer
from fazhi.core.tests.petitions.models import Petition

register(
    RecordKind(
        Petition,
        selector=selectors.petitions_for,
        serializer=PetitionSerializer,
        rows_template="petitions/_petition_rows.html",
        ledger="petitions.petitions",
    )
)
