"""Signing in and out, activating an account, changing a password."""

from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.debug import sensitive_post_parameters

from peluit.accounts import services
from peluit.accounts.models import Activation, RoleGrant
from peluit.staff import keyring
from peluit.staff.access import StaffRequest
from peluit.staff.forms import ActivationForm


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _lazy("The username or password is not correct."),
        "inactive": _lazy("This account is not active."),
    }


class LoginView(auth_views.LoginView):
    template_name = "staff/login.html"
    redirect_authenticated_user = True
    authentication_form = SignInForm

    def form_valid(self, form):
        response = super().form_valid(form)
        # The password is at hand only now: unlock the private key with it.
        keyring.unlock(
            self.request, response, form.get_user(), form.cleaned_data["password"]
        )
        return response


@method_decorator(sensitive_post_parameters(), name="dispatch")
class LogoutView(auth_views.LogoutView):
    next_page = "staff:login"

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        keyring.forget(response)
        return response


@sensitive_post_parameters()
def activate(request: HttpRequest, token: str) -> HttpResponse:
    activation = services.find_activation(token)
    if activation is None:
        return render(request, "staff/activate_invalid.html", status=404)

    form = ActivationForm(request.POST or None, user=activation.user)
    if request.method != "POST" or not form.is_valid():
        context = {"form": form, "activation": activation}
        return render(request, "staff/activate.html", context)

    password = form.cleaned_data["password1"]
    try:
        user = services.activate(
            activation,
            password=password,
            username=form.cleaned_data.get("username", ""),
        )
    except Activation.DoesNotExist:
        return render(request, "staff/activate_invalid.html", status=404)

    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    response = redirect("staff:home")
    keyring.unlock(request, response, user, password)
    return response


@sensitive_post_parameters()
@login_required
def password_change(request: StaffRequest) -> HttpResponse:
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return render(request, "staff/password_change.html", {"form": form})

    services.change_password(
        request.user,
        old_password=form.cleaned_data["old_password"],
        new_password=form.cleaned_data["new_password1"],
    )
    update_session_auth_hash(request, request.user)
    messages.success(request, _("Your password has been changed."))
    return redirect("staff:home")


def home(request: HttpRequest) -> HttpResponse:
    """Sends each person to the page their role starts from."""
    user = request.user
    if not user.is_authenticated:
        return redirect("staff:login")
    if user.reads_content:
        return redirect("staff:inbox")
    if user.is_active and "auditor" in user.role_set:
        return redirect("staff:audit")
    if user.is_active and "hotline" in user.role_set:
        return redirect("staff:hotline")
    if user.is_active and "administrator" in user.role_set:
        return redirect("staff:accounts")
    waiting = RoleGrant.objects.awaiting_confirmation().filter(user=user).exists()
    return render(request, "staff/no_role.html", {"waiting": waiting}, status=403)
