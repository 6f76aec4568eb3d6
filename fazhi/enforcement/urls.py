from django.urls import path

from fazhi.enforcement import document_views, views
from fazhi.enforcement.registers import ALL
from fazhi.enforcement.workflow import CASE_FILE, COMPLAINT, PROBLEM

app_name = "enforcement"
urlpatterns = [
    *(url for prefix, register in ALL for url in register.urls(prefix)),
    *CASE_FILE.urls("case-files/"),
    *PROBLEM.urls("problems/"),
    *COMPLAINT.urls("complaints/"),
    path("exams/<int:pk>/results/", views.exam_result_add, name="exam_result_add"),
    path(
        "certificates/<int:pk>/reviews/",
        views.certificate_review_add,
        name="certificate_review_add",
    ),
    path("rubrics/<int:pk>/items/", views.rubric_item_add, name="rubric_item_add"),
    path("rubrics/<int:pk>/copy/", views.rubric_copy, name="rubric_copy"),
    path("case-files/<int:pk>/score/", views.case_file_score, name="casefile_score"),
    path("evaluations/<int:pk>/notice/", document_views.campaign_notice, name="campaign_notice"),
    path(
        "evaluations/<int:pk>/organs/<int:organ_pk>/result.docx",
        document_views.campaign_result,
        name="campaign_result",
    ),
    path("complaints/<int:pk>/notice/", document_views.complaint_notice, name="complaint_notice"),
]
