"""An administrator cannot make themselves a reader of reports: a new
handler needs a handler who already reads reports to confirm them."""

import pytest
from django.test import Client
from django.urls import reverse

from peluit.accounts import services
from peluit.accounts.models import RoleGrant, User
from peluit.accounts.roles import Role
from peluit.audit.models import Entry
from peluit.cases.models import CaseAccess
from peluit.routing.models import Team
from tests.conftest import file_sample, signed_in
from tests.staff.test_admin import NEW_PASSWORD, activate, activation_path


def invite_shadow_handler(adi_client, client):
    team = Team.objects.get(is_alternate=False)
    response = adi_client.post(
        reverse("staff:accounts"),
        {"username": "bayangan", "roles": [Role.HANDLER], "teams": [team.pk]},
    )
    activate(client, activation_path(response.content.decode()))
    return User.objects.get(username="bayangan")


def test_a_new_handler_reads_nothing_until_a_handler_confirms(
    adi_client, client, hana, samples
):
    shadow = invite_shadow_handler(adi_client, client)
    filed = file_sample(samples[0])

    assert not shadow.reads_content
    assert client.get(reverse("staff:inbox")).status_code == 403
    assert not CaseAccess.objects.filter(user=shadow, case=filed.case).exists()


def test_the_confirming_handler_sees_who_waits_and_vouches(
    adi_client, client, hana_client, samples
):
    shadow = invite_shadow_handler(adi_client, client)
    grant = RoleGrant.objects.get(user=shadow)

    inbox = hana_client.get(reverse("staff:inbox")).content.decode()
    hana_client.post(reverse("staff:confirm_role", args=[grant.pk]))

    assert "bayangan" in inbox
    shadow = User.objects.get(pk=shadow.pk)
    assert shadow.reads_content
    later = file_sample(samples[1], evidence=[])
    assert CaseAccess.objects.filter(user=shadow, case=later.case).exists()
    assert Entry.objects.filter(action="role.confirm", target_id=shadow.pk).exists()


def test_nobody_confirms_themselves(adi, hana):
    budi, token = services.create_account(
        created_by=adi, username="budi", display_name="", roles=[Role.HANDLER]
    )
    services.activate(services.find_activation(token), password=NEW_PASSWORD)
    grant = RoleGrant.objects.get(user=budi)
    client = signed_in(hana)

    client.post(reverse("staff:confirm_role", args=[grant.pk]))
    grant.refresh_from_db()
    assert grant.confirmed_by == hana

    other, _ = services.create_account(
        created_by=adi, username="citra", display_name="", roles=[Role.HANDLER]
    )
    with pytest.raises(services.NotAllowedToConfirm):
        services.confirm_role(RoleGrant.objects.get(user=other), confirmed_by=other)
    assert RoleGrant.objects.get(user=other).confirmed_at is None


def test_an_administrator_cannot_confirm_anyone(adi_client, adi, hana):
    budi, token = services.create_account(
        created_by=adi, username="budi", display_name="", roles=[Role.HANDLER]
    )
    services.activate(services.find_activation(token), password=NEW_PASSWORD)
    grant = RoleGrant.objects.get(user=budi)

    response = adi_client.post(reverse("staff:confirm_role", args=[grant.pk]))

    assert response.status_code == 403
    assert RoleGrant.objects.get(pk=grant.pk).confirmed_at is None


def test_one_account_cannot_both_administer_and_read(adi_client, hana):
    response = adi_client.post(
        reverse("staff:accounts"),
        {"username": "dobel", "roles": [Role.ADMINISTRATOR, Role.HANDLER]},
    )

    assert response.status_code == 200
    assert not User.objects.filter(username="dobel").exists()


def test_the_first_handler_needs_no_confirmation(adi_client, client):
    response = adi_client.post(
        reverse("staff:accounts"), {"username": "pertama", "roles": [Role.HANDLER]}
    )
    activate(client, activation_path(response.content.decode()))

    assert User.objects.get(username="pertama").reads_content


def test_a_reset_link_cannot_be_used_to_take_over_a_reader(
    adi, adi_client, hana, samples
):
    response = adi_client.post(reverse("staff:account_new_link", args=[hana.pk]))
    takeover = Client()
    activate(takeover, activation_path(response.content.decode()))
    filed = file_sample(samples[0])

    assert not User.objects.get(pk=hana.pk).reads_content
    assert takeover.get(reverse("staff:inbox")).status_code == 403
    assert not CaseAccess.objects.filter(user=hana, case=filed.case).exists()


def test_reactivation_needs_a_colleague_to_confirm_again(adi, hana):
    services.set_active(hana, False, changed_by=adi)
    services.set_active(hana, True, changed_by=adi)

    assert not User.objects.get(pk=hana.pk).reads_content
