"""Signing in, signing out, and activating an account."""

from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.debug import sensitive_post_parameters

from peluit.accounts import services
from peluit.accounts.models import Activation
from peluit.staff.forms import ActivationForm


class LoginView(auth_views.LoginView):
    template_name = "staff/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    next_page = "staff:login"


@sensitive_post_parameters()
def activate(request: HttpRequest, token: str) -> HttpResponse:
    activation = services.find_activation(token)
    if activation is None:
        return render(request, "staff/activate_invalid.html", status=404)

    form = ActivationForm(request.POST or None, user=activation.user)
    if request.method != "POST" or not form.is_valid():
        return render(
            request, "staff/activate.html", {"form": form, "activation": activation}
        )

    try:
        user = services.activate(
            activation,
            password=form.cleaned_data["password1"],
            username=form.cleaned_data.get("username", ""),
        )
    except Activation.DoesNotExist:
        return render(request, "staff/activate_invalid.html", status=404)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect("staff:home")


def home(request: HttpRequest) -> HttpResponse:
    """Sends each person to the page their role starts from."""
    user = request.user
    if not user.is_authenticated:
        return redirect("staff:login")
    if user.reads_content:
        return redirect("staff:inbox")
    if user.is_active and "administrator" in user.role_set:
        return redirect("staff:accounts")
    return render(request, "staff/no_role.html", status=403)
