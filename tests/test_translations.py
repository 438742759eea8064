"""The German catalogues (templates and Python; the admin's scripts) are complete and their compiled forms match them."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

CATALOGUES = Path(settings.BASE_DIR) / "locale" / "de" / "LC_MESSAGES"
PO_FILE = CATALOGUES / "django.po"
JS_PO_FILE = CATALOGUES / "djangojs.po"


def catalogue_entries(po_file=PO_FILE):
    """(context, msgid, msgstr) for each entry of the .po file; msgstr[0] stands in for plurals."""
    entries, entry, key = [], {}, None
    for line in po_file.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if entry.get("msgid"):
                entries.append((entry.get("msgctxt"), entry["msgid"], entry.get("msgstr", entry.get("msgstr[0]", "")), entry.get("fuzzy", False)))
            entry, key = {}, None
        elif line.startswith("#,") and "fuzzy" in line:
            entry["fuzzy"] = True
        elif match := re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d\])?) (".*")$', line):
            key = match.group(1)
            entry[key] = ast.literal_eval(match.group(2))
        elif line.startswith('"') and key:
            entry[key] += ast.literal_eval(line)
    return entries


@pytest.mark.parametrize(("po_file", "at_least"), [(PO_FILE, 80), (JS_PO_FILE, 40)], ids=["django", "djangojs"])
def test_every_message_is_translated_and_none_is_fuzzy(po_file, at_least):
    entries = catalogue_entries(po_file)
    assert len(entries) > at_least
    assert [msgid for _, msgid, msgstr, fuzzy in entries if not msgstr or fuzzy] == []


def test_compiled_catalogue_matches_the_source():
    with translation.override("de"):
        for context, msgid, msgstr, _ in catalogue_entries():
            if "%(" in msgid:
                continue
            translated = translation.pgettext(context, msgid) if context else translation.gettext(msgid)
            assert translated == msgstr, msgid


def test_compiled_script_catalogue_matches_the_source():
    scripts = gettext.translation("djangojs", localedir=CATALOGUES.parents[1], languages=["de"])
    for _, msgid, msgstr, _ in catalogue_entries(JS_PO_FILE):
        assert scripts.gettext(msgid) == msgstr, msgid
