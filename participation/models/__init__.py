"""All models of the participation app, gathered where Django looks for them.

Each lives in its sub-package: ``participation/{dialogues,groups,survey,polls}/models``.
"""

from participation.core.models import IdempotencyRecord, ModerationAction, ModerationLogEntry
from participation.dialogues.models.flags import Flag, FlagReason
from participation.dialogues.models.ideas import Comment, Idea, IdeaRevision, IdeaStatus, Support
from participation.dialogues.models.notifications import NotificationSettings
from participation.dialogues.models.pages import (
    CityDialoguePage,
    DialogueEvent,
    DialogueFollower,
    EventRegistration,
    Phase,
)
from participation.groups.models import (
    ExpertGroup,
    FeedbackOutcome,
    FeedbackRating,
    FeedbackRound,
    GroupInvitation,
    GroupKind,
    GroupMembership,
    GroupResult,
    GroupSession,
    SessionDocument,
)
from participation.polls.models import Poll, PollBallot, PollChoice, PollVote, VoteError
from participation.survey.models import (
    ModerationState,
    NeedsSurveyFormField,
    NeedsSurveyPage,
    SurveyAnswer,
    SurveyFinding,
    SurveyResponse,
    SurveyScoringSettings,
)

__all__ = [
    "CityDialoguePage",
    "Comment",
    "DialogueEvent",
    "DialogueFollower",
    "EventRegistration",
    "ExpertGroup",
    "FeedbackOutcome",
    "FeedbackRating",
    "FeedbackRound",
    "Flag",
    "FlagReason",
    "GroupInvitation",
    "GroupKind",
    "GroupMembership",
    "GroupResult",
    "GroupSession",
    "Idea",
    "IdeaRevision",
    "IdeaStatus",
    "ModerationAction",
    "IdempotencyRecord",
    "ModerationLogEntry",
    "ModerationState",
    "NeedsSurveyFormField",
    "NeedsSurveyPage",
    "NotificationSettings",
    "Phase",
    "Poll",
    "PollBallot",
    "PollChoice",
    "PollVote",
    "SessionDocument",
    "Support",
    "SurveyAnswer",
    "SurveyFinding",
    "SurveyResponse",
    "SurveyScoringSettings",
    "VoteError",
]
