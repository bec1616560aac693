"""The whole flow with canaries in every text, then a search of everything
the server wrote: databases, evidence storage, logs and temp folders.

None of the canaries, none of the names hidden in the sample evidence,
and none of the receipts may be found anywhere.
"""

import os
import re
import secrets
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connections
from django.test import Client
from django.urls import reverse

from peluit.accounts.roles import Role
from peluit.cases.models import Attachment, Case
from tests.conftest import SAMPLES, make_staff, report_form_data, signed_in
from tests.evidence.test_cleaning import IDENTIFYING

RECEIPT = re.compile(rb'id="receipt-code">([\d ]+)<')
FIELDS = ("title", "what", "who", "where", "when", "how_known")


@pytest.mark.django_db(transaction=True)
def test_no_canary_name_or_receipt_is_written_anywhere_in_plain(
    samples, caplog, capfd, default_categories
):
    caplog.set_level("DEBUG")
    started = time.time()
    make_staff("hana", Role.HANDLER)
    canaries, receipts = [], []

    for sample in samples:
        receipt, tagged = file_with_canaries(sample)
        receipts.append(receipt)
        canaries += tagged
    canaries += follow_up_with_canaries(receipts[0])
    canaries += handle_with_canaries(samples[0]["title"])

    written = caplog.text.encode() + "".join(capfd.readouterr()).encode()
    haystacks = {**database_contents(), **files_under(settings.DATA_DIR)}
    haystacks.update(files_under(Path(tempfile.gettempdir()), newer_than=started))
    haystacks["logs"] = written
    needles = [c.encode() for c in canaries] + list(IDENTIFYING)
    needles += [r.encode() for r in receipts] + [b"Agus Salim"]
    found = [
        (needle, where)
        for where, content in haystacks.items()
        for needle in needles
        if needle in content
    ]
    assert found == []
    assert len(canaries) == 6 * len(FIELDS) + 3 + 3
    # The search saw the real data: plain metadata is in the database
    # copies, and every evidence file is among the files searched.
    numbers = Case.objects.values_list("number", flat=True)
    assert all(
        any(n.encode() in content for content in database_contents().values())
        for n in numbers
    )
    stored = Attachment.objects.values_list("storage_name", flat=True)
    assert all(any(name in where for where in haystacks) for name in stored)


def file_with_canaries(sample: dict) -> tuple[str, list[str]]:
    tags = {field: f"KANARI-{field}-{secrets.token_hex(6)}" for field in FIELDS}
    data = report_form_data(
        sample, **{field: f"{sample[field]} {tag}" for field, tag in tags.items()}
    )
    files = [
        SimpleUploadedFile(name, (SAMPLES / "evidence" / name).read_bytes())
        for name in sample["evidence"]
    ]
    response = Client().post(
        reverse("reporter:report_new"), {**data, "evidence": files}
    )
    assert response.status_code == 200
    return RECEIPT.search(response.content).group(1).decode().replace(" ", ""), list(
        tags.values()
    )


def follow_up_with_canaries(receipt: str) -> list[str]:
    tags = [f"KANARI-balasan-{secrets.token_hex(6)}" for _ in range(3)]
    reporter = Client()
    reporter.post(reverse("reporter:followup_login"), {"receipt": receipt})
    for tag in tags:
        response = reporter.post(reverse("reporter:followup_case"), {"body": tag})
        assert response.status_code == 302
    return tags


def handle_with_canaries(title: str) -> list[str]:
    from peluit.accounts.models import User

    hana = signed_in(User.objects.get(username="hana"))
    inbox = hana.get(reverse("staff:inbox")).content.decode()
    number = re.search(
        r'href="/staf/kasus/([A-Z0-9-]+)/"[^<]*</a></td>\s*<td>[^<]*'
        r"<time[^>]*>[^<]*</time></td>\s*<td>" + re.escape(title),
        inbox,
    )
    assert number, "the handler finds the report in the inbox"
    number = number.group(1)
    tags = [f"KANARI-staf-{secrets.token_hex(6)}" for _ in range(3)]
    hana.post(reverse("staff:case_reply", args=[number]), {"body": tags[0]})
    hana.post(reverse("staff:case_note", args=[number]), {"body": tags[1]})
    hana.post(
        reverse("staff:case_status", args=[number]),
        {"status": "verifikasi", "reason": tags[2]},
    )
    page = hana.get(reverse("staff:case", args=[number])).content.decode()
    assert all(tag in page for tag in tags)
    return tags


def database_contents() -> dict[str, bytes]:
    contents = {}
    for alias in ("default", "audit"):
        connection = connections[alias]
        name = str(connection.settings_dict["NAME"])
        if connection.vendor == "sqlite":
            for suffix in ("", "-wal", "-shm", "-journal"):
                path = Path(name + suffix)
                if path.exists():
                    contents[f"{alias}{suffix}"] = path.read_bytes()
        else:
            contents[alias] = pg_dump(connection.settings_dict)
    assert contents, "the test databases are files or dumps to search"
    return contents


def pg_dump(database: dict) -> bytes:
    command = [
        "pg_dump",
        "--host",
        database["HOST"] or "127.0.0.1",
        "--port",
        str(database["PORT"] or 5432),
        "--username",
        database["USER"] or "postgres",
        "--data-only",
        database["NAME"],
    ]
    return subprocess.run(command, check=True, capture_output=True).stdout


def files_under(folder: Path, newer_than: float = 0) -> dict[str, bytes]:
    found = {}
    # os.walk skips folders that vanish mid-walk (other test workers clean
    # up their own temporary folders while this one looks).
    for root, _, names in os.walk(folder):
        for name in names:
            path = Path(root) / name
            try:
                if path.is_file() and path.stat().st_mtime >= newer_than:
                    found[str(path)] = path.read_bytes()
            except OSError:
                continue
    return found
