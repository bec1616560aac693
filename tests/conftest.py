"""Shared fixtures: named people instead of anonymous fixtures.

- Hana is a handler at the Inspektorat.
- Adi is the administrator: he manages accounts but must never read reports.
- Rina is a reporter; she exists only as the receipt code she keeps.
"""

import importlib
import json
import os
import re
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from peluit.accounts.models import RoleGrant, User
from peluit.accounts.roles import CONTENT_ROLES, Role
from peluit.cases import identity, receipts
from peluit.cases import keys as case_keys
from peluit.cases.content import Identity, ReportContent, open_report
from peluit.cases.intake import file_report, find_by_receipt
from peluit.cases.models import Case, Category
from peluit.routing.models import Team
from peluit.vault import keypairs

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PASSWORD = "correct horse battery staple"


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session):
    """The throwaway data and secrets folders go when the run ends."""
    for variable in ("PELUIT_DATA_DIR", "PELUIT_SECRETS_DIR"):
        folder = os.environ.get(variable, "")
        if "peluit-test-" in folder or "peluit-secrets-" in folder:
            shutil.rmtree(folder, ignore_errors=True)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Every test may use both databases: the cases' and the access trail's,
    which every staff action writes to. Runs before pytest-django sorts
    transactional tests to the end, so that sorting sees these markers."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        transactional = bool(marker and marker.kwargs.get("transaction"))
        item.add_marker(
            pytest.mark.django_db(
                databases=["default", "audit"], transaction=transactional
            ),
            append=False,
        )


@pytest.fixture(autouse=True)
def _indonesian_by_default():
    """Each test starts in the default language; a request to an English
    page would otherwise leave English active for the next test's reverse()."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


DATA_MIGRATIONS = [
    "peluit.cases.migrations.0002_default_categories",
    "peluit.routing.migrations.0002_default_teams_and_rules",
    "peluit.deadlines.migrations.0002_default_deadline_policies",
]


@pytest.fixture
def default_categories(transactional_db):
    """What the data migrations add (categories, teams and routing rules,
    deadline policies), for transactional tests (browser tests included):
    their database is emptied after each one, data migrations included, so
    the migrations' own functions run again."""
    for name in DATA_MIGRATIONS:
        importlib.import_module(name).add_defaults(django_apps, None)


def make_staff(username: str, *roles: Role) -> User:
    """An activated account: password set and key pair created from it."""
    user = User.objects.create(username=username, display_name=username.title())
    user.set_password(PASSWORD)
    user.store_pair(keypairs.new_locked_pair(PASSWORD))
    user.save()
    for role in roles:
        RoleGrant.objects.create(user=user, role=role, confirmed_at=timezone.now())
    if set(roles) & CONTENT_ROLES:
        user.teams.add(Team.objects.get(name="Inspektorat"))
    return user


@pytest.fixture
def hana(db) -> User:
    return make_staff("hana", Role.HANDLER)


@pytest.fixture
def adi(db) -> User:
    return make_staff("adi", Role.ADMINISTRATOR)


def signed_in(user: User, password: str = PASSWORD) -> Client:
    """A browser session signed in through the real sign-in page, which is
    where the person's private key is unlocked."""
    client = Client()
    response = client.post(
        reverse("staff:login"), {"username": user.username, "password": password}
    )
    assert response.status_code == 302, response.content
    return client


@pytest.fixture
def hana_client(hana) -> Client:
    return signed_in(hana)


@pytest.fixture
def adi_client(adi) -> Client:
    return signed_in(adi)


@pytest.fixture
def samples() -> list[dict]:
    return json.loads((SAMPLES / "reports.json").read_text())["reports"]


def sample_upload(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (SAMPLES / "evidence" / name).read_bytes())


def report_form_data(sample: dict, **overrides) -> dict:
    """The report form, filled in the way a reporter would from a sample."""
    data = {
        "category": Category.objects.get(name_id=sample["category"]).pk,
        "title": sample["title"],
        "what": sample["what"],
        "who": sample["who"],
        "where": sample["where"],
        "when": sample["when"],
        "how_known": sample.get("how_known", ""),
        "estimated_loss": sample.get("estimated_loss_idr") or "",
        "identity_choice": "anonymous" if sample["anonymous"] else "confidential",
        "concerns": "other",
        "nonce": overrides.pop("nonce", None) or _fresh_nonce(),
    }
    if not sample["anonymous"]:
        data["reporter_name"] = sample["reporter"]["name"]
        data["reporter_contact"] = sample["reporter"]["contact"]
        data["reporter_relation"] = sample["reporter"].get("relation", "")
    data.update(overrides)
    return data


def _fresh_nonce() -> str:
    return secrets.token_hex(16)


@dataclass
class FiledSample:
    case: Case
    receipt: str

    @property
    def key(self) -> bytes:
        """The case key, opened the way the reporter opens it."""
        return case_keys.open_for_reporter(self.case, receipts.derive(self.receipt).key)


def file_sample(sample: dict, evidence: list[str] | None = None) -> FiledSample:
    """Files a sample report the way the form would, with its evidence
    (or the named files instead)."""
    person = sample.get("reporter")
    result = file_report(
        report=ReportContent(
            title=sample["title"],
            what=sample["what"],
            who=sample["who"],
            where=sample["where"],
            when=sample["when"],
            how_known=sample["how_known"],
            estimated_loss=sample["estimated_loss_idr"],
            identity=Identity(**person) if not sample["anonymous"] else None,
        ),
        category=Category.objects.get(name_id=sample["category"]),
        uploads=[sample_upload(n) for n in (evidence or sample["evidence"])],
        nonce=secrets.token_hex(16),
    )
    return FiledSample(case=result.case, receipt=result.receipt)


@pytest.fixture
def filed(db, samples, hana) -> FiledSample:
    """Rina's report: the first sample, with its two evidence files, filed
    while Hana is the handler who reads new reports."""
    return file_sample(samples[0])


def staff_key(user: User, case: Case) -> bytes:
    """The case key as the given staff member opens it."""
    private = keypairs.unlock(user.locked_pair(), PASSWORD)
    return case_keys.open_for_staff(case, user, private)


def report_behind(response) -> ReportContent:
    """The report filed by a form submission, opened with the receipt the
    reporter was shown -- the only key the test has, as in real life."""
    opened = _opened_from(response)
    key = case_keys.open_for_reporter(opened.case, opened.reporter_key)
    return open_report(opened.case, key)


def identity_behind(response) -> Identity | None:
    """The identity filed with the report, which is sealed apart from it."""
    opened = _opened_from(response)
    return identity.for_reporter(opened.case, opened.reporter_key)


def _opened_from(response):
    receipt = re.search(rb'id="receipt-code">([\d ]+)<', response.content).group(1)
    return find_by_receipt(receipt.decode())


def written_by_people(messages):
    """A conversation without Peluit's own automatic messages."""
    return [message for message in messages if message.author != "system"]
