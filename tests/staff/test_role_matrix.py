"""Every role against every staff page: each sees exactly what it needs."""

import pytest
from django.test import Client
from django.urls import reverse

from peluit.accounts.roles import Role
from tests.conftest import file_sample, make_staff, signed_in

PAGES = [
    "inbox",
    "case",
    "deadlines",
    "audit",
    "hotline",
    "accounts",
    "categories",
    "handling_settings",
    "mail_status",
]
# Expected status per page, in the order of PAGES.
EXPECTED = {
    "anonymous": [302] * 9,
    Role.ADMINISTRATOR: [403, 403, 403, 403, 403, 200, 200, 200, 200],
    Role.HANDLER: [200, 200, 403, 403, 403, 403, 403, 403, 403],
    Role.SUPERVISOR: [200, 200, 200, 403, 403, 403, 403, 403, 403],
    # Holds no copy of this case yet: it does not exist for them.
    Role.LEGAL_ADVISOR: [200, 404, 403, 403, 403, 403, 403, 403, 403],
    Role.AUDITOR: [403, 403, 200, 200, 403, 403, 403, 403, 403],
    Role.HOTLINE: [403, 403, 403, 403, 200, 403, 403, 403, 403],
}


@pytest.mark.parametrize("role", list(EXPECTED))
def test_each_role_reaches_exactly_its_pages(role, samples):
    person = None if role == "anonymous" else make_staff(f"p-{role}", role)
    filed = file_sample(samples[0])
    client = Client() if person is None else signed_in(person)

    statuses = [client.get(_url(page, filed.case.number)).status_code for page in PAGES]

    assert dict(zip(PAGES, statuses, strict=True)) == dict(
        zip(PAGES, EXPECTED[role], strict=True)
    )


def _url(page: str, number: str) -> str:
    if page == "case":
        return reverse("staff:case", args=[number])
    return reverse(f"staff:{page}")
