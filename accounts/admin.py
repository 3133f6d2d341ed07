from django.contrib import admin

from accounts.models import AccountDeletionLog


@admin.register(AccountDeletionLog)
class AccountDeletionLogAdmin(admin.ModelAdmin):
    """Read-only: the log says when and how much, never who."""

    list_display = ["deleted_at", "contributions_removed", "counts"]
    list_filter = ["contributions_removed"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
