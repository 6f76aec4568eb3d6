from django.urls import path

from fazhi.mediation import views
from fazhi.mediation.workflow import DISPUTE

app_name = "mediation"
urlpatterns = [
    path("disputes/", views.dispute_list, name="dispute_list"),
    path("disputes/new/", views.dispute_create, name="dispute_create"),
    path("disputes/<int:pk>/", views.dispute_detail, name="dispute_detail"),
    path("disputes/<int:pk>/edit/", views.dispute_edit, name="dispute_edit"),
    *DISPUTE.urls("disputes/"),  # disputes/<pk>/steps/start/, …/close/
    path("disputes/<int:pk>/agreement.docx", views.dispute_agreement, name="dispute_agreement"),
    path("committees/", views.committee_list, name="committee_list"),
    path("committees/new/", views.committee_create, name="committee_create"),
    path("committees/<int:pk>/", views.committee_detail, name="committee_detail"),
    path("committees/<int:pk>/edit/", views.committee_edit, name="committee_edit"),
    path("mediators/", views.mediator_list, name="mediator_list"),
    path("mediators/new/", views.mediator_create, name="mediator_create"),
    path("mediators/<int:pk>/", views.mediator_detail, name="mediator_detail"),
    path("mediators/<int:pk>/edit/", views.mediator_edit, name="mediator_edit"),
]
