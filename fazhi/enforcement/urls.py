from django.urls import path

from fazhi.enforcement import views
from fazhi.enforcement.registers import ALL

app_name = "enforcement"
urlpatterns = [
    *(url for prefix, register in ALL for url in register.urls(prefix)),
    path("exams/<int:pk>/results/", views.exam_result_add, name="exam_result_add"),
]
