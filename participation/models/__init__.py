"""Models of the participation app, one module per domain idea.

Polls live in `polls.py`; city dialogues and their events in `dialogues.py`; ideas,
comments, supports, flags and the moderation log in `ideas.py`.
"""

from participation.models.dialogues import (
    CityDialoguePage,
    DialogueEvent,
    DialogueFollower,
    EventRegistration,
    Phase,
)
from participation.models.groups import (
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
from participation.models.ideas import (
    Comment,
    Flag,
    FlagReason,
    Idea,
    IdeaRevision,
    IdeaStatus,
    ModerationAction,
    ModerationLogEntry,
    NotificationSettings,
    Support,
)
from participation.models.polls import Poll, PollBallot, PollChoice, PollVote, VoteError
from participation.models.survey import (
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
