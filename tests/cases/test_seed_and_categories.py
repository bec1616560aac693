from django.core.management import call_command

from peluit.cases.content import open_report
from peluit.cases.models import Case, Category

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


def test_the_default_categories_are_installed_with_english_names(db):
    names = list(Category.objects.values_list("name_id", flat=True))

    assert names == REQUIRED  # in this order, "lainnya" last
    assert Category.objects.get(name_id="suap").name_en == "Bribery"


def test_the_seed_command_files_every_sample_with_its_evidence(db, samples, capsys):
    call_command("seed_samples")

    output = capsys.readouterr().out
    assert Case.objects.count() == len(samples)
    assert output.count("receipt") == len(samples)
    titles = {open_report(case).title for case in Case.objects.all()}
    assert titles == {sample["title"] for sample in samples}
    expected_files = sum(len(sample["evidence"]) for sample in samples)
    assert (
        sum(case.attachments.count() for case in Case.objects.all()) == expected_files
    )
