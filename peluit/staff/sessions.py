"""Staff sessions whose keys are stored only as hashes.

Django stores a session's key as it is, and that key is the session
cookie: anyone who can read the sessions table -- a backup, a replica, a
read-only SQL injection -- could sign in as any staff member, an
administrator included. Here the table holds a hash of the key; the
cookie stays the only place the key itself exists.
"""

import hashlib

from django.contrib.sessions.backends import db


def stored_key(session_key: str) -> str:
    # 20 bytes fit the 40-character column; the key itself is 32 random
    # characters, so an unkeyed hash leaves nothing to guess.
    return hashlib.blake2b(session_key.encode(), digest_size=20).hexdigest()


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        original = self._session_key
        if original is None:
            return None
        self._session_key = stored_key(original)
        try:
            # Private in Django and missing from django-stubs.
            found = super()._get_session_from_db()  # type: ignore[misc]
        finally:
            if self._session_key is not None:
                self._session_key = original
        return found

    def exists(self, session_key):
        return super().exists(stored_key(session_key))

    def create_model_instance(self, data):
        instance = super().create_model_instance(data)
        instance.session_key = stored_key(instance.session_key)
        return instance

    def delete(self, session_key=None):
        if session_key is None:
            if self.session_key is None:
                return
            session_key = self.session_key
        super().delete(stored_key(session_key))
