from django.urls import path

from fazhi.reconsideration import views
from fazhi.reconsideration.workflow import CASE

app_name = "reconsideration"
urlpatterns = [
    path("cases/", views.case_list, name="case_list"),
    path("cases/new/", views.case_create, name="case_create"),
    path("cases/<int:pk>/", views.case_detail, name="case_detail"),
    path("cases/<int:pk>/edit/", views.case_edit, name="case_edit"),
    *CASE.urls("cases/"),  # cases/<pk>/steps/accept/ …
    path("cases/<int:pk>/documents/<slug:kind>.docx", views.case_document, name="case_document"),
]
