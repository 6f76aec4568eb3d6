from django.urls import path

from fazhi.timelimits import views

app_name = "timelimits"
urlpatterns = [
    path("calculator/", views.calculator, name="calculator"),
    path("rules/", views.rules, name="rules"),
    path("calendar/", views.calendar_year, name="calendar"),
    path("calendar/<int:year>/", views.calendar_year, name="calendar_year"),
    path("calendar/years/", views.calendar_add_year, name="calendar_add_year"),
    path("calendar/days/", views.calendar_set_day, name="calendar_set_day"),
]
