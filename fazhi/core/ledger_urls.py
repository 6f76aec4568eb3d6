from django.urls import path

from fazhi.core import ledger_views

app_name = "ledgers"
urlpatterns = [
    path("import/", ledger_views.ledger_import, name="import"),
    path("template/<str:key>.xlsx", ledger_views.ledger_template, name="template"),
    path("jobs/<int:pk>/", ledger_views.import_job, name="job"),
    path("jobs/<int:pk>/errors.xlsx", ledger_views.import_errors, name="errors"),
]
