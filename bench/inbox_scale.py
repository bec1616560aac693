"""Inbox speed with a hundred thousand cases.

Creates a throwaway database (SQLite by default; PostgreSQL when
DATABASE_URL is set), files N sealed cases readable by one handler, and
times the handler's inbox: the first page, a deep page, and a filtered
page, through the real view (sign-in, key unlock, access trail).

Usage: .venv/bin/python bench/inbox_scale.py [--cases 100000]
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    args = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="peluit-inbox-"))
    os.environ.update(
        PELUIT_DATA_DIR=str(data_dir),
        DJANGO_SETTINGS_MODULE="peluit.settings",
        PELUIT_ALLOWED_HOSTS="testserver",
    )
    try:
        run(args.cases)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def run(count: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("migrate", database="audit", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    handler = make_handler()

    start = time.perf_counter()
    file_cases(handler, count)
    print(f"filed {count} sealed cases in {time.perf_counter() - start:.1f} s")

    client = sign_in(handler)
    for label, query in (
        ("first page", {}),
        ("page 1000", {"page": 1000}),
        ("status filter", {"status": "verifikasi"}),
        ("unread filter, page 2", {"unread": "on", "page": 2}),
    ):
        print(f"inbox, {label}: median {timed(client, query):.0f} ms")


def make_handler():
    from django.utils import timezone

    from peluit.accounts.models import RoleGrant, User
    from peluit.routing.models import Team
    from peluit.vault import keypairs

    user = User.objects.create(username="bench")
    user.set_password("bench-password-123")
    user.store_pair(keypairs.new_locked_pair("bench-password-123"))
    user.save()
    RoleGrant.objects.create(user=user, role="handler", confirmed_at=timezone.now())
    user.teams.add(Team.objects.get(is_alternate=False))
    return user


def file_cases(handler, count: int, batch: int = 2000) -> None:
    """Rows as intake writes them, in bulk: the report sealed under its own
    key, the key sealed to the handler. Statuses and read flags vary."""
    import secrets
    from datetime import timedelta

    from django.utils import timezone

    from peluit.cases.content import ReportContent, seal_report
    from peluit.cases.models import Case, CaseAccess, Category
    from peluit.vault import content, keypairs

    category = Category.objects.first()
    statuses = ["diterima", "verifikasi", "investigasi", "dirujuk"]
    now = timezone.now()
    public = bytes(handler.public_key)
    for first in range(0, count, batch):
        cases, keys = [], []
        for number in range(first, min(first + batch, count)):
            key = content.new_case_key()
            report = ReportContent(
                f"Laporan {number}", "isi", "siapa", "di mana", "kapan"
            )
            cases.append(
                Case(
                    number=f"B{number:07d}",
                    created_at=now - timedelta(minutes=number),
                    updated_at=now,
                    status=statuses[number % 4],
                    category=category,
                    channel="web",
                    receipt_lookup=secrets.token_bytes(32),
                    submission_nonce=secrets.token_hex(32),
                    reporter_sealed_key=b"",
                    sealed_report=seal_report(key, report),
                    unread_by_staff=number % 3 == 0,
                )
            )
            keys.append(key)
        Case.objects.bulk_create(cases)
        stored = Case.objects.filter(number__in=[c.number for c in cases])
        by_number = {c.number: c for c in stored}
        CaseAccess.objects.bulk_create(
            CaseAccess(
                case=by_number[case.number],
                user=handler,
                sealed_key=keypairs.seal_to(public, key),
                granted_at=now,
            )
            for case, key in zip(cases, keys, strict=True)
        )


def sign_in(handler):
    from django.test import Client
    from django.urls import reverse

    client = Client()
    response = client.post(
        reverse("staff:login"),
        {"username": handler.username, "password": "bench-password-123"},
    )
    assert response.status_code == 302, response.status_code
    return client


def timed(client, query: dict, rounds: int = 5) -> float:
    from django.urls import reverse

    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        response = client.get(reverse("staff:inbox"), query)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    return statistics.median(times)


if __name__ == "__main__":
    main()
