from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.pseudonyms import unique_pseudonym

DELETED_ACCOUNT_LABEL = _("deleted account")


class Profile(models.Model):
    """Public face of a citizen account: a display name, never the real name or e-mail."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile", verbose_name=_("user")
    )
    display_name = models.CharField(
        _("public display name"),
        max_length=60,
        help_text=_("Shown next to your contributions. You do not need to use your real name."),
    )
    # Case-folded copy, unique: "Möwe" and "MÖWE" are the same name on every database
    # (SQLite's LOWER() and iexact only fold ASCII letters).
    display_name_key = models.CharField(max_length=60, unique=True, null=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("citizen profile")
        verbose_name_plural = _("citizen profiles")

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        self.display_name_key = self.name_key(self.display_name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "display_name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "display_name_key"}
        super().save(*args, **kwargs)

    @staticmethod
    def name_key(name):
        return " ".join(name.split()).casefold()[:60]

    @classmethod
    def display_name_taken(cls, name, exclude_user=None):
        queryset = cls.objects.filter(display_name_key=cls.name_key(name))
        if exclude_user is not None:
            queryset = queryset.exclude(user=exclude_user)
        return queryset.exists()

    @classmethod
    def for_user(cls, user):
        """The user's profile, created with a fresh pseudonym if it is missing."""
        profile = cls.objects.filter(user=user).first()
        if profile is None:
            profile, _created = cls.objects.get_or_create(
                user=user, defaults={"display_name": unique_pseudonym(cls.display_name_taken)}
            )
        return profile


def display_name_of(user):
    """Public name of `user`; "deleted account" when the account is gone."""
    if user is None:
        return str(DELETED_ACCOUNT_LABEL)
    try:
        return user.profile.display_name
    except Profile.DoesNotExist:
        return str(DELETED_ACCOUNT_LABEL)


def user_display(user):
    """allauth's ACCOUNT_USER_DISPLAY: greet people by their public name, not their e-mail."""
    return display_name_of(user)


class ParticipatingOrganisation(models.Model):
    """A company, association or initiative that takes part in participation as such."""

    name = models.CharField(_("name"), max_length=200)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("participating organisation")
        verbose_name_plural = _("participating organisations")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="accounts_organisation_name_unique_ci")]

    def __str__(self):
        return self.name


class MembershipQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed=True)

    def pending(self):
        return self.filter(confirmed=False)


class OrganisationMembership(models.Model):
    """An account may act for an organisation once an editor confirmed the membership."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="organisation_memberships",
        verbose_name=_("account"),
    )
    organisation = models.ForeignKey(
        ParticipatingOrganisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(
        _("role in the organisation"), max_length=120, blank=True, help_text=_("For example: chair, press officer.")
    )
    confirmed = models.BooleanField(
        _("confirmed"),
        default=False,
        help_text=_("Tick once you have checked that this person may speak for the organisation."),
    )
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation membership")
        verbose_name_plural = _("organisation memberships")
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="accounts_membership_unique"),
        ]

    def __str__(self):
        return f"{display_name_of(self.user)} – {self.organisation}"

    def save(self, *args, **kwargs):
        if self.confirmed and self.confirmed_at is None:
            self.confirmed_at = timezone.now()
        if not self.confirmed:
            self.confirmed_at = None
        super().save(*args, **kwargs)


def organisations_user_may_act_for(user):
    """Organisations `user` is confirmed for (empty for anonymous users)."""
    if not getattr(user, "is_authenticated", False):
        return ParticipatingOrganisation.objects.none()
    return ParticipatingOrganisation.objects.filter(memberships__user=user, memberships__confirmed=True)


class AccountDeletionLog(models.Model):
    """That an account was deleted, and how much went with it — never who it was."""

    deleted_at = models.DateTimeField(_("deleted at"), default=timezone.now)
    contributions_removed = models.BooleanField(_("contributions removed"), default=False)
    counts = models.JSONField(_("counts"), default=dict, blank=True)

    class Meta:
        verbose_name = _("account deletion")
        verbose_name_plural = _("account deletions")
        ordering = ["-deleted_at"]

    def __str__(self):
        return f"{self.deleted_at:%Y-%m-%d %H:%M}"
