from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from website.api_fields import ImageRenditionsField


class ContactPerson(TranslatableMixin, index.Indexed, models.Model):
    """A named contact shown on pages; role and unit are translated, the rest synchronised."""

    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    unit = models.CharField(_("organisational unit"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("unit"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("photo"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("role"),
        index.SearchField("unit"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]
    api_fields = [
        *(APIField(name) for name in ("name", "role", "unit", "email", "phone")),
        APIField("photo", serializer=ImageRenditionsField()),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.role})" if self.role else self.name

    def api_representation(self):
        return {
            "id": self.pk,
            "name": self.name,
            "role": self.role,
            "unit": self.unit,
            "email": self.email,
            "phone": self.phone,
        }
