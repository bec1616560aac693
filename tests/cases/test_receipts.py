from peluit.cases import receipts


def test_it_generates_sixteen_digits():
    codes = {receipts.generate() for _ in range(200)}

    assert all(len(code) == 16 and code.isdigit() for code in codes)
    assert len(codes) == 200


def test_it_accepts_spaces_dashes_and_dots_between_groups():
    assert receipts.normalize("1234 5678 9012 3456") == "1234567890123456"
    assert receipts.normalize(" 1234-5678-9012-3456 ") == "1234567890123456"
    assert receipts.normalize("1234.5678.9012.3456") == "1234567890123456"


def test_it_refuses_wrong_lengths_letters_and_other_digits():
    assert receipts.normalize("123456789012345") is None
    assert receipts.normalize("12345678901234567") is None
    assert receipts.normalize("1234abcd90123456") is None
    assert receipts.normalize("١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦") is None  # Arabic-Indic digits
    assert receipts.normalize("") is None


def test_derivation_is_stable_and_separates_lookup_from_key():
    first = receipts.derive("1234567890123456")
    again = receipts.derive("1234567890123456")
    other = receipts.derive("1234567890123457")

    assert first == again
    assert first.lookup != other.lookup
    assert first.lookup != first.key


def test_derivation_depends_on_the_pepper(settings):
    before = receipts.derive("1234567890123456")
    settings.PELUIT_RECEIPT_PEPPER = "another-pepper"

    assert receipts.derive("1234567890123456").lookup != before.lookup
