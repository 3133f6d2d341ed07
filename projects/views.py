"""Context builders for the portfolio and the service catalogue (filter forms from the URL)."""


def portfolio_context(index_page, request):
    return {}


def service_catalog_context(page, request):
    return {}
