from django.urls import path

from fazhi.governance import views
from fazhi.governance.registers import ALL
from fazhi.governance.workflow import FINDING, TASK, VILLAGE

app_name = "governance"
urlpatterns = [
    path("unit-reports/open/", views.unit_reports_open_year, name="unitreport_open"),
    *(url for prefix, register in ALL for url in register.urls(prefix)),
    *TASK.urls("tasks/"),
    *FINDING.urls("findings/"),
    *VILLAGE.urls("villages/"),
    path("progress/<int:pk>/file/", views.progress_file, name="progress_file"),
    path("indicator-work/<int:pk>/file/", views.indicator_work_file, name="indicator_work_file"),
    path("bodies/<int:pk>/members/", views.body_member_add, name="body_member_add"),
    path("assessments/<int:pk>/items/", views.assessment_item_add, name="assessment_item_add"),
    path("assessments/<int:pk>/score/", views.assessment_score, name="assessment_score"),
    path("inspections/<int:pk>/notice.docx", views.inspection_notice, name="inspection_notice"),
    path(
        "findings/<int:pk>/rectification-notice/",
        views.rectification_notice,
        name="rectification_notice",
    ),
    path("workplans/<int:pk>/ledger.docx", views.task_ledger_document, name="task_ledger_document"),
    path(
        "demonstration/<int:pk>/indicators/<int:indicator_pk>/",
        views.indicator_work,
        name="indicator_work",
    ),
]
