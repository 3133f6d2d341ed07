"""OpenID Connect log-in is switched on by environment variables alone; off by default."""

import pytest

from django.conf import settings as django_settings

from website.settings.base import oidc_providers_from_env

pytestmark = pytest.mark.django_db

ENV = {
    "OIDC_PROVIDER_ID": "servicekonto-sh",
    "OIDC_NAME": "Servicekonto Schleswig-Holstein",
    "OIDC_SERVER_URL": "https://id.example.org/realms/sh",
    "OIDC_CLIENT_ID": "flensburg-digital",
    "OIDC_CLIENT_SECRET": "geheim",
}


def test_no_provider_is_configured_by_default():
    assert oidc_providers_from_env({}) == {}
    assert django_settings.SOCIALACCOUNT_PROVIDERS == {} or "OIDC_PROVIDER_ID" in __import__("os").environ


def test_incomplete_configuration_configures_nothing():
    assert oidc_providers_from_env({"OIDC_PROVIDER_ID": "x", "OIDC_CLIENT_ID": "y"}) == {}


def test_environment_configures_allauths_openid_connect_app():
    app = oidc_providers_from_env(ENV)["openid_connect"]["APPS"][0]
    assert app["provider_id"] == "servicekonto-sh"
    assert app["name"] == "Servicekonto Schleswig-Holstein"
    assert app["settings"]["server_url"] == "https://id.example.org/realms/sh"
    assert app["secret"] == "geheim"


def test_login_page_offers_the_configured_provider(client, home, settings):
    settings.SOCIALACCOUNT_PROVIDERS = oidc_providers_from_env(ENV)
    html = client.get("/de/accounts/login/").content.decode()
    assert "Servicekonto Schleswig-Holstein" in html
    assert "/de/accounts/oidc/servicekonto-sh/login/" in html


def test_login_page_without_provider_shows_no_external_login(client, home, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {}
    assert "/accounts/oidc/" not in client.get("/de/accounts/login/").content.decode()
