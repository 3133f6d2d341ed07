"""Building blocks every part of participation shares: the audit trail, rate limits, the safe
Markdown subset, the `/api/v1/` conventions and the demand term of a measure's score.
"""
