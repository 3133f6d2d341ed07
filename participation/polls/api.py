"""JSON API of the participation app (`/api/v1/…`).

Polls: public read endpoints, and a vote endpoint for logged-in accounts (session
authentication, so CSRF protection applies) with the same rules and limits as the
site. Errors are JSON with a message per field.
"""

from rest_framework import serializers, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from django.conf import settings
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import ratelimit
from participation.core import api_docs as docs
from participation.core.api import (
    PAGINATION_PARAMETERS,
    ApiView,
    idempotent_write,
    paginate,
    paginated_response,
    parse_locale,
)
from participation.models import Poll, PollBallot, VoteError
from website import converters  # noqa: F401  (registers the <id:…> URL converter)


class PollChoiceSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    text = serializers.CharField()


def poll_results_data(poll, choices):
    results = poll.results(choices)
    return {
        "participants": results.participants,
        "choices": [
            {"id": row.choice.pk, "text": row.choice.text, "votes": row.votes, "percent": row.percent}
            for row in results.choices
        ],
    }


def poll_data(poll, request, with_results=True, voted_keys=None):
    choices = list(poll.choices.all())
    now = timezone.now()
    has_voted = poll.translation_key in voted_keys if voted_keys is not None else poll.has_voted(request.user)
    visible = poll.results_visible(has_voted, now)
    data = {
        "id": poll.pk,
        "translation_key": str(poll.translation_key),
        "locale": poll.locale.language_code,
        "question": poll.question,
        "description": poll.description,
        "kind": poll.kind,
        "status": poll.status(now),
        "opens_at": poll.opens_at,
        "closes_at": poll.closes_at,
        "results_visibility": poll.results_visibility,
        "choices": PollChoiceSerializer(choices, many=True).data,
        "has_voted": has_voted,
        "results_visible": visible,
    }
    if with_results:
        data["results"] = poll_results_data(poll, choices) if visible else None
    return data


def _get_poll(pk):
    poll = Poll.objects.select_related("locale").filter(pk=pk).first()
    if poll is None:
        raise NotFound(_("There is no poll with this id."))
    return poll


class PollListView(ApiView):
    permission_classes = [AllowAny]
    query_parameters = PAGINATION_PARAMETERS | {"locale"}

    @docs.document(
        operation_id="polls_list",
        summary="Polls of one language",
        parameters=[docs.LOCALE, *docs.PAGINATION],
        responses={200: docs.list_of("PollList", docs.PollSerializer), **docs.ERRORS},
    )
    def get(self, request):
        locale = parse_locale(request)
        polls = Poll.objects.filter(locale=locale).select_related("locale").prefetch_related("choices")
        polls, meta = paginate(request, polls)
        voted_keys = set()
        if request.user.is_authenticated:
            voted_keys = set(PollBallot.objects.filter(user=request.user).values_list("poll_key", flat=True))
        return paginated_response(
            [poll_data(poll, request, with_results=False, voted_keys=voted_keys) for poll in polls], meta
        )


class PollDetailView(ApiView):
    permission_classes = [AllowAny]

    @docs.document(
        summary="One poll, with results once they are visible", responses={200: docs.PollSerializer, **docs.ERRORS}
    )
    def get(self, request, pk):
        return Response(poll_data(_get_poll(pk), request))


class PollResultsView(ApiView):
    permission_classes = [AllowAny]

    @docs.document(
        summary="Results of a poll",
        responses={200: docs.PollResultsSerializer, 403: docs.ErrorSerializer, **docs.ERRORS},
    )
    def get(self, request, pk):
        poll = _get_poll(pk)
        if not poll.results_visible(poll.has_voted(request.user)):
            return Response(
                {"detail": _("The results are shown after you have voted or once the poll is closed.")},
                status=status.HTTP_403_FORBIDDEN,
            )
        return Response(poll_results_data(poll, list(poll.choices.all())))


class VoteSerializer(serializers.Serializer):
    choices = serializers.ListField(child=serializers.IntegerField(min_value=1), min_length=1, max_length=50)


class PollVoteView(ApiView):
    authentication_classes = [SessionAuthentication]
    permission_classes = [IsAuthenticated]

    @docs.document(
        summary="Vote (logged-in session, CSRF token)",
        request=VoteSerializer,
        responses={201: docs.PollSerializer, **docs.WRITE_ERRORS},
    )
    @idempotent_write
    def post(self, request, pk):
        poll = _get_poll(pk)
        if ratelimit.exceeded(
            request,
            "poll-vote",
            per_user=settings.POLL_VOTE_RATE_LIMIT_PER_USER,
            per_ip=settings.POLL_VOTE_RATE_LIMIT_PER_IP,
        ):
            return Response(
                {"detail": _("Too many attempts. Please wait a few minutes and try again.")},
                status=status.HTTP_429_TOO_MANY_REQUESTS,
            )
        serializer = VoteSerializer(data=request.data)
        if not serializer.is_valid():
            return Response(serializer.errors, status=status.HTTP_400_BAD_REQUEST)
        try:
            poll.cast_vote(request.user, serializer.validated_data["choices"])
        except VoteError as error:
            code = status.HTTP_409_CONFLICT if error.code == "already_voted" else status.HTTP_400_BAD_REQUEST
            return Response({error.field: [str(error.message)]}, status=code)
        return Response(poll_data(poll, request), status=status.HTTP_201_CREATED)


urlpatterns = [
    path("polls/", PollListView.as_view(), name="polls-api-list"),
    path("polls/<id:pk>/", PollDetailView.as_view(), name="polls-api-detail"),
    path("polls/<id:pk>/results/", PollResultsView.as_view(), name="polls-api-results"),
    path("polls/<id:pk>/vote/", PollVoteView.as_view(), name="polls-api-vote"),
]

# City dialogues and ideas (participation/api_dialogues.py).
from participation.dialogues.api import urlpatterns as dialogue_urlpatterns  # noqa: E402

urlpatterns += dialogue_urlpatterns

# Focus and feedback groups: public summaries and public results (participation/api_groups.py).
from participation.groups.api import urlpatterns as group_urlpatterns  # noqa: E402

urlpatterns += group_urlpatterns

# Needs survey results and findings (participation/api_survey.py).
from participation.survey.api import urlpatterns as survey_urlpatterns  # noqa: E402

urlpatterns += survey_urlpatterns
