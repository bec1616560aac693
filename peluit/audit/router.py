"""Sends the access trail to its own database, and nothing else there."""

_AUDIT = "audit"


class AuditRouter:
    def db_for_read(self, model, **hints):
        return _AUDIT if model._meta.app_label == _AUDIT else None

    def db_for_write(self, model, **hints):
        return _AUDIT if model._meta.app_label == _AUDIT else None

    def allow_relation(self, first, second, **hints):
        if _AUDIT in (first._meta.app_label, second._meta.app_label):
            return first._meta.app_label == second._meta.app_label
        return None

    def allow_migrate(self, db, app_label, **hints):
        if app_label == _AUDIT:
            return db == _AUDIT
        return db != _AUDIT
