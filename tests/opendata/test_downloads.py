"""The CSV and JSON downloads: columns, values, languages and rebuilt past dates."""

import csv
import datetime
import io

from tests.agenda.factories import MeasurePageFactory
from tests.factories import publish, translate


def read_csv(response):
    assert response["Content-Type"].startswith("text/csv; charset=utf-8")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def test_measures_csv_has_a_stable_header_and_one_row_per_measure(client, data):
    response = client.get("/open-data/measures.csv")

    assert response.status_code == 200
    header = response.content.decode("utf-8").splitlines()[0]
    assert header.startswith("id,title,url,topic_field_id,topic_field_title,status,status_label,percent_done,score")
    rows = {row["title"]: row for row in read_csv(response)}
    assert set(rows) == {"E-Akte", "Online-Terminvergabe", "Smarte Ampeln"}
    e_akte = rows["E-Akte"]
    assert e_akte["status"] == "implemented"
    assert e_akte["percent_done"] == "100"
    assert e_akte["topic_field_title"] == "Verwaltung und Bürgerservice"
    assert e_akte["start_date"] == "2021-04-01"
    assert e_akte["target_date"] == "2023-12-31"
    assert e_akte["project_titles"] == "Bürgerportal"
    assert e_akte["project_ids"] == str(data["project"].pk)
    assert e_akte["linked_ideas_count"] == "1"
    assert e_akte["linked_ideas_supports"] == "3"
    assert e_akte["last_status_change_at"].startswith("2024-01-10T12:00:00")
    assert rows["Smarte Ampeln"]["topic_field_title"] == "Mobilität"


def test_measures_json_lists_rows_with_the_same_columns(client, data):
    response = client.get("/open-data/measures.json")

    assert response["Content-Type"] == "application/json; charset=utf-8"
    document = response.json()
    assert document["dataset"] == "measures"
    assert document["license"] == "http://dcat-ap.de/def/licenses/dl-by-de/2.0"
    assert document["count"] == 3
    row = next(row for row in document["rows"] if row["title"] == "E-Akte")
    assert list(row) == document["columns"]
    assert row["project_titles"] == ["Bürgerportal"]
    assert row["start_date"] == "2021-04-01"
    assert row["percent_done"] == 100


def test_texts_follow_the_requested_language(client, data):
    danish = translate(data["e_akte"], "da")
    danish.title = "E-sag"
    danish.save_revision().publish()

    rows = {row["id"]: row for row in read_csv(client.get("/open-data/measures.csv?lang=da"))}

    row = rows[str(data["e_akte"].pk)]
    assert row["title"] == "E-sag"
    assert "/da/" in row["url"]
    assert row["status_label"] == "Gennemført"
    assert row["status"] == "implemented"  # codes never change with the language


def test_status_labels_are_translated_but_codes_stay(client, data):
    german = {row["title"]: row for row in read_csv(client.get("/open-data/measures.csv?lang=de"))}
    english = {row["id"]: row for row in read_csv(client.get("/open-data/measures.csv?lang=en"))}

    assert german["E-Akte"]["status_label"] == "Umgesetzt"
    assert english[german["E-Akte"]["id"]]["status_label"] == "Implemented"


def test_as_of_rebuilds_measure_states_from_the_progress_log(client, data):
    rows = {row["title"]: row for row in read_csv(client.get("/open-data/measures.csv?as_of=2023-06-30"))}

    assert set(rows) == {"E-Akte", "Online-Terminvergabe"}  # Smarte Ampeln was logged first in 2025
    assert rows["E-Akte"]["status"] == "in_progress"
    assert rows["E-Akte"]["percent_done"] == "50"
    assert rows["E-Akte"]["last_status_change_at"].startswith("2022-09-01")


def test_as_of_json_says_what_is_rebuilt(client, data):
    document = client.get("/open-data/measures.json?as_of=2023-06-30&lang=en").json()

    assert document["as_of"] == "2023-06-30"
    assert "progress log" in document["history"]


def test_topic_field_counts_use_the_rebuilt_states(client, data):
    today = {row["title"]: row for row in read_csv(client.get("/open-data/topic_fields.csv"))}
    past = {row["title"]: row for row in read_csv(client.get("/open-data/topic_fields.csv?as_of=2023-06-30"))}

    assert today["Verwaltung und Bürgerservice"]["measures_implemented"] == "1"
    assert today["Verwaltung und Bürgerservice"]["share_implemented_percent"] == "50"
    assert today["Verwaltung und Bürgerservice"]["projects_total"] == "0"
    assert past["Verwaltung und Bürgerservice"]["measures_implemented"] == "0"
    assert past["Verwaltung und Bürgerservice"]["measures_in_progress"] == "1"
    assert past["Mobilität"]["measures_total"] == "0"


def test_projects_as_of_use_the_version_published_on_that_day(client, data):
    from wagtail.models import PageLogEntry

    project = data["project"]
    entry = PageLogEntry.objects.filter(page=project, action="wagtail.publish").latest("timestamp")
    entry.timestamp = datetime.datetime(2022, 1, 1, 12, tzinfo=datetime.UTC)
    entry.save()
    project.status = "completed"
    project.phase = "Abgeschlossen"
    project.save_revision().publish()

    today = read_csv(client.get("/open-data/projects.csv"))
    past = read_csv(client.get("/open-data/projects.csv?as_of=2023-01-01"))
    before = read_csv(client.get("/open-data/projects.csv?as_of=2021-01-01"))

    assert [(row["status"], row["phase"]) for row in today] == [("completed", "Abgeschlossen")]
    assert [(row["status"], row["phase"]) for row in past] == [("live", "Betrieb")]
    assert before == []


def test_projects_list_their_links(client, data):
    rows = read_csv(client.get("/open-data/projects.csv"))

    assert rows[0]["title"] == "Bürgerportal"
    assert rows[0]["measure_ids"] == str(data["e_akte"].pk)
    assert rows[0]["budget_eur"] == "250000.00"
    assert rows[0]["reuses_efa_solution"] == "false"


def test_participation_counts_public_contributions_only_and_no_personal_data(client, data):
    response = client.get("/open-data/participation.csv")
    rows = read_csv(response)

    assert len(rows) == 1
    row = rows[0]
    assert row["topic_field_title"] == "Verwaltung und Bürgerservice"
    assert row["ideas_total"] == "1"  # the hidden idea is not counted
    assert row["ideas_accepted"] == "1"
    assert row["supports"] == "3"
    assert row["comments"] == "1"
    body = response.content.decode()
    assert "@example.org" not in body
    assert "citizen" not in body
    assert "Akten digital" not in body  # idea titles are not published, only counts


def test_participation_as_of_counts_only_what_existed(client, data):
    rows = read_csv(client.get("/open-data/participation.csv?as_of=2021-01-01"))

    assert rows[0]["ideas_total"] == "0"
    assert rows[0]["supports"] == "0"


def test_polls_give_participants_without_votes(client, data):
    from participation.models import PollBallot
    from tests.accounts.factories import UserFactory
    from tests.participation.poll_factories import PollFactory

    poll = PollFactory()
    for _ in range(2):
        poll.cast_vote(UserFactory(), [poll.choices.first().pk])

    rows = read_csv(client.get("/open-data/polls.csv"))

    assert rows == [
        {
            "id": str(poll.pk),
            "question": poll.question,
            "kind": "single",
            "opens_at": rows[0]["opens_at"],
            "closes_at": rows[0]["closes_at"],
            "status": "open",
            "participants": "2",
        }
    ]
    assert PollBallot.objects.count() == 2


def test_ozg_services_are_listed_with_labels(client, data):
    from tests.projects.factories import AdministrativeServiceFactory

    AdministrativeServiceFactory(leika_key="99123456789012", name="Wohngeld beantragen", efa_solution=True)

    rows = read_csv(client.get("/open-data/ozg_services.csv?lang=en"))

    assert rows == [
        {
            "id": rows[0]["id"],
            "leika_key": "99123456789012",
            "name": "Wohngeld beantragen",
            "topic_area": "mobility_travel",
            "topic_area_label": "Mobility & travel",
            "responsible_level": "municipal",
            "responsible_level_label": "Municipality",
            "online_status": "online",
            "online_status_label": "Online",
            "online_service_url": "https://example.org/anwohnerparken",
            "efa_solution": "true",
        }
    ]


def test_unpublished_measures_are_not_exported(client, data):
    MeasurePageFactory(parent=data["field"], title="Entwurf", live=False)

    titles = [row["title"] for row in read_csv(client.get("/open-data/measures.csv"))]

    assert "Entwurf" not in titles


def test_downloads_name_the_file_and_allow_any_origin(client, data):
    response = client.get("/open-data/measures.csv?lang=en&as_of=2023-06-30")

    assert response["Content-Disposition"] == 'inline; filename="measures-en-2023-06-30.csv"'
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Language"] == "en"
    assert "Set-Cookie" not in response


def test_every_dataset_downloads_in_both_formats_even_when_empty(client, home):
    from opendata.datasets import all_datasets

    for dataset in all_datasets():
        for fmt in ("csv", "json"):
            response = client.get(f"/open-data/{dataset.key}.{fmt}")
            assert response.status_code == 200, (dataset.key, fmt)
        assert client.get(f"/open-data/{dataset.key}.csv").content.decode().strip() == ",".join(dataset.columns)


def test_a_newly_published_measure_appears_at_once(client, data):
    page = publish(MeasurePageFactory(parent=data["other"], title="Neue Maßnahme"))

    titles = [row["title"] for row in read_csv(client.get("/open-data/measures.csv"))]

    assert page.title in titles
