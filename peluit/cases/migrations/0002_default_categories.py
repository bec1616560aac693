"""The categories Indonesian anti-corruption channels commonly use.

Administrators can rename, reorder or retire them afterwards.
"""

from django.db import migrations

DEFAULT_CATEGORIES = [
    ("suap", "Bribery"),
    ("gratifikasi", "Gratuities (gratifikasi)"),
    ("pungutan liar", "Illegal levies (pungutan liar)"),
    ("pengadaan barang/jasa", "Procurement of goods and services"),
    ("penggelapan/penyalahgunaan anggaran", "Embezzlement or misuse of budget"),
    ("penyalahgunaan wewenang", "Abuse of authority"),
    ("benturan kepentingan", "Conflict of interest"),
    ("perjalanan dinas fiktif", "Fictitious official travel"),
    ("lainnya", "Other"),
]


def add_defaults(apps, schema_editor):
    Category = apps.get_model("cases", "Category")
    for position, (name_id, name_en) in enumerate(DEFAULT_CATEGORIES, start=1):
        Category.objects.get_or_create(
            name_id=name_id, defaults={"name_en": name_en, "position": position * 10}
        )


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_cases_messages_evidence_events")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
