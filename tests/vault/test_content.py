import pytest

from peluit.vault import content


def test_sealed_content_opens_only_with_its_case_key():
    key = content.new_case_key()
    blob = content.seal(key, {"what": "Suap Rp 2.500.000 🙏"})

    assert content.unseal(key, blob) == {"what": "Suap Rp 2.500.000 🙏"}
    with pytest.raises(content.ContentUnavailable):
        content.unseal(content.new_case_key(), blob)
