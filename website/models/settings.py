from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


def _page_link(verbose_name, help_text=""):
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=verbose_name,
        help_text=help_text,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Footer, legal links and the main contact, per Wagtail site (one per municipality).

    Linked pages are stored in the default language; templates show the visitor's
    translation of each (`Page.localized`).
    """

    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code_city = models.CharField(_("postal code and city"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    accessibility_feedback_email = models.EmailField(
        _("accessibility feedback e-mail"),
        blank=True,
        help_text=_("Where people report accessibility barriers; shown in the footer of every page."),
    )
    main_contact = models.ForeignKey(
        "website.ContactPerson",
        verbose_name=_("main contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    imprint_page = _page_link(_("imprint page"))
    privacy_page = _page_link(_("privacy page"))
    accessibility_page = _page_link(_("accessibility statement page"))
    easy_language_page = _page_link(_("easy language page"), _("Information in Leichte Sprache (BITV 2.0)."))
    sign_language_page = _page_link(_("sign language page"), _("Information in German Sign Language (BITV 2.0)."))

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("street_address"),
                FieldPanel("postal_code_city"),
                FieldPanel("email"),
                FieldPanel("phone"),
                FieldPanel("main_contact"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("imprint_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("accessibility_feedback_email"),
                FieldPanel("easy_language_page"),
                FieldPanel("sign_language_page"),
            ],
            heading=_("Legal and accessibility"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    def legal_links(self):
        """The footer's legal pages, in the order they are shown."""
        return [page for page in (self.imprint_page, self.privacy_page, self.accessibility_page) if page]
