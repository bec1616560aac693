from django.apps import AppConfig


class VaultConfig(AppConfig):
    name = "peluit.vault"
    label = "vault"
