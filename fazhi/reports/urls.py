from django.urls import path

from fazhi.reports import views
from fazhi.reports.workflow import REPORT

app_name = "reports"
urlpatterns = [
    path("", views.report_list, name="report_list"),
    path("new/", views.report_create, name="report_create"),
    path("<int:pk>/", views.report_detail, name="report_detail"),
    path("<int:pk>/settings/", views.report_edit, name="report_edit"),
    path("<int:pk>/checks/", views.report_checks, name="report_checks"),
    path("<int:pk>/differences/", views.report_differences, name="report_differences"),
    path("<int:pk>/sections/add/", views.section_add, name="section_add"),
    path("<int:pk>/sections/<int:section_pk>/move/", views.section_move, name="section_move"),
    path("<int:pk>/sections/<int:section_pk>/delete/", views.section_delete, name="section_delete"),
    path(
        "<int:pk>/sections/<int:section_pk>/paragraphs/add/",
        views.paragraph_add,
        name="paragraph_add",
    ),
    path("<int:pk>/paragraphs/<int:paragraph_pk>/", views.paragraph_edit, name="paragraph_edit"),
    path(
        "<int:pk>/paragraphs/<int:paragraph_pk>/delete/",
        views.paragraph_delete,
        name="paragraph_delete",
    ),
    *REPORT.urls(""),  # <pk>/steps/submit/ …
    path("<int:pk>/report.<str:fmt>", views.report_document, name="report_document"),
]
