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
from django.utils import timezone

from peluit.accounts.models import RoleGrant, User
from peluit.accounts.roles import Role
from peluit.cases.content import Identity, ReportContent
from peluit.cases.intake import file_report
from peluit.cases.models import Category
from peluit.routing.models import Team
from peluit.vault import keypairs

DEFAULT_SAMPLES = settings.BASE_DIR / "samples"
DEMO_HANDLER = "penangan.demo"


class Command(BaseCommand):
    help = "File the sample reports in samples/reports.json, with their evidence."

    def add_arguments(self, parser):
        parser.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES)

    def handle(self, *args, samples: Path, **options):
        index = samples / "reports.json"
        if not index.exists():
            raise CommandError(f"No sample reports at {index}")
        self._ensure_a_handler()

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

    def _ensure_a_handler(self) -> None:
        """Cases are sealed to the handlers who exist when they are filed;
        a demo with no handler yet gets one, its password shown here once."""
        readers = User.objects.filter(
            is_active=True, public_key__isnull=False, grants__role=Role.HANDLER
        )
        if readers.exists():
            return

        password = secrets.token_urlsafe(12)
        user = User.objects.create(username=DEMO_HANDLER, display_name="Penangan Demo")
        user.set_password(password)
        user.store_pair(keypairs.new_locked_pair(password))
        user.save()
        RoleGrant.objects.create(
            user=user, role=Role.HANDLER, confirmed_at=timezone.now()
        )
        user.teams.add(*Team.objects.filter(is_alternate=False))
        self.stdout.write(f"Demo handler: {DEMO_HANDLER}  password {password}")


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
