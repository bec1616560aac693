from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "peluit.accounts"
    label = "accounts"
