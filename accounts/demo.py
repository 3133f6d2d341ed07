"""Demo citizen accounts: verified e-mail addresses, public pseudonyms, no usable password.

Nobody can log in as a demo citizen (their passwords are unusable); they exist so
that polls and, later, ideas and comments have authors. Sign up yourself to try
the site as a citizen. Idempotent: found by e-mail address.
"""

from django.contrib.auth import get_user_model

from accounts.models import OrganisationMembership, ParticipatingOrganisation, Profile

DEMO_CITIZENS = [
    ("demo-citizen-1@example.org", "Möwe vom Hafen"),
    ("demo-citizen-2@example.org", "Fördeblick"),
    ("demo-citizen-3@example.org", "Rote Straße 7"),
    ("demo-citizen-4@example.org", "Jürgensby-Nachbarin"),
    ("demo-citizen-5@example.org", "Fahrradpendler FL"),
    ("demo-citizen-6@example.org", "Grænsegænger"),
    ("demo-citizen-7@example.org", "Campus Sandberg"),
    ("demo-citizen-8@example.org", "Altstadtkind"),
    ("demo-citizen-9@example.org", "Mürwiker Seehund"),
    ("demo-citizen-10@example.org", "Weiche Fischer"),
    ("demo-citizen-11@example.org", "Tarup digital"),
    ("demo-citizen-12@example.org", "Museumsberg"),
]

DEMO_ORGANISATION = "Digitalverein Flensburger Förde e. V. (Demo)"


def _citizen(email, display_name):
    from allauth.account.models import EmailAddress

    user_model = get_user_model()
    user = user_model.objects.filter(email=email).first()
    if user is None:
        user = user_model(username=email.split("@")[0], email=email)
        user.set_unusable_password()
        user.save()
    profile = Profile.for_user(user)
    if profile.display_name != display_name:
        profile.display_name = display_name
        profile.save(update_fields=["display_name"])
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def load(context=None):
    """Create (or keep) the demo citizens; returns them in a fixed order."""
    citizens = [_citizen(email, name) for email, name in DEMO_CITIZENS]
    organisation, _created = ParticipatingOrganisation.objects.get_or_create(
        name=DEMO_ORGANISATION, defaults={"website": "https://example.org"}
    )
    OrganisationMembership.objects.get_or_create(
        user=citizens[1], organisation=organisation, defaults={"role": "Vorstand", "confirmed": True}
    )
    OrganisationMembership.objects.get_or_create(user=citizens[2], organisation=organisation, defaults={"role": ""})
    if context is not None:
        context.log(f"  {len(citizens)} demo citizens (no usable password)")
    return citizens
