"""Loads the invented sample reports and evidence into this instance.

For demos and manual testing only. The receipts are printed so that the
demo reporter can follow up; never run this against a live instance.
"""

import json
import secrets
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError

from peluit.cases.content import Identity, ReportContent
from peluit.cases.intake import file_report
from peluit.cases.models import Category

DEFAULT_SAMPLES = settings.BASE_DIR / "samples"


class Command(BaseCommand):
    help = "File the sample reports in samples/reports.json, with their evidence."

    def add_arguments(self, parser):
        parser.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES)

    def handle(self, *args, samples: Path, **options):
        index = samples / "reports.json"
        if not index.exists():
            raise CommandError(f"No sample reports at {index}")

        for sample in json.loads(index.read_text())["reports"]:
            filed = file_report(
                report=sample_content(sample),
                category=Category.objects.get(name_id=sample["category"]),
                uploads=sample_files(samples / "evidence", sample["evidence"]),
                nonce=secrets.token_hex(16),
            )
            self.stdout.write(
                f"{filed.case.number}  receipt {filed.receipt}  {sample['title']}"
            )


def sample_content(sample: dict) -> ReportContent:
    person = sample.get("reporter")
    return ReportContent(
        title=sample["title"],
        what=sample["what"],
        who=sample["who"],
        where=sample["where"],
        when=sample["when"],
        how_known=sample.get("how_known", ""),
        estimated_loss=sample.get("estimated_loss_idr"),
        identity=Identity(**person) if person and not sample["anonymous"] else None,
    )


def sample_files(folder: Path, names: list[str]) -> list[SimpleUploadedFile]:
    return [SimpleUploadedFile(name, (folder / name).read_bytes()) for name in names]
