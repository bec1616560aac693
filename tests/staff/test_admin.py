"""Accounts, activation links, the first administrator and categories."""

import re
from datetime import timedelta

from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from peluit.accounts.models import Activation, RoleGrant, User
from peluit.accounts.roles import Role
from peluit.cases.models import CaseAccess, Category
from peluit.routing.models import Team
from tests.conftest import file_sample

NEW_PASSWORD = "Pelapor-Aman-2026!"


def activation_path(text: str) -> str:
    match = re.search(r"https?://[^/\s]+(/[^\s<\"]+)", text)
    assert match, text
    return match.group(1)


def activate(client, path, **extra):
    return client.post(
        path, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, **extra}
    )


def test_the_first_start_prints_a_one_time_setup_link(client, db, capsys):
    call_command("peluit_setup_link")
    path = activation_path(capsys.readouterr().out)

    response = activate(client, path, username="kepala.it")

    assert response.status_code == 302
    admin = User.objects.get(username="kepala.it")
    assert admin.has_role(Role.ADMINISTRATOR)
    assert admin.check_password(NEW_PASSWORD)
    assert activate(Client(), path, username="penyusup").status_code == 404
    call_command("peluit_setup_link")
    assert "no setup link" in capsys.readouterr().out


def test_a_new_setup_link_replaces_the_old_one(client, db, capsys):
    call_command("peluit_setup_link")
    old = activation_path(capsys.readouterr().out)
    call_command("peluit_setup_link")

    assert activate(client, old, username="lama").status_code == 404


def test_the_administrator_invites_a_handler_who_sets_their_own_password(
    adi_client, client
):
    response = adi_client.post(
        reverse("staff:accounts"),
        {"username": "budi", "display_name": "Budi S.", "roles": [Role.HANDLER]},
    )
    path = activation_path(response.content.decode())
    budi = User.objects.get(username="budi")
    assert not budi.is_active and not budi.has_usable_password()

    activate(client, path)

    budi.refresh_from_db()
    assert budi.is_active and budi.check_password(NEW_PASSWORD)
    assert client.get(reverse("staff:inbox")).status_code == 200


def test_activation_refuses_weak_or_mismatched_passwords(adi_client, client):
    response = adi_client.post(
        reverse("staff:accounts"), {"username": "citra", "roles": [Role.HANDLER]}
    )
    path = activation_path(response.content.decode())

    weak = client.post(path, {"password1": "12345678", "password2": "12345678"})
    mismatch = client.post(path, {"password1": NEW_PASSWORD, "password2": "lain"})

    assert weak.status_code == mismatch.status_code == 200
    assert not User.objects.get(username="citra").is_active


def test_an_expired_activation_link_is_refused(adi_client, client):
    response = adi_client.post(
        reverse("staff:accounts"), {"username": "dewi", "roles": [Role.HANDLER]}
    )
    Activation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    assert (
        activate(client, activation_path(response.content.decode())).status_code == 404
    )


def test_a_taken_username_is_refused(adi_client, hana):
    response = adi_client.post(
        reverse("staff:accounts"), {"username": "HANA", "roles": [Role.HANDLER]}
    )

    assert response.status_code == 200
    assert User.objects.filter(username__iexact="hana").count() == 1


def test_a_deactivated_handler_loses_access(adi_client, hana, hana_client):
    adi_client.post(reverse("staff:account_active", args=[hana.pk]), {"active": "0"})

    response = hana_client.get(reverse("staff:inbox"))

    assert response.status_code == 302  # signed out: the account is inactive


def test_handlers_cannot_administer(hana_client):
    for name in ("staff:accounts", "staff:categories"):
        assert hana_client.get(reverse(name)).status_code == 403
    response = hana_client.post(
        reverse("staff:accounts"), {"username": "x", "roles": [Role.ADMINISTRATOR]}
    )
    assert response.status_code == 403
    assert not User.objects.filter(username="x").exists()


def test_administrators_edit_the_category_list(adi_client, client):
    adi_client.post(
        reverse("staff:categories"),
        {
            "name_id": "pemerasan",
            "name_en": "Extortion",
            "position": 5,
            "is_active": "on",
        },
    )
    retired = Category.objects.get(name_id="lainnya")
    adi_client.post(
        reverse("staff:category_edit", args=[retired.pk]),
        {"name_id": "lainnya", "name_en": "Other", "position": 99},
    )

    form = client.get(reverse("reporter:report_new")).content.decode()
    english = client.get("/en/report/").content.decode()
    assert "pemerasan" in form and "Extortion" in english
    assert ">lainnya<" not in form


def test_the_sessions_table_holds_no_usable_session_key(adi_client):
    from django.contrib.sessions.models import Session

    cookie = adi_client.cookies["peluit_staf"].value
    stored = list(Session.objects.values_list("session_key", flat=True))

    assert cookie not in stored
    thief = Client()
    thief.cookies["peluit_staf"] = stored[0]
    assert thief.get(reverse("staff:accounts")).status_code == 302
    assert adi_client.get(reverse("staff:accounts")).status_code == 200


def test_an_edited_account_gets_new_roles_unconfirmed_and_loses_other_teams_cases(
    adi_client, hana, samples
):
    filed = file_sample(samples[0])
    alternate = Team.objects.get(is_alternate=True)

    response = adi_client.post(
        reverse("staff:account_edit", args=[hana.pk]),
        {
            "display_name": "Hana K.",
            "email": "hana@inspektorat.example",
            "roles": [Role.HANDLER, Role.SUPERVISOR],
            "teams": [alternate.pk],
        },
    )

    assert response.status_code == 302
    hana.refresh_from_db()
    assert hana.email == "hana@inspektorat.example"
    assert RoleGrant.objects.get(user=hana, role=Role.SUPERVISOR).confirmed_at is None
    assert RoleGrant.objects.get(user=hana, role=Role.HANDLER).confirmed_at is not None
    assert not CaseAccess.objects.filter(user=hana, case=filed.case).exists()


def test_an_administrator_keeps_their_own_role(adi, adi_client):
    adi_client.post(
        reverse("staff:account_edit", args=[adi.pk]),
        {"display_name": "", "email": "", "roles": [Role.AUDITOR]},
    )

    assert adi.grants.filter(role=Role.ADMINISTRATOR).exists()
