"""The Progress page, the public and admin report (HTML and PDF), hostile dates and permissions."""

import datetime

import pytest

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from agenda import report_pdf
from agenda.roles import COUNCIL_MEMBERS, EDITORS, create_topic_sponsor_group
from tests.agenda.factories import MeasurePageFactory, build_topic_field
from tests.agenda.progress_factories import ProgressPageFactory, build_progress_dataset
from tests.factories import publish, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def dataset(home):
    return build_progress_dataset(home)


@pytest.fixture
def progress_page(home):
    return publish(ProgressPageFactory(parent=home))


def user_in(django_user_model, group_name=None, username="user"):
    user = django_user_model.objects.create_user(username=username, password="secret-pass-123")  # noqa: S106
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


# -- public page ------------------------------------------------------------------------


def test_progress_page_shows_figures_and_tables(client, dataset, progress_page):
    response = client.get(progress_page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="img"' in html and '<title id="chart-measures-title">' in html
    assert "Online-Terminvergabe" in html  # overdue list
    assert "Smarte Ampeln" not in html  # unpublished measure
    assert '<table class="data-table' in html


@pytest.mark.parametrize("language", ["de", "da", "en"])
def test_progress_page_renders_in_every_language(client, dataset, progress_page, language):
    page = progress_page if language == "de" else translate(progress_page, language)
    response = client.get(page.url)
    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.content.decode()


def test_progress_page_query_count_does_not_grow_with_measures(client, home, progress_page):
    field = build_topic_field(home)
    past = timezone.localdate() - datetime.timedelta(days=3)

    def add_measures(count):
        for _ in range(count):
            MeasurePageFactory(parent=field, status="in_progress", target_date=past)

    add_measures(10)
    client.get(progress_page.url)  # warm caches (site root paths)
    with CaptureQueriesContext(connection) as few:
        assert client.get(progress_page.url).status_code == 200
    add_measures(140)  # 10 → 150: a per-measure query would show 140 times
    with CaptureQueriesContext(connection) as many:
        response = client.get(progress_page.url)
    assert response.status_code == 200
    assert len(many) == len(few)


# -- public report ------------------------------------------------------------------------


def test_public_report_html_is_dated(client, dataset):
    response = client.get("/en/progress-report/?as_of=2021-12-31")
    assert response.status_code == 200
    assert 'datetime="2021-12-31"' in response.content.decode()


def test_public_report_pdf_starts_with_pdf_and_carries_the_date(client, dataset):
    response = client.get("/de/progress-report.pdf?as_of=2021-12-31")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "2021-12-31" in response["Content-Disposition"]
    assert "2021-12-31" in pdf_text(response.content)  # the title in the document metadata


def pdf_text(content):
    """Every string of a PDF, its compressed streams inflated (enough to find the title)."""
    import re
    import zlib

    parts = [content]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", content, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    raw = b"".join(parts)
    utf16 = re.findall(rb"<feff([0-9a-fA-F]+)>", raw)
    return raw.decode("latin-1") + "".join(bytes.fromhex(h.decode()).decode("utf-16-be", "replace") for h in utf16)


@pytest.mark.parametrize(
    "value",
    [
        "yesterday",
        "2021-13-01",
        "2021-02-30",
        "20211231",
        "2021-12-31T00:00",
        "1999-12-31",
        "0001-01-01",
        "9999-12-31",
        "2021-12-31' OR '1'='1",
        "<script>alert(1)</script>",
        "2" * 5000,
    ],
)
def test_hostile_as_of_is_a_clear_400(client, home, value):
    for url in ("/de/progress-report/", "/de/progress-report.pdf"):
        response = client.get(url, {"as_of": value})
        assert response.status_code == 400
        assert response["Content-Type"].startswith("text/plain")
        assert b"<script>" not in response.content


def test_future_date_is_refused(client, home):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.get("/en/progress-report/", {"as_of": tomorrow.isoformat()})
    assert response.status_code == 400
    assert b"future" in response.content


def test_pdf_without_the_pdf_library_is_a_clear_503(client, home, monkeypatch):
    def unavailable():
        raise report_pdf.PdfUnavailable("libpango-1.0-0: cannot open shared object file")

    monkeypatch.setattr(report_pdf, "_weasyprint", unavailable)
    assert client.get("/en/progress-report.pdf").status_code == 503
    assert client.get("/en/progress-report/").status_code == 200


def test_pdf_fetcher_refuses_remote_urls():
    import weasyprint

    fetcher = report_pdf.local_fetcher_class(weasyprint)()
    for url in ("https://example.org/font.ttf", "http://127.0.0.1/", "file:///etc/passwd"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


# -- admin report and permissions -----------------------------------------------------------


def test_anonymous_is_sent_to_the_login_page(client):
    response = client.get("/admin/agenda/reports/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("group", [EDITORS, COUNCIL_MEMBERS])
def test_editors_and_council_members_see_the_admin_report_with_drafts(client, django_user_model, dataset, group):
    client.force_login(user_in(django_user_model, group))
    response = client.get("/admin/agenda/reports/")
    assert response.status_code == 200
    assert "Smarte Ampeln" in response.content.decode()


def test_council_members_download_the_admin_pdf(client, django_user_model, dataset):
    client.force_login(user_in(django_user_model, COUNCIL_MEMBERS))
    response = client.get("/admin/agenda/reports/pdf/", {"as_of": "2021-12-31"})
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_topic_sponsors_may_read_the_report(client, django_user_model, dataset):
    user = user_in(django_user_model)
    user.groups.add(create_topic_sponsor_group(dataset["field_a"]))
    client.force_login(user)
    assert client.get("/admin/agenda/reports/").status_code == 200


def test_admin_user_without_report_permission_is_refused(client, django_user_model, home):
    from django.contrib.auth.models import Permission

    user = user_in(django_user_model)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get("/admin/agenda/reports/").status_code in (302, 403)
    assert client.get("/admin/agenda/reports/pdf/").status_code in (302, 403)


def test_admin_report_bad_date_shows_the_form_with_an_error(client, django_user_model, home):
    client.force_login(user_in(django_user_model, COUNCIL_MEMBERS))
    response = client.get("/admin/agenda/reports/", {"as_of": "31.12.2021"})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()


def test_reports_menu_item_is_shown_to_council_members_only_with_permission(rf, django_user_model):
    from agenda.report_hooks import register_reports_menu_item

    item = register_reports_menu_item()
    council = rf.get("/admin/")
    council.user = user_in(django_user_model, COUNCIL_MEMBERS, username="council")
    nobody = rf.get("/admin/")
    nobody.user = user_in(django_user_model, username="nobody")
    assert item.is_shown(council) is True
    assert item.url == "/admin/agenda/reports/"
    assert item.is_shown(nobody) is False
