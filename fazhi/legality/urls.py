from django.urls import path

from fazhi.legality import views
from fazhi.legality.workflow import FILING, REVIEW

app_name = "legality"
urlpatterns = [
    path("requests/", views.request_list, name="request_list"),
    path("requests/new/", views.request_create, name="request_create"),
    path("requests/<int:pk>/", views.request_detail, name="request_detail"),
    path("requests/<int:pk>/edit/", views.request_edit, name="request_edit"),
    *REVIEW.urls("requests/"),  # requests/<pk>/steps/start/ …
    path("requests/<int:pk>/letter.docx", views.request_letter, name="request_letter"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment_download"),
    path("filings/", views.filing_list, name="filing_list"),
    path("filings/new/", views.filing_create, name="filing_create"),
    path("filings/<int:pk>/", views.filing_detail, name="filing_detail"),
    path("filings/<int:pk>/edit/", views.filing_edit, name="filing_edit"),
    *FILING.urls("filings/"),
    path("advisors/", views.advisor_list, name="advisor_list"),
    path("advisors/new/", views.advisor_create, name="advisor_create"),
    path("advisors/<int:pk>/edit/", views.advisor_edit, name="advisor_edit"),
]
