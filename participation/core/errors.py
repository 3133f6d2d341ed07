"""The one exception every participation rule raises; views turn it into a form error or a 4xx JSON body."""


class ParticipationError(Exception):
    """A rule said no. `field` is the form/API field it concerns (None: the whole request)."""

    def __init__(self, message, field=None, code="invalid", status=400):
        super().__init__(str(message))
        self.message = message
        self.field = field
        self.code = code
        self.status = status
