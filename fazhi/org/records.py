"""How units and users are read through the API."""

from fazhi.core.records import RecordKind, register
from fazhi.org import selectors
from fazhi.org.api import UnitSerializer, UserSerializer
from fazhi.org.models import Unit, User

register(
    RecordKind(Unit, selector=selectors.units_for, serializer=UnitSerializer),
    RecordKind(User, selector=selectors.users_for, serializer=UserSerializer),
)
