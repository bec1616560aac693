from django.apps import AppConfig


class RoutingConfig(AppConfig):
    name = "peluit.routing"
    label = "routing"
