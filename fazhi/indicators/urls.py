from django.urls import path

from fazhi.indicators import views

app_name = "indicators"
urlpatterns = [
    path("catalogue/", views.catalogue, name="catalogue"),
    path("dashboard/", views.dashboard_page, name="dashboard"),
    path("<str:key>/records/", views.records, name="records"),
]
