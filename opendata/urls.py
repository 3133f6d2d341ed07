from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("catalog.jsonld", views.catalog, name="catalog"),
    path("<slug:dataset_key>.<slug:fmt>", views.download, name="download"),
]
