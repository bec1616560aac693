import re

from django.core.management import call_command
from django.urls import reverse

from peluit.accounts.models import User
from peluit.cases.content import open_report
from peluit.cases.intake import find_by_receipt
from peluit.cases.keys import open_for_reporter
from peluit.cases.models import Case, Category
from tests.conftest import signed_in

REQUIRED = [
    "suap",
    "gratifikasi",
    "pungutan liar",
    "pengadaan barang/jasa",
    "penggelapan/penyalahgunaan anggaran",
    "penyalahgunaan wewenang",
    "benturan kepentingan",
    "perjalanan dinas fiktif",
    "lainnya",
]


def test_the_seed_command_creates_a_demo_handler_who_can_read_the_samples(db, capsys):
    call_command("seed_samples")

    password = re.search(r"password (\S+)", capsys.readouterr().out).group(1)
    handler = User.objects.get(username="penangan.demo")
    client = signed_in(handler, password)
    assert client.get(reverse("staff:inbox")).content.decode().count("/kasus/") == 6


def _report(receipt: str):
    opened = find_by_receipt(receipt)
    return open_report(opened.case, open_for_reporter(opened.case, opened.reporter_key))


def test_the_default_categories_are_installed_with_english_names(db):
    names = list(Category.objects.values_list("name_id", flat=True))

    assert names == REQUIRED  # in this order, "lainnya" last
    assert Category.objects.get(name_id="suap").name_en == "Bribery"


def test_the_seed_command_files_every_sample_with_its_evidence(db, samples, capsys):
    call_command("seed_samples")

    output = capsys.readouterr().out
    assert Case.objects.count() == len(samples)
    receipts = re.findall(r"receipt (\d{16})", output)
    assert len(receipts) == len(samples)
    titles = {_report(receipt).title for receipt in receipts}
    assert titles == {sample["title"] for sample in samples}
    expected_files = sum(len(sample["evidence"]) for sample in samples)
    assert (
        sum(case.attachments.count() for case in Case.objects.all()) == expected_files
    )
