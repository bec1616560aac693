"""The single "selesai" status became four outcomes. No deployment had a
closed case yet; any that exists is mapped to "not enough evidence", the
outcome that claims least."""

from django.db import migrations


def split_closed(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    Event = apps.get_model("cases", "Event")
    Case.objects.filter(status="selesai").update(status="selesai-tidak-cukup-bukti")
    Event.objects.filter(to_status="selesai").update(
        to_status="selesai-tidak-cukup-bukti"
    )
    Event.objects.filter(from_status="selesai").update(
        from_status="selesai-tidak-cukup-bukti"
    )


class Migration(migrations.Migration):
    dependencies = [("cases", "0004_routing_workflow_exclusions")]

    operations = [migrations.RunPython(split_closed, migrations.RunPython.noop)]
