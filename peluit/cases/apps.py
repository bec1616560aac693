from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "peluit.cases"
    label = "cases"
