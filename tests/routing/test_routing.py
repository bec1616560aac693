"""Reports reach the right team, and never get stuck on configuration."""

import datetime
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils.formats import date_format

from peluit.accounts import services
from peluit.accounts.roles import Role
from peluit.cases.models import CaseAccess, Event, Message
from peluit.routing.models import Alert, Concerns, Team
from tests.conftest import file_sample, make_staff, report_form_data, signed_in
from tests.staff.test_admin import NEW_PASSWORD


def alternate_team() -> Team:
    return Team.objects.get(is_alternate=True)


def test_a_report_about_the_inspectorate_goes_to_the_alternate_team_only(
    client, samples
):
    hana = make_staff("hana", Role.HANDLER)
    outsider = make_staff("ombud", Role.HANDLER)
    outsider.teams.set([alternate_team()])

    client.post(
        reverse("reporter:report_new"),
        report_form_data(samples[0], concerns=Concerns.INSPECTORATE),
    )

    access = set(CaseAccess.objects.values_list("user__username", flat=True))
    assert access == {"ombud"}
    assert hana.username not in access
    case = CaseAccess.objects.get().case
    assert case.team == alternate_team()
    assert case.events.filter(kind=Event.Kind.ROUTED).exists()


def test_an_ordinary_report_goes_to_the_inspectorate_team(client, samples, hana):
    outsider = make_staff("ombud", Role.HANDLER)
    outsider.teams.set([alternate_team()])

    client.post(reverse("reporter:report_new"), report_form_data(samples[0]))

    assert set(CaseAccess.objects.values_list("user__username", flat=True)) == {"hana"}


def test_with_no_handler_the_report_goes_to_supervisors_and_alerts(client, samples):
    boss = make_staff("kepala", Role.SUPERVISOR)
    boss.teams.clear()

    response = client.post(reverse("reporter:report_new"), report_form_data(samples[0]))

    assert response.status_code == 200  # the reporter still gets a receipt
    assert list(CaseAccess.objects.values_list("user__username", flat=True)) == [
        "kepala"
    ]
    assert Alert.objects.filter(kind=Alert.Kind.NO_READER).count() == 1


def test_a_report_about_the_inspectorate_never_falls_back_to_its_supervisors(
    client, samples
):
    make_staff("kepala", Role.SUPERVISOR)  # an Inspektorat supervisor

    response = client.post(
        reverse("reporter:report_new"),
        report_form_data(samples[0], concerns=Concerns.REGIONAL_HEAD),
    )

    assert response.status_code == 200
    assert not CaseAccess.objects.exists()
    assert Alert.objects.filter(kind=Alert.Kind.NO_READER).exists()


def test_administrators_see_the_alert(adi_client, client, samples):
    client.post(reverse("reporter:report_new"), report_form_data(samples[0]))

    page = adi_client.get(reverse("staff:accounts")).content.decode()

    assert 'role="alert"' in page


def test_the_reporter_is_acknowledged_at_once(client, samples, hana):
    filed = file_sample(samples[0])

    ack = filed.case.messages.get()
    assert ack.author == Message.Author.SYSTEM
    client.post(reverse("reporter:followup_login"), {"receipt": filed.receipt})
    page = client.get(reverse("reporter:followup_case")).content.decode()
    due = filed.case.created_at.astimezone(ZoneInfo("Asia/Jakarta")).date()
    due += datetime.timedelta(days=7)
    assert date_format(due, "DATE_FORMAT") in page


def test_an_auditor_sees_metadata_and_the_trail_but_no_content(samples, hana):
    filed = file_sample(samples[0])
    auditor = signed_in(make_staff("audit", Role.AUDITOR))

    page = auditor.get(reverse("staff:audit")).content.decode()

    assert filed.case.number in page
    assert samples[0]["title"] not in page
    assert (
        auditor.get(reverse("staff:case", args=[filed.case.number])).status_code == 403
    )
    assert auditor.get(reverse("staff:inbox")).status_code == 403


def test_an_administrator_marks_an_alert_dealt_with(adi_client, client, samples):
    client.post(reverse("reporter:report_new"), report_form_data(samples[0]))
    alert = Alert.objects.get()

    adi_client.post(reverse("staff:alert_resolve", args=[alert.pk]))

    alert.refresh_from_db()
    assert alert.resolved_at is not None
    assert (
        'role="alert"' not in adi_client.get(reverse("staff:accounts")).content.decode()
    )


def test_an_unconfirmed_reader_is_told_who_must_act(adi, hana):
    budi, token = services.create_account(
        created_by=adi, username="budi", display_name="", roles=[Role.HANDLER]
    )
    services.activate(services.find_activation(token), password=NEW_PASSWORD)

    page = signed_in(budi, NEW_PASSWORD).get(reverse("staff:home"))

    assert page.status_code == 403
    assert "rekan" in page.content.decode().lower()
