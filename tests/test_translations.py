"""The German catalogue is complete and its compiled form matches it."""

import ast
import re
from pathlib import Path

from django.conf import settings
from django.utils import translation

PO_FILE = Path(settings.BASE_DIR) / "locale" / "de" / "LC_MESSAGES" / "django.po"


def catalogue_entries():
    """(context, msgid, msgstr) for each entry of the .po file; msgstr[0] stands in for plurals."""
    entries, entry, key = [], {}, None
    for line in PO_FILE.read_text(encoding="utf-8").splitlines() + [""]:
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


def test_every_message_is_translated_and_none_is_fuzzy():
    entries = catalogue_entries()
    assert len(entries) > 80
    assert [msgid for _, msgid, msgstr, fuzzy in entries if not msgstr or fuzzy] == []


def test_compiled_catalogue_matches_the_source():
    with translation.override("de"):
        for context, msgid, msgstr, _ in catalogue_entries():
            if "%(" in msgid:
                continue
            translated = translation.pgettext(context, msgid) if context else translation.gettext(msgid)
            assert translated == msgstr, msgid
