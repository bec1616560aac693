"""Administrators see which notices failed; nobody else does."""

from django.urls import reverse

from peluit.notifications import outbox
from peluit.notifications.models import Kind
from tests.notifications.conftest import free_port


def test_the_administrator_sees_a_failed_notice(
    adi_client, settings, hana_with_address
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_PORT = free_port()
    outbox.notify([hana_with_address], Kind.NEW_CASE, "2026-0001")
    outbox.deliver_due()

    response = adi_client.get(reverse("staff:mail_status"))

    assert response.status_code == 200
    page = response.content.decode()
    for shown in ("hana", "2026-0001", "ConnectionRefusedError"):
        assert shown in page
    assert str(Kind.NEW_CASE.label) in page
    assert response.context["counts"] == {"sent": 0, "waiting": 0, "failed": 1}


def test_a_handler_may_not_see_the_mail_status(hana_client):
    response = hana_client.get(reverse("staff:mail_status"))

    assert response.status_code == 403
