"""JSON API of the city dialogues (`/api/v1/…`, next to the polls).

Read: dialogues, their ideas (status, support count, linked measures), an idea's comments.
Write (logged-in accounts, session authentication so CSRF applies): post an idea, a
comment, support and withdraw support — through the same services, rules and rate limits
as the site. Errors are JSON: ``{"message": "…", "field": ["message"]}`` (see api_common).
An idea may come with a photo: post ``multipart/form-data`` with ``image`` and the
required ``image_alt``; the upload is checked like on the site (a real JPEG/PNG/GIF/WebP,
at most 10 MB and a bounded pixel count, so decompression bombs are refused).
"""

from rest_framework import serializers, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import NotFound
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import path
from django.utils.translation import gettext_lazy as _

from accounts.models import ParticipatingOrganisation
from participation.core import api_docs as docs
from participation.core import ratelimit
from participation.core.api import (
    PAGINATION_PARAMETERS,
    ApiView,
    idempotent_write,
    paginate,
    paginated_response,
    parse_locale,
)
from participation.dialogues import services
from participation.dialogues.api_data import comment_data, dialogue_data, idea_data
from participation.dialogues.forms import CitizenImageField
from participation.dialogues.models.ideas import COMMENT_MAX_LENGTH, TEXT_MAX_LENGTH, TITLE_MAX_LENGTH
from participation.dialogues.views.ideas import _save_image
from participation.dialogues.views.pages import SORTS, dialogue_ideas, localized_pages, topic_field_choices
from participation.models import CityDialoguePage, Comment, Idea, IdeaStatus
from website import (
    converters,  # noqa: F401  (registers the <id:…> URL converter)
    query_params,
)


def _error(error):
    body = {error.field: [str(error.message)]} if error.field else {"detail": str(error.message)}
    return Response(body, status=error.status)


def _rate_limited(limited):
    return Response({"detail": str(limited.message)}, status=status.HTTP_429_TOO_MANY_REQUESTS)


def _dialogue(pk):
    page = CityDialoguePage.objects.live().public().select_related("locale").filter(pk=pk).first()
    if page is None:
        raise NotFound(_("There is no city dialogue with this id."))
    return page


def _idea(pk):
    idea = (
        Idea.objects.public()
        .with_counts()
        .select_related("dialogue", "author__profile", "organisation", "image")
        .filter(pk=pk)
        .first()
    )
    if idea is None:
        raise NotFound(_("There is no idea with this id."))
    return idea


class DialogueListView(ApiView):
    permission_classes = [AllowAny]
    query_parameters = PAGINATION_PARAMETERS | {"locale"}

    @docs.document(
        operation_id="dialogues_list",
        summary="City dialogues of one language",
        parameters=[docs.LOCALE, *docs.PAGINATION],
        responses={200: docs.list_of("DialogueList", docs.DialogueSerializer), **docs.ERRORS},
    )
    def get(self, request):
        locale = parse_locale(request)
        pages = CityDialoguePage.objects.live().public().filter(locale=locale).select_related("locale").order_by("path")
        pages, meta = paginate(request, pages)
        return paginated_response([dialogue_data(page, request) for page in pages], meta)


class DialogueDetailView(ApiView):
    permission_classes = [AllowAny]

    @docs.document(summary="One city dialogue", responses={200: docs.DialogueSerializer, **docs.ERRORS})
    def get(self, request, pk):
        return Response(dialogue_data(_dialogue(pk), request))


class IdeaCreateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=TITLE_MAX_LENGTH)
    text = serializers.CharField(max_length=TEXT_MAX_LENGTH)
    topic_field = serializers.IntegerField(required=False, allow_null=True)
    organisation = serializers.IntegerField(required=False, allow_null=True)
    address = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    latitude = serializers.DecimalField(max_digits=9, decimal_places=6, min_value=-90, max_value=90, required=False)
    longitude = serializers.DecimalField(max_digits=9, decimal_places=6, min_value=-180, max_value=180, required=False)
    image = serializers.FileField(required=False, allow_null=True, allow_empty_file=False)
    image_alt = serializers.CharField(max_length=250, required=False, allow_blank=True, default="")

    def validate_image(self, upload):
        """The site's checks: a real image, at most 10 MB, a bounded pixel count (no decompression bomb)."""
        if upload is None:
            return None
        try:
            return CitizenImageField(required=False).clean(upload)
        except ValidationError as error:
            raise serializers.ValidationError(error.messages) from error

    def validate(self, data):
        if data.get("image") and not (data.get("image_alt") or "").strip():
            raise serializers.ValidationError(
                {"image_alt": [_("Please describe the photo for people who cannot see it.")]}
            )
        return data


class DialogueIdeasView(ApiView):
    """GET: the dialogue's public ideas (sort/filter as on the site, limit/offset). POST: a new idea."""

    authentication_classes = [SessionAuthentication]
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    query_parameters = PAGINATION_PARAMETERS | {"sort", "status", "topic"}

    def get_permissions(self):
        return [AllowAny()] if self.request.method == "GET" else [IsAuthenticated()]

    @docs.document(
        summary="Public ideas of a dialogue",
        parameters=docs.IDEA_LIST_PARAMETERS,
        responses={200: docs.list_of("IdeaList", docs.IdeaSerializer, filters=docs.IDEA_FILTERS), **docs.ERRORS},
    )
    def get(self, request, pk):
        source = _dialogue(pk).source_page()
        choices = topic_field_choices(source)
        query_params.parse_choice(request.query_params, "sort", sorted(SORTS))
        query_params.parse_choice(request.query_params, "status", sorted(IdeaStatus.values))
        query_params.parse_choice(request.query_params, "topic", sorted(str(choice[0]) for choice in choices))
        ideas, filters = dialogue_ideas(source, request, {choice[0] for choice in choices})
        # The site's list defers the long texts; the API sends them, so load them in the same query.
        ideas = ideas.defer(None).select_related("image").prefetch_related("image__renditions")
        idea_list, meta = paginate(request, ideas)
        measures = _measures_by_idea(idea_list)
        return paginated_response(
            [idea_data(idea, measures.get(idea.pk, [])) for idea in idea_list], meta, filters=filters
        )

    @docs.document(
        summary="Post an idea (logged-in session, CSRF token; multipart for a photo)",
        request={"application/json": IdeaCreateSerializer, "multipart/form-data": IdeaCreateSerializer},
        responses={201: docs.IdeaSerializer, **docs.WRITE_ERRORS},
    )
    @idempotent_write
    def post(self, request, pk):
        source = _dialogue(pk).source_page()
        serializer = IdeaCreateSerializer(data=request.data)
        if not serializer.is_valid():
            return Response(serializer.errors, status=status.HTTP_400_BAD_REQUEST)
        data = serializer.validated_data
        fields = {obj.pk: obj for _pk, _title, obj in topic_field_choices(source)}
        topic_field = fields.get(data.get("topic_field")) if data.get("topic_field") else None
        if data.get("topic_field") and topic_field is None:
            return Response(
                {"topic_field": [str(_("Choose one of the topic fields of this dialogue."))]},
                status=status.HTTP_400_BAD_REQUEST,
            )
        organisation = None
        if data.get("organisation"):
            organisation = ParticipatingOrganisation.objects.filter(pk=data["organisation"]).first()
            if organisation is None:
                return Response({"organisation": [str(_("Unknown organisation."))]}, status=status.HTTP_400_BAD_REQUEST)
        try:
            ratelimit.check(request, "idea")
            with transaction.atomic():
                image = _save_image(data["image"], data["title"], request.user) if data.get("image") else None
                idea = services.create_idea(
                    source,
                    request.user,
                    title=data["title"],
                    text=data["text"],
                    topic_field=topic_field,
                    organisation=organisation,
                    image=image,
                    image_alt=data.get("image_alt", ""),
                    address=data.get("address", ""),
                    latitude=data.get("latitude"),
                    longitude=data.get("longitude"),
                )
        except ratelimit.RateLimited as limited:
            return _rate_limited(limited)
        except services.ParticipationError as error:
            return _error(error)
        return Response(idea_data(_idea_any(idea.pk), []), status=status.HTTP_201_CREATED)


def _idea_any(pk):
    return Idea.objects.with_counts().select_related("author__profile", "organisation", "image").get(pk=pk)


def _measures_by_idea(ideas):
    """{idea id: [measures in the active language]} in two queries."""
    if not ideas:
        return {}
    through = Idea.measures.through
    rows = list(through.objects.filter(idea_id__in=[idea.pk for idea in ideas]).select_related("measurepage"))
    localized = localized_pages([row.measurepage for row in rows])
    result = {}
    for row in rows:
        result.setdefault(row.idea_id, []).append(localized[row.measurepage_id])
    return result


class IdeaDetailView(ApiView):
    permission_classes = [AllowAny]

    @docs.document(summary="One idea with its measures", responses={200: docs.IdeaSerializer, **docs.ERRORS})
    def get(self, request, pk):
        idea = _idea(pk)
        return Response(idea_data(idea, _measures_by_idea([idea]).get(idea.pk, [])))


class CommentCreateSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=COMMENT_MAX_LENGTH)
    parent = serializers.IntegerField(required=False, allow_null=True, min_value=1)


class IdeaCommentsView(ApiView):
    authentication_classes = [SessionAuthentication]
    query_parameters = PAGINATION_PARAMETERS

    def get_permissions(self):
        return [AllowAny()] if self.request.method == "GET" else [IsAuthenticated()]

    @docs.document(
        summary="Public comments of an idea",
        parameters=docs.PAGINATION,
        responses={200: docs.list_of("CommentList", docs.CommentSerializer), **docs.ERRORS},
    )
    def get(self, request, pk):
        idea = _idea(pk)
        comments = Comment.objects.filter(idea=idea).public().select_related("author__profile", "organisation")
        if idea.is_hidden:
            comments = comments.none()
        comments, meta = paginate(request, comments.order_by("created_at", "pk"))
        return paginated_response([comment_data(comment) for comment in comments], meta)

    @docs.document(
        summary="Comment on an idea (logged-in session, CSRF token)",
        request=CommentCreateSerializer,
        responses={201: docs.CommentSerializer, **docs.WRITE_ERRORS},
    )
    @idempotent_write
    def post(self, request, pk):
        idea = _idea(pk)
        serializer = CommentCreateSerializer(data=request.data)
        if not serializer.is_valid():
            return Response(serializer.errors, status=status.HTTP_400_BAD_REQUEST)
        parent = None
        if serializer.validated_data.get("parent"):
            parent = Comment.objects.filter(pk=serializer.validated_data["parent"]).first()
            if parent is None:
                return Response({"parent": [str(_("Unknown comment."))]}, status=status.HTTP_400_BAD_REQUEST)
        try:
            ratelimit.check(request, "comment")
            comment = services.add_comment(idea, request.user, text=serializer.validated_data["text"], parent=parent)
        except ratelimit.RateLimited as limited:
            return _rate_limited(limited)
        except services.ParticipationError as error:
            return _error(error)
        return Response(comment_data(comment), status=status.HTTP_201_CREATED)


class IdeaSupportView(ApiView):
    """POST: support the idea; DELETE: withdraw the support."""

    authentication_classes = [SessionAuthentication]
    permission_classes = [IsAuthenticated]

    def _respond(self, request, pk, withdraw):
        idea = _idea(pk)
        try:
            ratelimit.check(request, "support")
            if withdraw:
                services.withdraw_support(idea, request.user)
            else:
                services.support(idea, request.user)
        except ratelimit.RateLimited as limited:
            return _rate_limited(limited)
        except services.ParticipationError as error:
            return _error(error)
        count = idea.supports.count()
        return Response(
            {"support_count": count, "supported": not withdraw},
            status=status.HTTP_200_OK if withdraw else status.HTTP_201_CREATED,
        )

    @docs.document(
        summary="Support an idea (logged-in session, CSRF token)",
        request=None,
        responses={
            201: docs.SupportStateSerializer,
            **docs.WRITE_ERRORS,
        },
    )
    @idempotent_write
    def post(self, request, pk):
        return self._respond(request, pk, withdraw=False)

    @docs.document(
        summary="Withdraw the support",
        request=None,
        responses={
            200: docs.SupportStateSerializer,
            **docs.WRITE_ERRORS,
        },
    )
    @idempotent_write
    def delete(self, request, pk):
        return self._respond(request, pk, withdraw=True)


urlpatterns = [
    path("dialogues/", DialogueListView.as_view(), name="dialogues-api-list"),
    path("dialogues/<id:pk>/", DialogueDetailView.as_view(), name="dialogues-api-detail"),
    path("dialogues/<id:pk>/ideas/", DialogueIdeasView.as_view(), name="dialogues-api-ideas"),
    path("ideas/<id:pk>/", IdeaDetailView.as_view(), name="ideas-api-detail"),
    path("ideas/<id:pk>/comments/", IdeaCommentsView.as_view(), name="ideas-api-comments"),
    path("ideas/<id:pk>/support/", IdeaSupportView.as_view(), name="ideas-api-support"),
]
