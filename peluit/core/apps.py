from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "peluit.core"
    label = "core"
