"""Public URLs of the progress report, included inside ``i18n_patterns`` (``/<lang>/progress-report/``)."""

from django.urls import path

from . import report_views

urlpatterns = [
    path("progress-report/", report_views.progress_report, name="progress_report"),
    path("progress-report.pdf", report_views.progress_report_pdf, name="progress_report_pdf"),
]
