"""Local development accounts of every role (admin, topic sponsor, council member, group member).

It lives in participation, the highest app it needs: it wires the roles of the agenda and a
membership of a participation group together, and both sit below or in this app.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from agenda.language import default_language_code
from agenda.models import TopicFieldPage
from agenda.roles import create_topic_sponsor_group, ensure_roles
from participation.groups.demo import add_dev_member

USERNAME = "admin"
PASSWORD = "flensburg-digital-dev"  # noqa: S105 - local development accounts only, refused unless DEBUG
SPONSOR_USERNAME = "sponsor"
COUNCIL_USERNAME = "council"
MEMBER_USERNAME = "member"
#: The demo topic field whose sponsor group the "sponsor" account joins (German slug).
SPONSOR_TOPIC_FIELD_SLUG = "verwaltung"


class Command(BaseCommand):
    help = (
        "Create the local development accounts (DEBUG only) and print their credentials: "
        "an admin, a topic sponsor of one demo topic field and a council member."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_admin only runs with DEBUG=True (development settings).")
        created = self.ensure_user(USERNAME, is_staff=True, is_superuser=True)
        self.report("Admin", USERNAME, created, "http://127.0.0.1:8000/admin/")
        self.ensure_role_accounts()

    def ensure_user(self, username, **defaults):
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org", **defaults}
        )
        if created:
            user.set_password(PASSWORD)
            user.save()
        return created

    def report(self, label, username, created, where):
        self.stdout.write(
            self.style.SUCCESS(
                f"{label}: {where}  user: {username}  password: {PASSWORD}"
                + ("" if created else "  (existing account, password unchanged)")
            )
        )

    def ensure_role_accounts(self):
        """A topic sponsor and a council member, so a newcomer can try the agenda's roles."""
        groups = ensure_roles()
        user_model = get_user_model()

        created = self.ensure_user(COUNCIL_USERNAME)
        user_model.objects.get(username=COUNCIL_USERNAME).groups.add(groups["council_members"])
        self.report("Council member (read-only backlog and reports)", COUNCIL_USERNAME, created, "/admin/")

        fields = TopicFieldPage.objects.filter(locale__language_code=default_language_code())
        topic_field = fields.filter(slug=SPONSOR_TOPIC_FIELD_SLUG).first() or fields.order_by("path").first()
        if topic_field is None:
            self.stdout.write("No topic field yet (run load_demo_content first): no topic sponsor account.")
            return
        created = self.ensure_user(SPONSOR_USERNAME)
        user_model.objects.get(username=SPONSOR_USERNAME).groups.add(create_topic_sponsor_group(topic_field))
        self.report(f"Topic sponsor of “{topic_field.title}”", SPONSOR_USERNAME, created, "/admin/")

        created = self.ensure_user(MEMBER_USERNAME)
        groups = add_dev_member(user_model.objects.get(username=MEMBER_USERNAME), topic_field)
        self.report(
            f"Group member (e-mail {MEMBER_USERNAME}@example.org) of {len(groups)} demo groups",
            MEMBER_USERNAME,
            created,
            "/de/groups/",
        )
