"""``manage.py opendata_snapshot`` writes every dataset for a past date, rebuilt from the logs."""

import csv
import json

import pytest

from django.core.management import CommandError, call_command

from opendata.datasets import all_datasets


def test_snapshot_writes_every_dataset_format_and_language(data, tmp_path):
    call_command("opendata_snapshot", "--date", "2023-06-30", "--output", str(tmp_path), verbosity=0)

    folder = tmp_path / "2023-06-30"
    names = {path.name for path in folder.iterdir()}
    expected = {
        f"{d.key}.{lang}.{fmt}" for d in all_datasets() for lang in ("de", "da", "en") for fmt in ("csv", "json")
    }
    assert names == expected | {"catalog.jsonld"}
    with (folder / "measures.de.csv").open(encoding="utf-8") as handle:
        rows = {row["title"]: row for row in csv.DictReader(handle)}
    assert set(rows) == {"E-Akte", "Online-Terminvergabe"}
    assert rows["E-Akte"]["status"] == "in_progress"
    document = json.loads((folder / "measures.en.json").read_text(encoding="utf-8"))
    assert document["as_of"] == "2023-06-30"
    assert json.loads((folder / "catalog.jsonld").read_text(encoding="utf-8"))["@type"] == "dcat:Catalog"


def test_snapshot_equals_the_download_for_the_same_date(client, data, tmp_path):
    call_command(
        "opendata_snapshot", "--date", "2024-02-01", "--output", str(tmp_path), "--language", "da", verbosity=0
    )

    written = (tmp_path / "2024-02-01" / "topic_fields.da.csv").read_bytes()
    assert written == client.get("/open-data/topic_fields.csv?lang=da&as_of=2024-02-01").content
    assert not (tmp_path / "2024-02-01" / "topic_fields.de.csv").exists()


@pytest.mark.parametrize("bad", ["2025-13-01", "tomorrow", "2999-01-01", "1999-01-01", "2025-06-30x"])
def test_snapshot_refuses_bad_dates(data, tmp_path, bad):
    with pytest.raises(CommandError, match="--date"):
        call_command("opendata_snapshot", "--date", bad, "--output", str(tmp_path), verbosity=0)
    assert list(tmp_path.iterdir()) == []


def test_snapshot_refuses_an_unknown_site(data, tmp_path):
    with pytest.raises(CommandError, match="site"):
        call_command("opendata_snapshot", "--site", "nowhere.example", "--output", str(tmp_path), verbosity=0)
