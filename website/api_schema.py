"""One OpenAPI 3 schema for both APIs (``/api/schema/``), docs at ``/api/docs/``.

drf-spectacular documents the DRF views of ``/api/v1/`` from their serializers and
``extend_schema`` annotations. Wagtail's API v2 viewsets choose their serializer per
request (``?fields=``, ``?type=``), which drf-spectacular cannot introspect, so the
``/api/v2/`` paths are written here from the router itself: each endpoint's query
parameters (``known_query_parameters`` plus its filterable fields) and an item schema
built from the model's ``api_fields``. Items list every field that ``?fields=*`` can
return; only ``id`` and ``meta`` are always present. A test validates real responses
against these schemas, so they stay truthful.
"""

from rest_framework import fields as drf_fields

from django.core.exceptions import FieldDoesNotExist
from django.db import models

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.managers import TaggableManager
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage
from wagtail.models import Page

from website.api import api_router
from website.api_fields import ImageRenditionsField, TranslationsField
from website.api_preview import PagePreviewAPIViewSet

COMMON_PARAMETERS = {
    "limit": ("integer", "Items per page (default 20, at most 100; more is a 400)."),
    "offset": ("integer", "Items to skip."),
    "fields": ("string", "Comma-separated fields to add (`*` for all, `-name` to drop one)."),
    "order": ("string", "Field to order by, `-field` descending, or `random`; unknown fields are a 400."),
    "search": ("string", "Full-text search (at most 200 characters)."),
    "search_operator": ("string", "`and` or `or`."),
    "locale": ("string", "Language code: `de`, `da` or `en`."),
    "type": ("string", "Page type(s), e.g. `website.NewsPage` (comma-separated)."),
    "child_of": ("integer", "Only children of this page id."),
    "descendant_of": ("integer", "Only descendants of this page id."),
    "ancestor_of": ("integer", "Only ancestors of this page id."),
    "translation_of": ("integer", "Only translations of this page id."),
    "site": ("string", "Host name of a Wagtail site."),
    "date_from": ("string", "Only items whose date (news date, measure target date, project start, …) is on or after."),
    "date_to": ("string", "Only items whose date is on or before."),
    "topic_field": ("integer", "Id of a topic field page."),
    "funding": ("integer", "Id of a funding programme."),
    "rich_text_format": ("string", "`html` (default) or another format Wagtail knows."),
}
SKIPPED_PARAMETERS = {"_", "format", "token"}

ERROR_SCHEMA = {
    "type": "object",
    "properties": {"message": {"type": "string"}, "detail": {"type": "string"}},
    "required": ["message"],
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}
ANY = {"description": "Any JSON value (computed by the model)."}
RENDITION = {
    "type": "object",
    "properties": {"url": {"type": "string"}, "width": {"type": "integer"}, "height": {"type": "integer"}},
}
IMAGE_WITH_RENDITIONS = {
    "type": "object",
    "nullable": True,
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "width": {"type": "integer"},
        "height": {"type": "integer"},
        "renditions": {
            "type": "object",
            "properties": dict.fromkeys(("thumbnail", "small", "medium", "large"), RENDITION),
        },
    },
}
RELATED = {
    "type": "object",
    "nullable": True,
    "properties": {"id": {"type": "integer"}, "meta": {"type": "object"}},
}
STREAM = {
    "type": "array",
    "description": "StreamField blocks: each block's type, id and value (structured JSON, images with renditions).",
    "items": {
        "type": "object",
        "properties": {"type": {"type": "string"}, "id": {"type": "string"}, "value": {}},
        "required": ["type", "value"],
    },
}
TRANSLATIONS = {
    "type": "array",
    "description": "The same page in the other languages (live and public).",
    "items": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "locale": {"type": "string"},
            "title": {"type": "string"},
            "detail_url": {"type": "string", "nullable": True},
            "html_url": {"type": "string", "nullable": True},
        },
    },
}


def only_documented_endpoints(endpoints):
    """drf-spectacular documents /api/v1/ itself; /api/v2/ is added by `add_wagtail_endpoints`."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


def _nullable(schema, field):
    return {**schema, "nullable": True} if getattr(field, "null", False) else schema


def model_field_schema(field):
    if isinstance(field, StreamField):
        return STREAM
    if isinstance(field, TaggableManager):
        return {"type": "array", "items": {"type": "string"}}
    if isinstance(field, (ParentalManyToManyField, models.ManyToManyField)):
        return {"type": "array", "items": RELATED}
    if isinstance(field, models.ForeignKey):
        if issubclass(field.related_model, AbstractImage):
            return {**RELATED, "properties": {**RELATED["properties"], "title": {"type": "string"}}}
        return RELATED
    if getattr(field, "choices", None):
        values = [key for key, _label in field.flatchoices]
        if field.blank and "" not in values and isinstance(field, (models.CharField, models.TextField)):
            values.append("")
        schema_type = "integer" if isinstance(field, models.IntegerField) else "string"
        return _nullable({"type": schema_type, "enum": values}, field)
    if isinstance(field, models.BooleanField):
        return _nullable({"type": "boolean"}, field)
    if isinstance(field, (models.IntegerField, models.AutoField)):
        return _nullable({"type": "integer"}, field)
    if isinstance(field, models.FloatField):
        return _nullable({"type": "number"}, field)
    if isinstance(field, models.DecimalField):
        return _nullable({"type": "string", "format": "decimal"}, field)
    if isinstance(field, models.DateTimeField):
        return _nullable({"type": "string", "format": "date-time"}, field)
    if isinstance(field, models.DateField):
        return _nullable({"type": "string", "format": "date"}, field)
    if isinstance(field, (models.CharField, models.TextField, RichTextField)):
        return _nullable({"type": "string"}, field)
    return ANY


def serializer_field_schema(serializer):
    if isinstance(serializer, ImageRenditionsField):
        return IMAGE_WITH_RENDITIONS
    if isinstance(serializer, TranslationsField):
        return TRANSLATIONS
    if isinstance(serializer, drf_fields.CharField):
        return {"type": "string"}
    if isinstance(serializer, drf_fields.IntegerField):
        return {"type": "integer"}
    if isinstance(serializer, drf_fields.BooleanField):
        return {"type": "boolean"}
    name = type(serializer).__name__
    if name == "RepresentationListField":
        return {"type": "array", "items": {"type": "object"}}
    if name == "RepresentationField":
        return {"type": "object", "nullable": True}
    if name == "ChoiceLabelField":
        return {"type": "string"}
    return ANY


def api_field_schema(model, api_field):
    if isinstance(api_field, str):
        api_field = APIField(api_field)
    if api_field.serializer is not None:
        return serializer_field_schema(api_field.serializer)
    try:
        field = model._meta.get_field(api_field.name)
    except FieldDoesNotExist:
        return ANY
    if isinstance(field, models.ManyToOneRel) and isinstance(field.field, ParentalKey):
        child = field.related_model
        properties = {"id": {"type": "integer"}}
        for child_field in getattr(child, "api_fields", []):
            name = getattr(child_field, "name", child_field)
            properties[name] = api_field_schema(child, child_field)
        return {"type": "array", "items": {"type": "object", "properties": properties}}
    return model_field_schema(field)


def item_schema(viewset, model):
    is_page = issubclass(model, Page)
    properties = {
        "id": {"type": "integer"},
        "meta": {
            "type": "object",
            "properties": {
                "type": {"type": "string", "example": model._meta.label},
                "detail_url": {"type": "string"},
                **(
                    {
                        "html_url": {"type": "string", "nullable": True},
                        "slug": {"type": "string"},
                        "locale": {"type": "string"},
                        "first_published_at": {"type": "string", "format": "date-time", "nullable": True},
                        "show_in_menus": {"type": "boolean"},
                        "seo_title": {"type": "string"},
                        "search_description": {"type": "string"},
                        "alias_of": {"nullable": True},
                        "parent": {"nullable": True},
                    }
                    if is_page
                    else {}
                ),
            },
        },
    }
    if is_page:
        properties["title"] = {"type": "string"}
    for api_field in getattr(model, "api_fields", []):
        name = getattr(api_field, "name", api_field)
        properties[name] = api_field_schema(model, api_field)
    for name in getattr(viewset, "body_fields", []):
        properties.setdefault(name, ANY)
    return {"type": "object", "properties": properties, "required": ["id", "meta"]}


def _parameter(name, schema_type, description, required=False):
    return {
        "name": name,
        "in": "query",
        "required": required,
        "description": description,
        "schema": {"type": schema_type},
    }


def listing_parameters(viewset, model):
    names = sorted(set(viewset.known_query_parameters) - SKIPPED_PARAMETERS)
    parameters = []
    for name in names:
        schema_type, description = COMMON_PARAMETERS.get(name, ("string", f"Filter by {name}."))
        if name == "type" and not issubclass(model, Page):
            continue
        parameters.append(_parameter(name, schema_type, description))
    filterable = sorted(set(viewset.get_available_fields(model, db_fields_only=True)) - set(names) - {"id"})
    for name in filterable:
        try:
            field_schema = model_field_schema(model._meta.get_field(name))
        except FieldDoesNotExist:
            continue
        schema_type = field_schema.get("type", "string")
        if schema_type in {"array", "object"}:
            schema_type = "string"
        parameters.append(_parameter(name, schema_type, f"Only items whose {name} equals this value."))
    return parameters


def _responses(ok_schema, description):
    error = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    return {
        "200": {
            "description": description,
            "content": {"application/json": {"schema": ok_schema}},
            "headers": {
                "ETag": {"schema": {"type": "string"}},
                "Last-Modified": {"schema": {"type": "string"}},
            },
        },
        "304": {"description": "Not modified (If-None-Match or If-Modified-Since matched)."},
        "400": {**error, "description": "Unknown query parameter, invalid filter value, ordering or page size."},
        "404": {**error, "description": "Not found."},
    }


def as_openapi_31(schema):
    """The ``nullable`` of OpenAPI 3.0 used above, written as OpenAPI 3.1 (JSON Schema) types."""
    if isinstance(schema, list):
        return [as_openapi_31(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    schema = {key: as_openapi_31(value) for key, value in schema.items()}
    if schema.pop("nullable", False) and "type" in schema:
        schema["type"] = [schema["type"], "null"]
        if "enum" in schema:
            schema["enum"] = [*schema["enum"], None]
    return schema


def add_wagtail_endpoints(result, generator, request, public):
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Error"] = ERROR_SCHEMA
    paths = result.setdefault("paths", {})
    for name, viewset in api_router._endpoints.items():
        model = viewset.model
        component = f"V2{model.__name__}"
        schemas[component] = item_schema(viewset, model)
        ref = {"$ref": f"#/components/schemas/{component}"}
        tag = f"v2 {name}"
        pk_parameter = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
        if viewset is PagePreviewAPIViewSet:
            token = _parameter("token", "string", "Signed preview token from the admin (Headless preview).", True)
            responses = _responses(ref, "The page's latest revision (draft).")
            responses["403"] = {
                "description": "Forged, expired or another page's token.",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
            }
            paths[f"/api/v2/{name}/{{id}}/"] = {
                "get": {
                    "operationId": "v2_preview_retrieve",
                    "tags": [tag],
                    "summary": "Draft of a page for a headless front end",
                    "parameters": [pk_parameter, token, _parameter("fields", "string", "Fields to add or drop.")],
                    "responses": responses,
                }
            }
            continue
        listing = {
            "type": "object",
            "properties": {
                "meta": {"type": "object", "properties": {"total_count": {"type": "integer"}}},
                "items": {"type": "array", "items": ref},
            },
            "required": ["meta", "items"],
        }
        operation_name = name.replace("-", "_")
        paths[f"/api/v2/{name}/"] = {
            "get": {
                "operationId": f"v2_{operation_name}_list",
                "tags": [tag],
                "summary": f"List {name}",
                "parameters": listing_parameters(viewset, model),
                "responses": _responses(listing, "One page of items (limit/offset)."),
            }
        }
        paths[f"/api/v2/{name}/{{id}}/"] = {
            "get": {
                "operationId": f"v2_{operation_name}_retrieve",
                "tags": [tag],
                "summary": f"One of {name}, all fields",
                "parameters": [pk_parameter, _parameter("fields", "string", "Fields to add or drop.")],
                "responses": _responses(ref, "The item with all its fields."),
            }
        }
        if name == "ozg-services":
            paths["/api/v2/ozg-services/summary/"] = {
                "get": {
                    "operationId": "v2_ozg_services_summary",
                    "tags": [tag],
                    "summary": "How many services are online, overall and per topic area",
                    "parameters": [_parameter("locale", "string", "Language code.")],
                    "responses": _responses(
                        {
                            "type": "object",
                            "properties": {
                                "total": {"type": "integer"},
                                "online": {"type": "integer"},
                                "by_topic_area": {"type": "array", "items": {"type": "object"}},
                            },
                        },
                        "The summary.",
                    ),
                }
            }
    for name in list(schemas):
        if name == "Error" or name.startswith("V2"):
            schemas[name] = as_openapi_31(schemas[name])
    for path, item in paths.items():
        if path.startswith("/api/v2/"):
            paths[path] = as_openapi_31(item)
    result["paths"] = dict(sorted(paths.items()))
    return result
