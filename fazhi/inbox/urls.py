from django.urls import path

from fazhi.inbox import views

app_name = "inbox"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/", views.message_open, name="open"),
    path("read/", views.mark_all_read, name="mark_all_read"),
]
