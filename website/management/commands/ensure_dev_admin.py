from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "flensburg-digital-dev"  # noqa: S105 - local development account only, refused unless DEBUG


class Command(BaseCommand):
    help = "Create the local development admin account (DEBUG only) and print its credentials."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_admin only runs with DEBUG=True (development settings).")
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(
            username=USERNAME,
            defaults={"email": "admin@example.org", "is_staff": True, "is_superuser": True},
        )
        if created:
            user.set_password(PASSWORD)
            user.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: http://127.0.0.1:8000/admin/  user: {USERNAME}  password: {PASSWORD}"
                + ("" if created else "  (existing account, password unchanged)")
            )
        )
