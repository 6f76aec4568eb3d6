from django.urls import path

from fazhi.litigation import views

app_name = "litigation"
urlpatterns = [
    path("lawsuits/", views.lawsuit_list, name="lawsuit_list"),
    path("lawsuits/new/", views.lawsuit_create, name="lawsuit_create"),
    path("lawsuits/<int:pk>/", views.lawsuit_detail, name="lawsuit_detail"),
    path("lawsuits/<int:pk>/edit/", views.lawsuit_edit, name="lawsuit_edit"),
    path("lawsuits/<int:pk>/complaint/", views.lawsuit_complaint, name="lawsuit_complaint"),
    path("lawsuits/<int:pk>/defence/", views.lawsuit_defence, name="lawsuit_defence"),
    path("lawsuits/<int:pk>/hearing/", views.lawsuit_hearing, name="lawsuit_hearing"),
    path("lawsuits/<int:pk>/outcome/", views.lawsuit_outcome, name="lawsuit_outcome"),
    path("lawsuits/<int:pk>/appeal/", views.lawsuit_appeal, name="lawsuit_appeal"),
    path("lawsuits/<int:pk>/close/", views.lawsuit_close, name="lawsuit_close"),
]
