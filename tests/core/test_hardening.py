"""Protections found missing by an attack on the first version."""

import logging

from django.urls import reverse

from peluit.core.gunicorn_logging import AnonymousLogger, redact


def test_gunicorn_messages_lose_every_address():
    message = (
        "Invalid request from ip=203.0.113.9: bad line; peer 2001:db8::17 at 15:53:07"
    )

    cleaned = redact(message)

    assert "203.0.113.9" not in cleaned
    assert "2001:db8::17" not in cleaned
    assert "15:53:07" in cleaned  # times are not addresses


def test_the_gunicorn_logger_class_filters_its_error_log():
    from gunicorn.config import Config

    logger = AnonymousLogger(Config())
    record = logging.LogRecord(
        "g", logging.WARNING, "", 0, "from ip=%s", ("10.1.2.3",), None
    )

    assert all(f.filter(record) for f in logger.error_log.filters)
    assert "10.1.2.3" not in record.getMessage()


def test_the_language_link_never_points_to_another_host(client, db):
    body = client.get("//elsewhere.example/lapor/").content.decode()

    assert "elsewhere.example" not in body


def test_the_language_link_keeps_the_page_and_its_query(client, db):
    body = client.get(reverse("reporter:report_new"), {"x": "1"}).content.decode()

    assert 'href="/en/report/?x=1"' in body


def test_the_csrf_cookie_ends_with_the_browser_session(client, db):
    response = client.get(reverse("reporter:report_new"))

    cookie = response.cookies["csrftoken"]
    assert not cookie["max-age"] and not cookie["expires"]


def test_a_form_address_opened_directly_explains_itself(client, db):
    response = client.get(reverse("reporter:followup_logout"))

    assert response.status_code == 405
    assert "tidak dapat dibuka langsung" in response.content.decode()


def test_the_receipt_page_offers_no_language_switch(client, samples):
    from tests.conftest import report_form_data

    response = client.post(reverse("reporter:report_new"), report_form_data(samples[0]))

    assert 'hreflang="en"' not in response.content.decode()


def test_an_administrator_lands_on_the_accounts_page(adi):
    from tests.conftest import signed_in

    response = signed_in(adi).get(reverse("staff:home"))

    assert response["Location"] == reverse("staff:accounts")


def test_report_form_fields_are_not_remembered_by_the_browser(client, db):
    body = client.get(reverse("reporter:report_new")).content.decode()

    assert 'name="reporter_name" maxlength="200" autocomplete="off"' in body or (
        'autocomplete="off"' in body.split('name="reporter_name"')[1].split(">")[0]
    )


def test_flash_messages_travel_in_a_cookie_only_the_server_can_read(client, filed):
    client.post(reverse("reporter:followup_login"), {"receipt": filed.receipt})
    client.post(reverse("reporter:followup_case"), {"body": "Halo dari pelapor"})

    cookie = client.cookies["messages"].value
    page = client.get(reverse("reporter:followup_case")).content.decode()

    assert "terkirim" in page  # the message still reaches the reporter
    for readable in ("terkirim", "sent", "Pesan"):
        assert readable not in cookie
