"""Models of the participation app, one module per domain idea.

Polls live in `polls.py`; city dialogues, ideas, comments and supports get their
own modules next to it and are imported here.
"""

from participation.models.polls import Poll, PollBallot, PollChoice, PollVote, VoteError

__all__ = ["Poll", "PollBallot", "PollChoice", "PollVote", "VoteError"]
