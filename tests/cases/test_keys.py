"""Who can open a case: the reporter with the receipt, the handlers it was
sealed to, and the offline recovery key -- nobody else."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from nacl.public import PrivateKey

from peluit.accounts import services
from peluit.accounts.roles import Role
from peluit.cases import keys as case_keys
from peluit.cases import receipts
from peluit.cases.content import open_report
from peluit.cases.models import CaseAccess
from peluit.vault import keypairs, keys, recovery
from peluit.vault.content import ContentUnavailable
from peluit.vault.models import RecoveryKey
from tests.conftest import PASSWORD, file_sample, make_staff, signed_in, staff_key

NEW_PASSWORD = "Kata-Sandi-Baru-2026!"


def test_the_handler_it_was_sealed_to_can_open_it(hana, filed, samples):
    key = staff_key(hana, filed.case)

    assert open_report(filed.case, key).what == samples[0]["what"]


def test_a_handler_without_a_copy_cannot_open_or_even_find_it(filed):
    joko = make_staff("joko", Role.HANDLER)  # joined after the report was filed
    client = signed_in(joko)

    assert (
        client.get(reverse("staff:case", args=[filed.case.number])).status_code == 404
    )
    assert filed.case.number not in client.get(reverse("staff:inbox")).content.decode()
    with pytest.raises(case_keys.NoAccess):
        staff_key(joko, filed.case)


def test_an_administrator_holds_no_copy(adi, filed):
    assert not CaseAccess.objects.filter(user=adi).exists()
    with pytest.raises(case_keys.NoAccess):
        staff_key(adi, filed.case)


def test_another_receipt_cannot_open_it(filed, samples):
    other = file_sample(samples[1], evidence=[])

    with pytest.raises(ContentUnavailable):
        case_keys.open_for_reporter(filed.case, receipts.derive(other.receipt).key)


def test_the_server_secrets_alone_do_not_open_it(filed):
    # Everything the server stores for the case, tried with the keys it
    # holds itself: none is a key that opens the reporter's copy.
    for purpose in (b"peluit-reporter", b"peluit-case-wrap"):
        with pytest.raises(ContentUnavailable):
            case_keys.open_for_reporter(filed.case, keys.subkey(purpose))


def test_a_password_change_keeps_access(hana, filed):
    client = signed_in(hana)

    response = client.post(
        reverse("staff:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )

    assert response.status_code == 302
    hana.refresh_from_db()
    again = signed_in(hana, NEW_PASSWORD)
    page = again.get(reverse("staff:case", args=[filed.case.number]))
    assert page.status_code == 200
    assert "Biaya tambahan" in page.content.decode()


def test_a_lost_key_cookie_means_signing_in_again(hana_client, filed):
    hana_client.cookies.pop("peluit_staf_kunci")

    response = hana_client.get(reverse("staff:case", args=[filed.case.number]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("staff:login"))


def test_deactivation_removes_the_sealed_copies(adi, hana, filed):
    services.set_active(hana, False, changed_by=adi)

    assert not CaseAccess.objects.filter(user=hana).exists()


@pytest.fixture
def recovery_shares(db, capsys):
    call_command("peluit_recovery_init", shares=3)
    output = capsys.readouterr().out
    return [
        line.split(": ")[1] for line in output.splitlines() if line.startswith("share")
    ]


def test_the_recovery_key_is_printed_as_shares_and_only_its_public_half_is_kept(
    recovery_shares,
):
    record = RecoveryKey.current()

    private = recovery.combine(recovery_shares, bytes(record.public_key))
    assert bytes(private.public_key) == bytes(record.public_key)
    with pytest.raises(recovery.BadShares):
        recovery.combine(recovery_shares[:2], bytes(record.public_key))


def test_a_forgotten_password_is_recovered_with_all_shares(
    recovery_shares, adi, hana, samples, monkeypatch
):
    filed = file_sample(samples[0])
    token = services.new_activation(hana, issued_by=adi)
    services.activate(services.find_activation(token), password=NEW_PASSWORD)
    hana.refresh_from_db()
    with pytest.raises(case_keys.NoAccess):
        staff_key_with(hana, NEW_PASSWORD, filed.case)

    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(recovery_shares)))
    call_command("peluit_recovery_grant", "hana")

    key = staff_key_with(hana, NEW_PASSWORD, filed.case)
    assert open_report(filed.case, key).title == samples[0]["title"]


def test_recovery_fails_without_every_share(
    recovery_shares, adi, hana, samples, monkeypatch
):
    file_sample(samples[0])
    token = services.new_activation(hana, issued_by=adi)
    services.activate(services.find_activation(token), password=NEW_PASSWORD)
    forged = recovery.split(PrivateKey.generate(), 3)

    for shares in (recovery_shares[:2], forged, []):
        monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(shares)))
        with pytest.raises(Exception, match="recovery key"):
            call_command("peluit_recovery_grant", "hana")

    assert not CaseAccess.objects.filter(user=hana, sealed_key__isnull=False).exists()


def test_a_case_filed_before_the_recovery_key_gets_its_copy_when_opened(
    hana_client, filed, capsys
):
    assert filed.case.recovery_sealed_key is None
    call_command("peluit_recovery_init", shares=2)

    hana_client.get(reverse("staff:case", args=[filed.case.number]))

    filed.case.refresh_from_db()
    assert filed.case.recovery_key == RecoveryKey.current()


def staff_key_with(user, password, case):
    private = keypairs.unlock(user.locked_pair(), password)
    return case_keys.open_for_staff(case, user, private)


def test_recovery_refuses_an_account_that_reads_no_reports(
    recovery_shares, adi, monkeypatch
):
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(recovery_shares)))

    with pytest.raises(Exception, match="no role that reads"):
        call_command("peluit_recovery_grant", "adi")
