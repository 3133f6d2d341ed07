"""Export and deletion of everything stored about one account (GDPR Art. 15, 17, 20).

Apps that store personal contributions plug in here, typically at import time of
their models module:

    from accounts import gdpr

    gdpr.register(
        "ideas",
        _("Ideas"),
        exporter=lambda user: [...],     # JSON-serialisable list/dict of the user's data
        anonymiser=lambda user: count,   # keep the content, detach the author; return how many
        deleter=lambda user: count,      # remove the content; return how many
    )

On deletion each section's anonymiser runs, or its deleter when the citizen asked
for their contributions to be removed; then the account itself is deleted and an
`AccountDeletionLog` with counts only (no personal data) is written.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from accounts.models import AccountDeletionLog, OrganisationMembership, Profile


@dataclass(frozen=True)
class DataSection:
    key: str
    label: Any
    exporter: Callable
    anonymiser: Callable | None = None
    deleter: Callable | None = None


_sections: dict[str, DataSection] = {}

# Readable labels for the keys of exported data on the "My data" page.
_field_labels = {
    "date_joined": _("Account created"),
    "last_login": _("Last log-in"),
    "email_addresses": _("E-mail addresses"),
    "email": _("E-mail address"),
    "verified": _("Verified"),
    "primary": _("Primary"),
    "display_name": _("Public display name"),
    "created_at": _("Created"),
    "organisation": _("Organisation"),
    "role": _("Role"),
    "confirmed": _("Confirmed"),
    "requested_at": _("Requested"),
    "confirmed_at": _("Confirmed at"),
    "provider": _("Provider"),
    "uid": _("Identifier at the provider"),
    "poll": _("Poll"),
    "choices": _("Your answers"),
    "cast_at": _("Voted at"),
}


def register_field_labels(labels):
    """Readable (translatable) labels for keys your exporter uses."""
    _field_labels.update(labels)


def field_label(key):
    return capfirst(str(_field_labels.get(key, str(key).replace("_", " ").capitalize())))


def register(key, label, exporter, anonymiser=None, deleter=None):
    """Add (or replace) a section of personal data; idempotent by `key`."""
    _sections[key] = DataSection(key, label, exporter, anonymiser, deleter)


def sections():
    return list(_sections.values())


def export_user_data(user):
    """Everything stored about `user`, as a JSON-serialisable dict keyed by section."""
    data = {"exported_at": timezone.now().isoformat(), "sections": {}}
    for section in sections():
        data["sections"][section.key] = {"label": str(section.label), "data": section.exporter(user)}
    return data


def delete_account(user, remove_contributions=False):
    """Anonymise (or remove) the user's contributions, delete the account, log counts only."""
    with transaction.atomic():
        counts = {}
        for section in sections():
            handler = section.deleter if remove_contributions else section.anonymiser
            if handler is not None:
                counts[section.key] = int(handler(user) or 0)
        user.delete()
        return AccountDeletionLog.objects.create(contributions_removed=remove_contributions, counts=counts)


def _iso(value):
    return value.isoformat() if value else None


def _export_account(user):
    from allauth.account.models import EmailAddress

    return {
        "date_joined": _iso(user.date_joined),
        "last_login": _iso(user.last_login),
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("-primary", "email")
        ],
    }


def _export_profile(user):
    profile = Profile.objects.filter(user=user).first()
    if profile is None:
        return {}
    return {"display_name": profile.display_name, "created_at": _iso(profile.created_at)}


def _export_organisations(user):
    return [
        {
            "organisation": membership.organisation.name,
            "role": membership.role,
            "confirmed": membership.confirmed,
            "requested_at": _iso(membership.requested_at),
            "confirmed_at": _iso(membership.confirmed_at),
        }
        for membership in OrganisationMembership.objects.filter(user=user).select_related("organisation")
    ]


def _export_external_logins(user):
    from allauth.socialaccount.models import SocialAccount

    return [
        {"provider": account.provider, "uid": account.uid, "date_joined": _iso(account.date_joined)}
        for account in SocialAccount.objects.filter(user=user)
    ]


def _delete_memberships(user):
    deleted, _by_model = OrganisationMembership.objects.filter(user=user).delete()
    return deleted


def register_core_sections():
    """Account data comes first in every export; other apps' sections follow."""
    register("account", _("Account"), _export_account)
    register("profile", _("Public profile"), _export_profile)
    # Memberships are personal data, not contributions: they go either way.
    register("organisations", _("Organisations"), _export_organisations, _delete_memberships, _delete_memberships)
    register("external_logins", _("External log-ins"), _export_external_logins)


register_core_sections()
