from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "peluit.staff"
    label = "staff"
