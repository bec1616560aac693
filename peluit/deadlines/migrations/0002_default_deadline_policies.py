"""The deadlines common practice sets for whistleblowing channels: an
acknowledgement within seven days, a first substantive answer within thirty,
and word on the outcome within three months.

Administrators can change them afterwards, to follow their own regulation.
"""

from django.db import migrations

DEFAULT_POLICIES = [
    ("acknowledge", 7, "calendar_days"),
    ("first_feedback", 30, "calendar_days"),
    ("outcome", 3, "calendar_months"),
]


def add_defaults(apps, schema_editor):
    DeadlinePolicy = apps.get_model("deadlines", "DeadlinePolicy")
    for kind, amount, unit in DEFAULT_POLICIES:
        DeadlinePolicy.objects.get_or_create(
            kind=kind, defaults={"amount": amount, "unit": unit}
        )


class Migration(migrations.Migration):
    dependencies = [("deadlines", "0001_deadline_policies_and_extra_holidays")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
