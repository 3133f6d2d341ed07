import copy

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agenda.models import MeasurePage, MeasureRating, MeasureStatus
from agenda.roles import COUNCIL_MEMBERS, EDITORS, create_topic_sponsor_group
from tests.agenda.factories import CriterionFactory, MeasurePageFactory, build_topic_field
from tests.factories import publish
from tests.skeleton import data_for_the_module

pytestmark = pytest.mark.django_db


def make_user(django_user_model, name, group=None):
    user = django_user_model.objects.create_user(username=name, password="x", email=f"{name}@example.org")
    if group is not None:
        user.groups.add(group)
    return user


def build_world(home, django_user_model):
    own = build_topic_field(home, title="Verwaltung")
    other = build_topic_field(home, title="Gesundheit")
    own_measure = publish(MeasurePageFactory(parent=own))
    other_measure = publish(MeasurePageFactory(parent=other))
    CriterionFactory(weight=1)
    users = {
        "anonymous": None,
        "citizen": make_user(django_user_model, "citizen"),
        "council": make_user(django_user_model, "council", Group.objects.get(name=COUNCIL_MEMBERS)),
        "sponsor": make_user(django_user_model, "sponsor", create_topic_sponsor_group(own)),
        "editor": make_user(django_user_model, "editor", Group.objects.get(name=EDITORS)),
    }
    return {"own": own, "other": other, "own_measure": own_measure, "other_measure": other_measure, "users": users}


@pytest.fixture(scope="module")
def _world_of_the_module(django_db_setup, django_db_blocker):
    with data_for_the_module(django_db_blocker) as home_pages:
        yield build_world(home_pages["de"], get_user_model())


@pytest.fixture
def world(_world_of_the_module, db):
    """Built once per module; each test gets its own copy and its changes are rolled back."""
    return copy.deepcopy(_world_of_the_module)


def url_for(world, action):
    return {
        "backlog": ("get", "/admin/agenda/backlog/", None),
        "export_csv": ("get", "/admin/agenda/backlog/?export=csv", None),
        "rate_own": ("get", f"/admin/agenda/measures/{world['own_measure'].pk}/rate/", None),
        "rate_other": ("get", f"/admin/agenda/measures/{world['other_measure'].pk}/rate/", None),
        "edit_own": ("get", f"/admin/pages/{world['own_measure'].pk}/edit/", None),
        "edit_other": ("get", f"/admin/pages/{world['other_measure'].pk}/edit/", None),
        "add_measure_own": ("get", f"/admin/pages/add/agenda/measurepage/{world['own'].pk}/", None),
        "bulk_status": (
            "post",
            "/admin/agenda/backlog/",
            {"measures": [world["own_measure"].pk], "new_status": MeasureStatus.ASSESSED},
        ),
    }[action]


# role × action → expected HTTP status. 302: anonymous users go to the login page; Wagtail turns a
# PermissionDenied inside the admin into a redirect to the dashboard; a successful POST redirects too.
EXPECTATIONS = [
    ("anonymous", "backlog", 302),
    ("citizen", "backlog", 302),
    ("council", "backlog", 200),
    ("council", "export_csv", 200),
    ("council", "rate_own", 302),
    ("council", "edit_own", 302),
    ("council", "bulk_status", 302),
    ("sponsor", "backlog", 200),
    ("sponsor", "rate_own", 200),
    ("sponsor", "rate_other", 302),
    ("sponsor", "edit_own", 200),
    ("sponsor", "edit_other", 302),
    ("sponsor", "add_measure_own", 200),
    ("editor", "backlog", 200),
    ("editor", "rate_other", 200),
    ("editor", "edit_other", 200),
    ("editor", "bulk_status", 302),
]


@pytest.mark.parametrize(("role", "action", "expected"), EXPECTATIONS)
def test_role_permissions(client, world, role, action, expected):
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    method, url, data = url_for(world, action)
    response = getattr(client, method)(url, data or {})
    assert response.status_code == expected


@pytest.mark.parametrize("role", ["council", "citizen"])
def test_read_only_roles_cannot_change_status(client, world, role):
    client.force_login(world["users"][role])
    measure = world["own_measure"]
    client.post("/admin/agenda/backlog/", {"measures": [measure.pk], "new_status": MeasureStatus.ASSESSED})
    measure.refresh_from_db()
    assert measure.status == MeasureStatus.PROPOSED


def test_sponsor_cannot_rate_other_field(client, world):
    client.force_login(world["users"]["sponsor"])
    criterion = world["own_measure"].ratings.model.criterion.field.related_model.objects.first()
    client.post(f"/admin/agenda/measures/{world['other_measure'].pk}/rate/", {f"criterion_{criterion.pk}": "5"})
    assert not MeasureRating.objects.exists()


def test_sponsor_cannot_publish_own_measure(world):
    perms = world["own_measure"].permissions_for_user(world["users"]["sponsor"])
    assert perms.can_edit() and not perms.can_publish()


def test_rating_outside_range_is_rejected_and_nothing_stored(client, world):
    client.force_login(world["users"]["sponsor"])
    criterion = world["own_measure"].ratings.model.criterion.field.related_model.objects.first()
    url = f"/admin/agenda/measures/{world['own_measure'].pk}/rate/"
    response = client.post(url, {f"criterion_{criterion.pk}": "7"})
    assert response.status_code == 400
    assert "von 0 bis 5" in response.content.decode()  # German admin, as LANGUAGE_CODE
    assert not MeasureRating.objects.exists()


def test_rating_moves_measure_up(client, world):
    client.force_login(world["users"]["editor"])
    criterion = world["own_measure"].ratings.model.criterion.field.related_model.objects.first()
    target = world["other_measure"]
    client.post(f"/admin/agenda/measures/{target.pk}/rate/", {f"criterion_{criterion.pk}": "5"})
    assert MeasurePage.objects.ranked().first().pk == target.pk


def test_bulk_status_validates_transition(client, world):
    client.force_login(world["users"]["editor"])
    measure = world["own_measure"]
    client.post("/admin/agenda/backlog/", {"measures": [measure.pk], "new_status": MeasureStatus.IMPLEMENTED})
    measure.refresh_from_db()
    assert measure.status == MeasureStatus.PROPOSED


def test_bulk_status_changes_and_logs(client, world):
    client.force_login(world["users"]["editor"])
    measure = world["own_measure"]
    client.post("/admin/agenda/backlog/", {"measures": [measure.pk], "new_status": MeasureStatus.ASSESSED})
    measure.refresh_from_db()
    assert measure.status == MeasureStatus.ASSESSED
    assert measure.progress_updates.filter(status=MeasureStatus.ASSESSED).exists()


def test_export_contains_exactly_the_filtered_measures(client, world):
    client.force_login(world["users"]["editor"])
    response = client.get(f"/admin/agenda/backlog/?export=csv&topic_field={world['own'].pk}")
    body = response.content.decode("utf-8-sig")
    assert world["own_measure"].title in body
    assert world["other_measure"].title not in body


def test_xlsx_export(client, world):
    client.force_login(world["users"]["editor"])
    response = client.get("/admin/agenda/backlog/?export=xlsx")
    assert response.content[:2] == b"PK"


def test_bad_filter_value_is_no_500(client, world):
    client.force_login(world["users"]["editor"])
    response = client.get("/admin/agenda/backlog/?topic_field=abc&status=nonsense&sort=evil")
    assert response.status_code == 200


def test_deleting_topic_field_with_measures_is_refused(client, world):
    client.force_login(world["users"]["editor"])
    topic_field = world["own"]
    client.post(f"/admin/pages/{topic_field.pk}/delete/")
    assert MeasurePage.objects.filter(pk=world["own_measure"].pk).exists()
    assert type(topic_field).objects.filter(pk=topic_field.pk).exists()


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx)


def _add_measures(topic_field, count):
    """Live measures in every status and priority class, without revisions (fast enough for 500)."""
    statuses = MeasureStatus.values
    for index in range(count):
        MeasurePageFactory(
            parent=topic_field,
            status=statuses[index % len(statuses)],
            status_reason="Begründung",
            percent_done=index % 101,
            priority_class=["", "A", "B", "C"][index % 4],
            priority_reason="Förderfrist",
        )


def test_backlog_and_topic_field_page_query_counts_are_constant_from_10_to_500_measures(client, world):
    """The issue's scale test: the same number of SQL queries with 10 and with 500 measures.

    The backlog is read by an editor, the topic field page anonymously (as the public reads it);
    one warm-up request each fills the per-process caches (site root paths, locales) first.
    """
    editor = world["users"]["editor"]
    _add_measures(world["own"], 9)  # + the fixture's own measure = 10

    def counts():
        client.force_login(editor)
        backlog = _count_queries(client, "/admin/agenda/backlog/")
        client.logout()
        return backlog, _count_queries(client, world["own"].url)

    counts()
    few = counts()
    _add_measures(world["own"], 490)
    assert MeasurePage.objects.child_of(world["own"]).count() == 500
    assert counts() == few
