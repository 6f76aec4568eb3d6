"""The mediation ledgers in Excel: committees (mediation.committees), mediators
(mediation.mediators) and disputes (mediation.disputes). Template, all-or-nothing import and
export, as every ledger (see fazhi.core.ledgers); the imports write through the services (their
bulk paths for mediators and disputes)."""

from fazhi.mediation.ledgers import committees, disputes, mediators  # noqa: F401 - register
from fazhi.mediation.ledgers.disputes import DisputeLedger  # noqa: F401 - for the benches
from fazhi.mediation.ledgers.labels import DISPUTE_TYPE_LABELS, STATUS_LABELS  # noqa: F401
