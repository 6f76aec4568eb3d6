from django.urls import path

from fazhi.core.tests.petitions import views
from fazhi.core.tests.petitions.workflow import PETITION

app_name = "petitions"
urlpatterns = [
    path("", views.petition_list, name="petition_list"),
    path("<int:pk>/", views.petition_detail, name="petition_detail"),
    *PETITION.urls(""),
]
