import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts import gdpr
from accounts.forms import DeleteAccountForm, DisplayNameForm, OrganisationRequestForm
from accounts.models import OrganisationMembership, Profile


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    account_profile = Profile.for_user(request.user)
    if request.method == "POST":
        form = DisplayNameForm(request.POST, user=request.user)
        if form.is_valid():
            account_profile.display_name = form.cleaned_data["display_name"]
            account_profile.save(update_fields=["display_name"])
            messages.success(request, _("Your public display name has been saved."))
            return redirect("accounts:profile")
    else:
        form = DisplayNameForm(initial={"display_name": account_profile.display_name}, user=request.user)
    return render(request, "accounts/profile.html", {"form": form, "profile": account_profile})


@login_required
@require_http_methods(["GET", "POST"])
def organisations(request):
    if request.method == "POST":
        form = OrganisationRequestForm(request.POST, user=request.user)
        if form.is_valid():
            form.save()
            messages.success(request, _("Thank you. An editor will check your request."))
            return redirect("accounts:organisations")
    else:
        form = OrganisationRequestForm(user=request.user)
    memberships = OrganisationMembership.objects.filter(user=request.user).select_related("organisation")
    return render(request, "accounts/organisations.html", {"form": form, "memberships": memberships})


@login_required
@require_http_methods(["GET"])
def my_data(request):
    data = gdpr.export_user_data(request.user)
    export_format = request.GET.get("format", "")
    stamp = timezone.localdate().isoformat()
    if export_format == "json":
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="my-data-{stamp}.json"'
        return response
    response = render(request, "accounts/my_data.html", {"data": data})
    if export_format == "html":
        response["Content-Disposition"] = f'attachment; filename="my-data-{stamp}.html"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    if request.method == "POST":
        form = DeleteAccountForm(request.POST, user=request.user)
        if form.is_valid():
            user = request.user
            logout(request)
            gdpr.delete_account(user, remove_contributions=form.cleaned_data["remove_contributions"])
            return redirect("accounts:deleted")
    else:
        form = DeleteAccountForm(user=request.user)
    return render(request, "accounts/delete.html", {"form": form})


@require_http_methods(["GET"])
def account_deleted(request):
    return render(request, "accounts/deleted.html")
