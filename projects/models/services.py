"""The OZG service catalogue: which administrative services are online.

The Onlinezugangsgesetz (OZG) obliges federal, state and local government to
offer their administrative services online. Each service is identified by its
key in the Leistungskatalog (LeiKa): 14 digits (8 for the service object, 3 for
the action, 3 for the action detail). Keys of the federal catalogue start with
"99"; state catalogues use other prefixes, so only the length and digits are
checked here.
"""

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

leika_key_validator = RegexValidator(
    regex=r"^[0-9]{14}\Z",
    message=_("A LeiKa key has exactly 14 digits, e.g. 99102013000000."),
    code="invalid_leika_key",
)


class OzgTopicArea(models.TextChoices):
    """The 14 topic areas (Themenfelder) the OZG implementation catalogue is grouped by."""

    WORK_AND_RETIREMENT = "work_retirement", _("Work & retirement")
    BUILDING_AND_HOUSING = "building_housing", _("Building & housing")
    EDUCATION = "education", _("Education")
    IMMIGRATION_AND_EMIGRATION = "immigration_emigration", _("Immigration & emigration")
    VOLUNTEERING_AND_HOBBIES = "volunteering_hobbies", _("Volunteering & hobbies")
    FAMILY_AND_CHILDREN = "family_children", _("Family & children")
    RESEARCH_AND_FUNDING = "research_funding", _("Research & funding")
    HEALTH = "health", _("Health")
    MOBILITY_AND_TRAVEL = "mobility_travel", _("Mobility & travel")
    CROSS_CUTTING_SERVICES = "cross_cutting", _("Cross-cutting services")
    LAW_AND_ORDER = "law_order", _("Law & order")
    TAXES_AND_CUSTOMS = "taxes_customs", _("Taxes & customs")
    ENVIRONMENT = "environment", _("Environment")
    BUSINESS_MANAGEMENT = "business", _("Business management & development")


class ResponsibleLevel(models.TextChoices):
    FEDERAL = "federal", _("Federal government")
    STATE = "state", _("State")
    MUNICIPAL = "municipal", _("Municipality")


class OnlineStatus(models.TextChoices):
    NOT_YET = "not_yet", pgettext_lazy("online status", "Not yet online")
    IN_PROGRESS = "in_progress", pgettext_lazy("online status", "In progress")
    ONLINE = "online", pgettext_lazy("online status", "Online")


class AdministrativeServiceQuerySet(models.QuerySet):
    def online(self):
        return self.filter(online_status=OnlineStatus.ONLINE)

    def online_summary(self):
        """Figures for "x of y services online", overall and per OZG topic area.

        Two queries, whatever the number of services. Topic areas without
        services are left out; they come in the order of `OzgTopicArea`.
        Returns ``{"online": int, "in_progress": int, "total": int,
        "by_topic_area": [{"topic_area", "label", "online", "in_progress", "total"}, …]}``.
        """
        counts = {
            "online": Count("pk", filter=Q(online_status=OnlineStatus.ONLINE)),
            "in_progress": Count("pk", filter=Q(online_status=OnlineStatus.IN_PROGRESS)),
            "total": Count("pk"),
        }
        overall = self.order_by().aggregate(**counts)
        rows = {row["topic_area"]: row for row in self.order_by().values("topic_area").annotate(**counts)}
        by_topic_area = [
            {
                "topic_area": value,
                "label": label,
                "online": rows[value]["online"],
                "in_progress": rows[value]["in_progress"],
                "total": rows[value]["total"],
            }
            for value, label in OzgTopicArea.choices
            if value in rows
        ]
        return {**overall, "by_topic_area": by_topic_area}


class AdministrativeService(TranslatableMixin, index.Indexed, models.Model):
    """One administrative service of the OZG catalogue and how far it is online."""

    name = models.CharField(_("name"), max_length=255)
    leika_key = models.CharField(
        _("LeiKa key"),
        max_length=14,
        validators=[leika_key_validator],
        help_text=_("The 14-digit key of the service in the federal service catalogue (LeiKa)."),
    )
    topic_area = models.CharField(_("OZG topic area"), max_length=30, choices=OzgTopicArea.choices)
    responsible_level = models.CharField(
        _("responsible level"), max_length=20, choices=ResponsibleLevel.choices, default=ResponsibleLevel.MUNICIPAL
    )
    online_status = models.CharField(
        _("online status"), max_length=20, choices=OnlineStatus.choices, default=OnlineStatus.NOT_YET
    )
    online_service_url = models.URLField(
        _("link to the online service"), blank=True, help_text=_("Where citizens can use the service online.")
    )
    efa_solution = models.BooleanField(
        _("“Einer für Alle” solution"),
        default=False,
        help_text=_("The online service is a shared solution built by one state for all (EfA)."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("leika_key"),
        FieldPanel("topic_area"),
        FieldPanel("responsible_level"),
        FieldPanel("online_status"),
        FieldPanel("online_service_url"),
        FieldPanel("efa_solution"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("leika_key"),
        index.FilterField("topic_area"),
        index.FilterField("online_status"),
        index.FilterField("responsible_level"),
        index.FilterField("locale"),
    ]
    api_fields = [
        APIField(name)
        for name in (
            "name",
            "leika_key",
            "topic_area",
            "responsible_level",
            "online_status",
            "online_service_url",
            "efa_solution",
        )
    ]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("leika_key"),
        SynchronizedField("topic_area"),
        SynchronizedField("responsible_level"),
        SynchronizedField("online_status"),
        SynchronizedField("online_service_url"),
        SynchronizedField("efa_solution"),
    ]

    objects = AdministrativeServiceQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("administrative service")
        verbose_name_plural = _("administrative services")
        ordering = ["topic_area", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "leika_key"],
                name="projects_administrativeservice_unique_leika_key_per_locale",
                violation_error_message=_("A service with this LeiKa key already exists in this language."),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_online(self):
        return self.online_status == OnlineStatus.ONLINE
