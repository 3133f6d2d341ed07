"""Reusable data of the portfolio: funding programmes and partner organisations."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class FundingProgramme(TranslatableMixin, index.Indexed, models.Model):
    """A programme that pays for projects, e.g. "Digitale Modellkommune SH"."""

    name = models.CharField(_("name"), max_length=200)
    funder = models.CharField(
        _("funder"), max_length=200, blank=True, help_text=_("Who provides the money, e.g. a ministry.")
    )
    description = models.TextField(_("description"), blank=True, max_length=1000)
    amount = models.DecimalField(
        _("amount (EUR)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Total funding in euros; leave empty if not known."),
    )
    period_start = models.DateField(_("period start"), null=True, blank=True)
    period_end = models.DateField(_("period end"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("funder"),
        FieldPanel("description"),
        FieldPanel("amount"),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading=_("Funding period")),
        FieldPanel("website"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("funder"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]
    api_fields = [
        APIField(name) for name in ("name", "funder", "description", "amount", "period_start", "period_end", "website")
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("funder"),
        TranslatableField("description"),
        SynchronizedField("amount"),
        SynchronizedField("period_start"),
        SynchronizedField("period_end"),
        SynchronizedField("website"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("funding programme")
        verbose_name_plural = _("funding programmes")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__isnull=True) | models.Q(amount__gte=0),
                name="projects_fundingprogramme_amount_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(period_start__isnull=True)
                | models.Q(period_end__isnull=True)
                | models.Q(period_end__gte=models.F("period_start")),
                name="projects_fundingprogramme_period_in_order",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The end of the period cannot be before its start.")})

    def api_representation(self):
        return {
            "id": self.pk,
            "name": self.name,
            "funder": self.funder,
            "amount": str(self.amount) if self.amount is not None else None,
            "period_start": self.period_start.isoformat() if self.period_start else None,
            "period_end": self.period_end.isoformat() if self.period_end else None,
            "website": self.website,
        }


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """A partner of a project: a district, a company, a Danish municipality, …"""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        DISTRICT = "district", _("District")
        STATE_AGENCY = "state_agency", _("State agency")
        FEDERAL_AGENCY = "federal_agency", _("Federal agency")
        PUBLIC_IT_PROVIDER = "public_it_provider", _("Public IT service provider")
        COMPANY = "company", _("Company")
        ASSOCIATION = "association", _("Association")
        RESEARCH = "research", _("University or research institute")
        DANISH_PARTNER = "danish_partner", _("Danish partner")
        OTHER = "other", _("Other")

    class Country(models.TextChoices):
        GERMANY = "DE", _("Germany")
        DENMARK = "DK", _("Denmark")
        OTHER = "", _("Other or not stated")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices, default=Country.GERMANY, blank=True)
    description = models.TextField(_("description"), blank=True, max_length=1000)
    website = models.URLField(_("website"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("country"),
        FieldPanel("description"),
        FieldPanel("website"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
        index.FilterField("country"),
        index.FilterField("locale"),
    ]
    api_fields = [APIField(name) for name in ("name", "kind", "country", "description", "website")]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("kind"),
        SynchronizedField("country"),
        SynchronizedField("website"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def api_representation(self):
        return {
            "id": self.pk,
            "name": self.name,
            "kind": self.kind,
            "kind_label": str(self.get_kind_display()),
            "country": self.country,
            "website": self.website,
        }
