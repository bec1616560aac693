"""Every word a person reads goes through translation, and the Indonesian
catalogue covers all of it."""

import gettext
import os
import re
import shutil
import subprocess
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "peluit"
CATALOG = PACKAGE / "locale" / "id" / "LC_MESSAGES"


def entries(po_text: str) -> list[dict]:
    """A small .po reader: enough to list msgids, msgstrs and flags."""
    found, current, field = [], None, None
    for line in [*po_text.splitlines(), ""]:
        if not line.strip():
            if current and current.get("msgid"):
                found.append(current)
            current, field = None, None
            continue
        current = current or {"flags": "", "msgid": "", "msgstr": []}
        if line.startswith("#,"):
            current["flags"] += line
        elif line.startswith("msgid "):
            field = "msgid"
            current["msgid"] = _quoted(line)
        elif line.startswith("msgid_plural"):
            field = "plural"
        elif line.startswith("msgstr"):
            field = "msgstr"
            current["msgstr"].append(_quoted(line))
        elif line.startswith('"') and field == "msgid":
            current["msgid"] += _quoted(line)
        elif line.startswith('"') and field == "msgstr":
            current["msgstr"][-1] += _quoted(line)
    return found


def _quoted(line: str) -> str:
    return line[line.index('"') + 1 : line.rindex('"')]


def test_every_indonesian_entry_is_translated_and_none_is_fuzzy():
    catalog = entries((CATALOG / "django.po").read_text())

    assert len(catalog) > 150
    untranslated = [e["msgid"] for e in catalog if not all(e["msgstr"])]
    fuzzy = [e["msgid"] for e in catalog if "fuzzy" in e["flags"]]
    assert untranslated == []
    assert fuzzy == []


def test_the_compiled_catalog_matches_the_source():
    catalog = entries((CATALOG / "django.po").read_text())
    with (CATALOG / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)

    singular = [e for e in catalog if len(e["msgstr"]) == 1]
    stale = [
        e["msgid"]
        for e in singular
        if compiled.gettext(_unescape(e["msgid"])) != _unescape(e["msgstr"][0])
    ]
    assert stale == []


def test_no_string_in_the_code_is_missing_from_the_catalog(tmp_path):
    copy = tmp_path / "peluit"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(
        [
            str(Path(__file__).resolve().parents[2] / ".venv" / "bin" / "django-admin"),
            "makemessages",
            "--locale",
            "id",
            "--no-location",
            "--no-obsolete",
        ],
        cwd=copy,
        env={k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
        check=True,
        capture_output=True,
    )

    fresh = {
        e["msgid"]
        for e in entries((copy / "locale/id/LC_MESSAGES/django.po").read_text())
    }
    committed = {e["msgid"] for e in entries((CATALOG / "django.po").read_text())}
    assert fresh - committed == set()


def _unescape(text: str) -> str:
    return re.sub(
        r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text
    )
