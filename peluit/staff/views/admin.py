"""Administration: staff accounts, report categories and e-mail notices.

Administrators manage the system but never read reports; nothing here
touches case content.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from peluit.accounts import services
from peluit.accounts.models import User
from peluit.accounts.roles import Role
from peluit.audit import trail
from peluit.cases.models import Category
from peluit.notifications import outbox
from peluit.notifications.models import MAX_ATTEMPTS
from peluit.routing.models import Alert
from peluit.staff.access import StaffRequest, role_required
from peluit.staff.forms import AccountEditForm, AccountForm, CategoryForm
from peluit.staff.links import absolute_activation_url

_admin_only = role_required(Role.ADMINISTRATOR)


@_admin_only
def accounts(request: StaffRequest) -> HttpResponse:
    form = AccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user, token = services.create_account(
            created_by=request.user,
            username=form.cleaned_data["username"],
            display_name=form.cleaned_data["display_name"],
            roles=form.cleaned_data["roles"],
            teams=form.cleaned_data["teams"],
            email=form.cleaned_data["email"],
        )
        # Shown once, to be handed over in person or by a trusted channel.
        return render(
            request,
            "staff/account_created.html",
            {"account": user, "link": absolute_activation_url(token)},
        )

    people = User.objects.prefetch_related("grants", "teams").order_by("username")
    context = {
        "form": form,
        "people": people,
        "alerts": Alert.objects.filter(resolved_at__isnull=True),
    }
    return render(request, "staff/accounts.html", context)


@_admin_only
def account_edit(request: StaffRequest, user_id: int) -> HttpResponse:
    person = get_object_or_404(User, pk=user_id)
    form = AccountEditForm(request.POST or None, account=person)
    if request.method == "POST" and form.is_valid():
        roles = form.cleaned_data["roles"]
        if person == request.user and Role.ADMINISTRATOR not in roles:
            form.add_error("roles", _("You cannot remove your own administrator role."))
        else:
            services.update_account(
                person,
                changed_by=request.user,
                display_name=form.cleaned_data["display_name"],
                email=form.cleaned_data["email"],
                roles=roles,
                teams=form.cleaned_data["teams"],
            )
            messages.success(request, _("Account updated."))
            return redirect("staff:accounts")

    context = {"form": form, "account": person}
    return render(request, "staff/account_edit.html", context)


@require_POST
@_admin_only
def alert_resolve(request: StaffRequest, alert_id: int) -> HttpResponse:
    alert = get_object_or_404(Alert, pk=alert_id, resolved_at__isnull=True)
    alert.resolved_at = timezone.now()
    alert.save(update_fields=["resolved_at"])
    trail.record("alert.resolve", actor_id=request.user.pk, target_id=alert.pk)
    messages.success(request, _("Marked as dealt with."))
    return redirect("staff:accounts")


@require_POST
@_admin_only
def account_active(request: StaffRequest, user_id: int) -> HttpResponse:
    person = get_object_or_404(User, pk=user_id)
    make_active = request.POST.get("active") == "1"
    if person == request.user and not make_active:
        messages.error(request, _("You cannot deactivate your own account."))
    else:
        services.set_active(person, make_active, changed_by=request.user)
        messages.success(request, _("Account updated."))
    return redirect("staff:accounts")


@require_POST
@_admin_only
def account_new_link(request: StaffRequest, user_id: int) -> HttpResponse:
    person = get_object_or_404(User, pk=user_id)
    token = services.new_activation(person, issued_by=request.user)
    context = {"account": person, "link": absolute_activation_url(token)}
    return render(request, "staff/account_created.html", context)


@_admin_only
def categories(request: StaffRequest) -> HttpResponse:
    form = CategoryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        category = form.save()
        trail.record("category.create", actor_id=request.user.pk, target_id=category.pk)
        messages.success(request, _("Category added."))
        return redirect("staff:categories")

    return render(
        request,
        "staff/categories.html",
        {"form": form, "categories": Category.objects.all()},
    )


@_admin_only
def category_edit(request: StaffRequest, category_id: int) -> HttpResponse:
    category = get_object_or_404(Category, pk=category_id)
    form = CategoryForm(request.POST or None, instance=category)
    if request.method == "POST" and form.is_valid():
        form.save()
        trail.record("category.update", actor_id=request.user.pk, target_id=category.pk)
        messages.success(request, _("Category saved."))
        return redirect("staff:categories")

    return render(
        request, "staff/category_edit.html", {"form": form, "category": category}
    )


@require_GET
@_admin_only
def mail_status(request: StaffRequest) -> HttpResponse:
    failures = Paginator(outbox.failures(), 50).get_page(request.GET.get("page"))
    context = {
        "counts": outbox.counts(),
        "failures": failures,
        "max_attempts": MAX_ATTEMPTS,
    }
    return render(request, "staff/mail_status.html", context)
