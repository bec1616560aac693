from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "peluit.audit"
    label = "audit"
