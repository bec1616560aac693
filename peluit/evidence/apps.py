from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "peluit.evidence"
    label = "evidence"
