import factory
from factory.django import DjangoModelFactory

from django.contrib.auth import get_user_model

from accounts.models import OrganisationMembership, ParticipatingOrganisation

PASSWORD = "Hafenspitze-2024!"  # noqa: S105 - test-only password


class UserFactory(DjangoModelFactory):
    username = factory.Sequence(lambda n: f"citizen{n}")
    email = factory.Sequence(lambda n: f"citizen{n}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """A verified primary e-mail address (allauth), unless verified=False."""
        if not create:
            return
        self.save()
        if extracted is False:
            return
        from allauth.account.models import EmailAddress

        EmailAddress.objects.get_or_create(user=self, email=self.email, defaults={"verified": True, "primary": True})


class ParticipatingOrganisationFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Verein Digitale Nachbarschaft Flensburg {n}")
    website = "https://example.org"

    class Meta:
        model = ParticipatingOrganisation


class OrganisationMembershipFactory(DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(ParticipatingOrganisationFactory)
    role = "Vorstand"

    class Meta:
        model = OrganisationMembership


def set_display_name(user, name):
    from accounts.models import Profile

    profile = Profile.for_user(user)
    profile.display_name = name
    profile.save()
    return profile
