from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "peluit.notifications"
    label = "notifications"
