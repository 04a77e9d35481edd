#!/usr/bin/env python3
"""Add texts to both resource files at once (ADR 0036).

Usage: scripts/add-texts.py FILE.json   where FILE holds {"Area.Key": ["English", "中文"], ...}
       scripts/add-texts.py -            reads the same from standard input

Refuses a key that is already in either file, so two people cannot give one key two meanings.
Texts are XML-escaped here; write them as they should read, with {0}-style placeholders.
"""
import json
import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent / "src" / "CrisisCoord.Application" / "Localization"
FILES = [ROOT / "Texts.resx", ROOT / "Texts.zh-CN.resx"]


def main() -> int:
    source = sys.stdin if sys.argv[1:] == ["-"] else open(sys.argv[1], encoding="utf-8")
    entries = json.load(source)
    texts = [f.read_text(encoding="utf-8") for f in FILES]
    existing = set(re.findall(r'<data name="([^"]+)"', texts[0])) | set(re.findall(r'<data name="([^"]+)"', texts[1]))
    clashes = sorted(k for k in entries if k in existing)
    if clashes:
        print("already there: " + ", ".join(clashes), file=sys.stderr)
        return 1
    for index, path in enumerate(FILES):
        block = "".join(
            f'  <data name="{escape(key, {chr(34): "&quot;"})}" xml:space="preserve">\n    <value>{escape(pair[index])}</value>\n  </data>\n'
            for key, pair in entries.items())
        path.write_text(texts[index].replace("</root>", block + "</root>"), encoding="utf-8")
    print(f"added {len(entries)} texts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
