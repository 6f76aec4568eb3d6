from django.urls import path

from fazhi.litigation import views
from fazhi.litigation.workflow import LAWSUIT

app_name = "litigation"
urlpatterns = [
    path("lawsuits/", views.lawsuit_list, name="lawsuit_list"),
    path("lawsuits/new/", views.lawsuit_create, name="lawsuit_create"),
    path("lawsuits/<int:pk>/", views.lawsuit_detail, name="lawsuit_detail"),
    path("lawsuits/<int:pk>/edit/", views.lawsuit_edit, name="lawsuit_edit"),
    *LAWSUIT.urls("lawsuits/"),  # lawsuits/<pk>/steps/complaint/ …
]
