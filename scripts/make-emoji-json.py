#!/usr/bin/env python3
"""Writes assets/emoji.json, the emoji picker's list, from Unicode's data.

Sources (Debian packages unicode-data and unicode-cldr-core):
  /usr/share/unicode/emoji/emoji-test.txt                 groups, order, names
  /usr/share/unicode/cldr/common/annotations/en.xml       English keywords
Both are Unicode data files under the Unicode License (Unicode, Inc.,
https://www.unicode.org/license.txt); the generated asset carries that notice.

Kept: fully-qualified emoji without a skin tone, in Unicode's order, grouped
as Unicode groups them (the "Component" group is left out). An emoji that takes
a skin tone by inserting the modifier after its first code point (dropping a
VS16 there) is marked "t": 1; the picker applies the tone that way.

Run after a Unicode update:  python3 scripts/make-emoji-json.py > assets/emoji.json
"""
import json
import re
import sys
import xml.etree.ElementTree as ET

TEST = "/usr/share/unicode/emoji/emoji-test.txt"
CLDR = "/usr/share/unicode/cldr/common/annotations/en.xml"
TONES = [chr(c) for c in range(0x1F3FB, 0x1F400)]


def toned(base, tone):
    first, rest = base[0], base[1:]
    if rest.startswith("\ufe0f"):
        rest = rest[1:]
    return first + tone + rest


def main():
    version = ""
    groups = []  # [name, [[chars, name, keywords, tones]]]
    qualified = set()
    rows = []
    group = None
    with open(TEST, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"# Version: (\S+)", line)
            if m:
                version = m.group(1)
            m = re.match(r"# group: (.+)", line)
            if m:
                group = m.group(1).strip()
                continue
            if not line.strip() or line.startswith("#"):
                continue
            codes, rest = line.split(";", 1)
            status, comment = rest.split("#", 1)
            if status.strip() != "fully-qualified":
                continue
            chars = "".join(chr(int(c, 16)) for c in codes.split())
            name = re.sub(r"^\S+ E\d+\.\d+ ", "", comment.strip())
            qualified.add(chars)
            rows.append((group, chars, name))

    keywords = {}
    for a in ET.parse(CLDR).getroot().iter("annotation"):
        if a.get("type") == "tts":
            continue
        keywords[a.get("cp")] = [k.strip() for k in (a.text or "").split("|") if k.strip()]

    by_group = {}
    for group, chars, name in rows:
        if group == "Component" or any(t in chars for t in TONES):
            continue
        kw = keywords.get(chars) or keywords.get(chars.replace("\ufe0f", "")) or []
        kw = [k for k in kw if k != name]
        tones = all(toned(chars, t) in qualified for t in TONES)
        if group not in by_group:
            by_group[group] = []
            groups.append([group, by_group[group]])
        by_group[group].append([chars, name, " | ".join(kw), 1 if tones else 0])

    out = sys.stdout
    out.write('{"format": "hearth-emoji", "version": 1,\n')
    out.write(' "source": ' + json.dumps("Unicode emoji-test.txt " + version + ", CLDR English annotations") + ",\n")
    out.write(' "license": "Unicode data, Copyright (c) Unicode, Inc.; Unicode License: https://www.unicode.org/license.txt",\n')
    out.write(' "fields": ["emoji", "name", "keywords", "takes a skin tone"],\n')
    out.write(' "groups": [\n')
    for gi, (gname, items) in enumerate(groups):
        out.write('  {"name": ' + json.dumps(gname) + ', "emoji": [\n')
        for ii, item in enumerate(items):
            out.write("   " + json.dumps(item, ensure_ascii=False) + ("," if ii + 1 < len(items) else "") + "\n")
        out.write("  ]}" + ("," if gi + 1 < len(groups) else "") + "\n")
    out.write(" ]}\n")


if __name__ == "__main__":
    main()
