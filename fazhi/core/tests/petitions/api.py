from rest_framework import serializers, viewsets

from fazhi.core.api import RecordViewSetMixin, router
from fazhi.core.tests.petitions.models import Petition
from fazhi.core.tests.petitions.workflow import PETITION


class PetitionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Petition
        fields = ["id", "unit", "petitioner", "received_on", "status", "accepted_on", "version"]


class PetitionViewSet(
    PETITION.api_actions(serializer=PetitionSerializer),
    RecordViewSetMixin,
    viewsets.ReadOnlyModelViewSet,
):
    queryset = Petition.objects.none()
    serializer_class = PetitionSerializer


router.register("petitions", PetitionViewSet, basename="petition")
