from django.apps import AppConfig


class DeadlinesConfig(AppConfig):
    name = "peluit.deadlines"
    label = "deadlines"
