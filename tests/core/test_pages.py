"""Language, formats and the protections every page carries."""

import re

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from peluit.cases.models import Case
from tests.conftest import report_behind, report_form_data, sample_upload

PAGES = [
    "reporter:home",
    "reporter:report_new",
    "reporter:followup_login",
    "staff:login",
]


@pytest.mark.parametrize("name", PAGES)
def test_pages_are_indonesian_by_default_with_a_link_to_english(client, db, name):
    response = client.get(reverse(name))

    body = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="id">' in body
    with translation.override("en"):
        english = reverse(name)
    assert f'href="{english}"' in body
    assert client.get(english).content.decode().startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in client.get(english).content.decode()


@pytest.mark.parametrize("name", PAGES)
def test_pages_load_nothing_from_other_sites_and_are_not_cached(client, db, name):
    response = client.get(reverse(name))

    body = response.content.decode()
    assert not re.search(r'(src|href|action)="(https?:)?//', body)
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["Cache-Control"] == "no-store"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "<script" not in body  # every reporter page works without JavaScript


def test_money_and_dates_follow_id_id_in_both_languages():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    template = Template(
        '{% load peluit_format %}{{ amount|rupiah }}|{{ when|date:"DATETIME_FORMAT" }}'
    )
    context = Context(
        {
            "amount": 660000000,
            "when": datetime(2026, 12, 4, 15, 29, tzinfo=ZoneInfo("UTC")),
        }
    )

    with translation.override("id"):
        indonesian = template.render(context)
    with translation.override("en"):
        english = template.render(context)

    assert indonesian == "Rp 660.000.000|4 Desember 2026, 22.29"
    assert english == "Rp 660.000.000|4 December 2026, 22.29"


CANARY_ADDRESS = "203.0.113.77"
CANARY_AGENT = "CanaryBrowser/9.9 (peluit-ua-canary)"


def test_no_address_or_browser_of_a_reporter_is_stored_or_logged(
    client, samples, caplog, django_db_blocker
):
    headers = {
        "REMOTE_ADDR": CANARY_ADDRESS,
        "HTTP_USER_AGENT": CANARY_AGENT,
        "HTTP_X_FORWARDED_FOR": CANARY_ADDRESS,
    }
    caplog.set_level("DEBUG")

    response = client.post(
        reverse("reporter:report_new"),
        {
            **report_form_data(samples[0]),
            "evidence": [sample_upload("foto_kwitansi.jpg")],
        },
        **headers,
    )
    client.get(reverse("reporter:home"), **headers)

    dump = _dump_all_tables()
    assert Case.objects.count() == 1
    assert report_behind(response).what == samples[0]["what"]
    for canary in (CANARY_ADDRESS, "peluit-ua-canary"):
        assert canary not in dump
        assert canary not in caplog.text


def _dump_all_tables() -> str:
    from django.apps import apps
    from django.db import router

    rows = []
    for model in apps.get_models():
        database = router.db_for_read(model) or "default"
        for values in model.objects.using(database).values_list():
            rows.append(repr(values))
    return "\n".join(rows)
