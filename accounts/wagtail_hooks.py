"""Admin for citizen organisations: editors confirm who may act for an organisation."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from accounts.models import OrganisationMembership, ParticipatingOrganisation


class ParticipatingOrganisationViewSet(ModelViewSet):
    model = ParticipatingOrganisation
    icon = "group"
    menu_label = _("Organisations")
    url_prefix = "accounts/organisations"
    list_display = ["name", "website", "created_at"]
    search_fields = ["name", "description"]
    form_fields = ["name", "website", "description"]


class OrganisationMembershipViewSet(ModelViewSet):
    model = OrganisationMembership
    icon = "user"
    menu_label = _("Organisation requests")
    url_prefix = "accounts/memberships"
    list_display = ["__str__", "organisation", "role", "confirmed", "requested_at"]
    list_filter = ["confirmed", "organisation"]
    search_fields = ["organisation__name", "user__profile__display_name", "user__email"]
    form_fields = ["role", "confirmed"]

    def get_queryset(self, request):
        return OrganisationMembership.objects.select_related("organisation", "user__profile")


class CitizenAccountsGroup(ViewSetGroup):
    menu_label = _("Citizens")
    menu_icon = "group"
    menu_order = 310
    items = (ParticipatingOrganisationViewSet, OrganisationMembershipViewSet)


@hooks.register("register_admin_viewset")
def register_citizen_viewsets():
    return CitizenAccountsGroup()
