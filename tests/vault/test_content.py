import pytest

from peluit.vault import content


def test_sealed_content_opens_only_with_its_case_key():
    key = content.new_case_key()
    blob = content.seal(key, {"what": "Suap Rp 2.500.000 🙏"})

    assert content.unseal(key, blob) == {"what": "Suap Rp 2.500.000 🙏"}
    with pytest.raises(content.ContentUnavailable):
        content.unseal(content.new_case_key(), blob)


def test_a_wrapped_case_key_needs_the_vault_key(settings):
    key = content.new_case_key()
    wrapped = content.wrap_case_key(key)
    assert content.unwrap_case_key(wrapped) == key

    from peluit.vault import keys

    keys._master.cache_clear()
    settings.PELUIT_VAULT_KEY = "ab" * 32
    try:
        with pytest.raises(content.ContentUnavailable):
            content.unwrap_case_key(wrapped)
    finally:
        keys._master.cache_clear()
