"""Who may do what, as data: every role × every capability of ``website.permissions``.

Each row names a capability and the object it is asked about; each cell says whether the
role holds it. The same answer must come through all three doors the site uses: the
named function, ``user.has_perm(name, obj)`` (the rules backend) and the ``has_perm``
template tag. A new capability without a row fails ``test_every_capability_has_a_row``.
"""

import pytest

from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template

from participation.models import Comment, Flag, SurveyAnswer, SurveyFinding
from tests.accounts.factories import UserFactory
from tests.participation.factories import IdeaFactory, build_dialogue
from tests.participation.group_factories import _world_of_the_module, world  # noqa: F401  (fixtures)
from website import permissions

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "citizen", "author", "member", "sponsor", "other_sponsor", "council", "editor", "superuser"]

EVERYONE_WHO_MODERATES = {"sponsor", "editor", "superuser"}  # of this topic field
ANY_SPONSOR_OR_EDITOR = {"sponsor", "other_sponsor", "editor", "superuser"}
EDITORS = {"editor", "superuser"}

# (capability, object key, roles that hold it); object None: asked without an object.
MATRIX = [
    ("participation.edit_idea", "idea", {"author"}),
    ("participation.edit_idea", "reviewed_idea", set()),
    ("participation.moderate", None, ANY_SPONSOR_OR_EDITOR),
    ("participation.moderate", "idea", EVERYONE_WHO_MODERATES),
    ("participation.moderate", "comment", EVERYONE_WHO_MODERATES),
    ("participation.moderate", "flag", EVERYONE_WHO_MODERATES),
    ("participation.moderate", "other_idea", {"other_sponsor", "editor", "superuser"}),
    ("participation.triage", "idea", EVERYONE_WHO_MODERATES),
    ("participation.triage", "other_idea", {"other_sponsor", "editor", "superuser"}),
    ("participation.moderate_answer", "answer", EVERYONE_WHO_MODERATES),
    ("participation.manage_finding", "finding", EVERYONE_WHO_MODERATES),
    ("participation.delete_finding", "finding", EDITORS),
    ("participation.view_unpublished_results", None, EDITORS),
    ("participation.manage_groups", None, ANY_SPONSOR_OR_EDITOR),
    ("participation.manage_groups", "topic_field", EVERYONE_WHO_MODERATES),
    ("participation.run_group", "group", EVERYONE_WHO_MODERATES),
    ("participation.run_group", "other_group", {"other_sponsor", "editor", "superuser"}),
    ("participation.view_group", "group", {"member", "sponsor", "editor", "superuser"}),
    ("participation.view_group", "other_group", {"other_sponsor", "editor", "superuser"}),
    ("participation.give_feedback", "group", {"member"}),
    ("participation.give_feedback", "other_group", set()),
    ("agenda.read_backlog", None, {"sponsor", "other_sponsor", "council", "editor", "superuser"}),
    ("agenda.change_measure", "measure", EVERYONE_WHO_MODERATES),
    ("agenda.change_measure", "other_measure", {"other_sponsor", "editor", "superuser"}),
    ("agenda.rate", "measure", EVERYONE_WHO_MODERATES),
    ("agenda.rate", "other_measure", {"other_sponsor", "editor", "superuser"}),
    ("search.read_statistics", None, {"council", "editor", "superuser"}),
]

FUNCTIONS = {
    "participation.edit_idea": permissions.can_edit_idea,
    "participation.moderate": permissions.can_moderate,
    "participation.triage": permissions.can_triage,
    "participation.moderate_answer": permissions.can_moderate_answer,
    "participation.manage_finding": permissions.can_manage_finding,
    "participation.delete_finding": permissions.can_delete_finding,
    "participation.view_unpublished_results": permissions.can_view_unpublished_results,
    "participation.manage_groups": permissions.can_manage_groups,
    "participation.run_group": permissions.can_run_group,
    "participation.view_group": permissions.can_view_group,
    "participation.give_feedback": permissions.can_give_feedback,
    "agenda.read_backlog": lambda user, obj=None: permissions.can_view_backlog(user),
    "agenda.change_measure": permissions.can_change_measure,
    "agenda.rate": permissions.can_rate_measure,
    "search.read_statistics": lambda user, obj=None: permissions.can_read_search_statistics(user),
}


@pytest.fixture
def topic_field(world):  # noqa: F811
    return world["topic_field"]


@pytest.fixture
def other_topic_field(world):  # noqa: F811
    return world["other"].topic_field


@pytest.fixture
def cast(world, home, topic_field, other_topic_field):  # noqa: F811
    """One account per role and one object per row, all in the first topic field unless named other_."""
    people = world["people"]
    users = {
        "anonymous": AnonymousUser(),
        "citizen": people["citizen"],
        "author": UserFactory(),
        "member": people["member"],
        "sponsor": people["sponsor"],
        "other_sponsor": people["other_sponsor"],
        "council": people["council"],
        "editor": people["editor"],
        "superuser": UserFactory(is_superuser=True, is_staff=True),
    }
    dialogue = build_dialogue(home, topic_fields=[topic_field, other_topic_field])
    idea = IdeaFactory(dialogue=dialogue, topic_field=topic_field, author=users["author"])
    comment = Comment(idea=idea, author=users["citizen"], text="Gute Idee")
    objects = {
        None: None,
        "idea": idea,
        "reviewed_idea": IdeaFactory(
            dialogue=dialogue, topic_field=topic_field, author=users["author"], status="under_review"
        ),
        "other_idea": IdeaFactory(dialogue=dialogue, topic_field=other_topic_field),
        "comment": comment,
        "flag": Flag(comment=comment, reason="spam"),
        "answer": SurveyAnswer(topic_field=topic_field, question="needs", text="Mehr Termine online"),
        "finding": SurveyFinding(topic_field=topic_field, title="Termine"),
        "topic_field": topic_field,
        "group": world["focus"],
        "other_group": world["other"],
        "measure": world["measures"][0],
        "other_measure": world["outside_measure"],
    }
    return users, objects


def _fresh(user):
    """A user object without the per-request caches, as the next request would load it."""
    if user.is_anonymous:
        return AnonymousUser()
    return type(user).objects.get(pk=user.pk)


@pytest.mark.parametrize("role", ROLES)
def test_every_cell_of_the_matrix(cast, role):
    users, objects = cast
    wrong = []
    for capability, key, holders in MATRIX:
        expected = role in holders
        obj = objects[key]
        answers = {
            "function": FUNCTIONS[capability](_fresh(users[role]), obj),
            "has_perm": _fresh(users[role]).has_perm(capability, obj),
            "template": Template("{% load rules %}{% has_perm name user obj as ok %}{{ ok }}")
            .render(Context({"name": capability, "user": _fresh(users[role]), "obj": obj}))
            .strip()
            == "True",
        }
        for door, answer in answers.items():
            # Django's User.has_perm answers True to an active superuser without asking any
            # backend; the site asks the named functions, which keep author-only rights.
            expected_here = True if (role == "superuser" and door != "function") else expected
            if bool(answer) is not expected_here:
                wrong.append(f"{role} {capability}({key}) via {door}: {answer}, expected {expected_here}")
    assert not wrong, "\n".join(wrong)


def test_every_capability_has_a_row():
    assert {row[0] for row in MATRIX} == set(permissions.CAPABILITIES)
    assert set(FUNCTIONS) == set(permissions.CAPABILITIES)


def test_roles_are_read_from_relations_not_group_names(world):  # noqa: F811
    """Renaming the role groups changes nobody's rights."""
    from django.contrib.auth.models import Group

    for group in Group.objects.all():
        group.name = f"Umbenannt {group.pk}"
        group.save()
    sponsor, editor = _fresh(world["people"]["sponsor"]), _fresh(world["people"]["editor"])
    assert permissions.can_run_group(sponsor, world["focus"])
    assert not permissions.can_run_group(sponsor, world["other"])
    assert permissions.can_run_group(editor, world["other"])
    assert permissions.can_view_backlog(_fresh(world["people"]["council"]))


def test_an_inactive_account_holds_nothing(world):  # noqa: F811
    editor = world["people"]["editor"]
    editor.is_active = False
    editor.save()
    editor = _fresh(editor)
    assert not permissions.is_editor(editor)
    assert not permissions.can_run_group(editor, world["focus"])
    assert not permissions.can_view_backlog(editor)
