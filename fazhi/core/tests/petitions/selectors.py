from fazhi.core.tests.petitions.models import Petition
from fazhi.org.scope import get_visible_or_404


def petitions_for(viewer):
    return Petition.objects.visible_to(viewer).select_related("unit")


def get_petition_for_user(user, pk) -> Petition:
    return get_visible_or_404(petitions_for(user), user, pk)
