from django.apps import AppConfig


class ReporterConfig(AppConfig):
    name = "peluit.reporter"
    label = "reporter"
