"""The two receiving teams a city starts with, and the rules between them.

Reports go to the Inspektorat, except those about the Inspektorat itself
or the head of the region, which go to the alternate team only. Handlers
and supervisors who exist already join the Inspektorat team.
"""

from django.db import migrations

MAIN_TEAM = "Inspektorat"
ALTERNATE_TEAM = "Tim Alternatif"


def add_defaults(apps, schema_editor):
    Team = apps.get_model("routing", "Team")
    Rule = apps.get_model("routing", "Rule")
    RoleGrant = apps.get_model("accounts", "RoleGrant")

    main, _ = Team.objects.get_or_create(
        name=MAIN_TEAM, defaults={"is_alternate": False}
    )
    alternate, _ = Team.objects.get_or_create(
        name=ALTERNATE_TEAM, defaults={"is_alternate": True}
    )
    Rule.objects.get_or_create(
        concerns="other",
        defaults={"team": main, "legal_advisors_join_at": "investigasi"},
    )
    for concerns in ("inspectorate", "regional_head"):
        Rule.objects.get_or_create(
            concerns=concerns,
            defaults={"team": alternate, "legal_advisors_join_at": "investigasi"},
        )

    readers = RoleGrant.objects.filter(role__in=["handler", "supervisor"]).values_list(
        "user_id", flat=True
    )
    main.members.add(*set(readers))


class Migration(migrations.Migration):
    dependencies = [
        ("routing", "0001_teams_rules_alerts"),
        ("accounts", "0004_more_staff_roles"),
    ]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
