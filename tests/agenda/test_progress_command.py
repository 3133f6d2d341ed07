"""``manage.py progress_report`` writes the PDF; bad input is a clear CommandError."""

import pytest

from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_command_writes_a_dated_pdf(home, tmp_path):
    output = tmp_path / "bericht.pdf"
    call_command("progress_report", "--as-of", "2022-06-30", "--language", "da", "--output", str(output))
    assert output.read_bytes().startswith(b"%PDF")


def test_command_names_the_file_by_date_and_language(home, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    call_command("progress_report", "--as-of", "2022-06-30", "--language", "en")
    assert (tmp_path / "progress-report-2022-06-30-en.pdf").exists()


@pytest.mark.parametrize("value", ["30.06.2022", "2022-02-30", "2999-01-01"])
def test_command_refuses_bad_dates(home, tmp_path, value):
    output = tmp_path / "bericht.pdf"
    with pytest.raises(CommandError):
        call_command("progress_report", "--as-of", value, "--output", str(output))
    assert not output.exists()
