#!/usr/bin/env python3
"""Derive the data files the spelling rules (NL101-NL104) ship in rules/spelling/.

Run from the repository root after installing the SCOWL word lists that Debian
packages (``apt-get install wamerican wbritish wamerican-large wbritish-large``)::

    .venv/bin/python scripts/derive_spelling_data.py [--ssa PATH]

It writes:

``english_words.txt.gz``
    Every lower-case entry of the American and British SCOWL lists (normal and
    large sizes): "is this an ordinary English word?".  NL101 uses it to tell a
    name from a common word (Mr Brown / brown); NL103 uses it to drop dictionary
    entries whose "misspelling" is itself a word.

``dialect_pairs.csv``
    British/American spelling pairs (colour/color, organise/organize, ...).  A
    candidate pair comes from spelling rules applied to the SCOWL lists
    (-our/-or, -ise/-ize, -yse/-yze, -re/-er, -ll-/-l-, ae/e, oe/e, -ogue/-og,
    -ence/-ense), from a short list of irregular pairs written here, and, when
    codespell is installed, from its en-GB to en-US list.  Every pair is then
    checked against the word lists: a form only counts as a *marker* of its
    dialect when the other dialect's list does not contain it (so "program",
    "tire", "meter", "license", "practice", "check" never count as American:
    British English uses them too).

``known_names.txt.gz``
    The capitalised entries of the same lists (Preston, Johnston, Khomeini,
    Colombia): established names.  NL101 does not take two such names for one
    name spelled two ways without evidence that they are (the same first name
    before both, or the same surname after both).

``first_names.txt``
    First names given to at least MIN_FIRST_NAME babies in the US Social
    Security Administration's public-domain counts (1880-2023).  NL101 treats
    two close spellings that are both common first names (Brian/Bryan,
    Philip/Phillip) as different people unless the same surname follows both.

SCOWL: Copyright 2000-2011 by Kevin Atkinson; permission to use, copy, modify,
distribute and sell the word lists and output created from them is granted
without fee (see /usr/share/doc/wbritish/copyright).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import importlib.util
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "rules" / "spelling"
DICT = Path("/usr/share/dict")
DEFAULT_SSA = ROOT.parent / "shared" / "data" / "us_ssa_first_names_1880_2023.csv"
MIN_FIRST_NAME = 1000

# Irregular pairs (British, American): facts from any dictionary.  Inflected
# forms are generated below and kept only when the word lists know them.
IRREGULAR = """
grey gray
plough plow
mould mold
moult molt
smoulder smolder
moustache mustache
pyjamas pajamas
aluminium aluminum
jewellery jewelry
sceptic skeptic
sceptical skeptical
scepticism skepticism
cosy cozy
aeroplane airplane
titbit tidbit
doughnut donut
yoghurt yogurt
artefact artifact
liquorice licorice
omelette omelet
behove behoove
manoeuvre maneuver
manoeuvred maneuvered
manoeuvring maneuvering
manoeuvrable maneuverable
kerosene kerosine
storeys stories
maths math
mum mom
""".split("\n")

# Never markers, whatever the word lists say: the "American" form is also
# British English with another meaning (or the pair differs in meaning).
TRAPS = {
    "program", "programs", "programmed", "programming", "programmer",
    "tire", "tires", "tired", "tiring",
    "check", "checks", "checked", "checker", "checkers", "checkered",
    "curb", "curbs", "curbed",
    "draft", "drafts", "drafted", "drafty",
    "story", "stories",
    "meter", "meters",
    "disk", "disks",
    "analog", "dialog", "dialogs",
    "license", "licensed", "licenses", "licensing",
    "practice", "practiced", "practices", "practicing",
    "whiskey", "ton", "tons",
    "inquiry", "inquiries", "inquire",
    "mom", "moms", "math",  # quoted American speech, brand names ("Mom's Kitchen")
    "install", "installs",
    "annex", "annexes",
    "vise", "gage",
    "specialty",
    "sulfur",
    "fetus", "fetuses",
    "ax",
    "pedal", "pedaled",
    "ameba",
    "routing",
    "tumor", "tumors",  # tumour/tumor both common in British medical writing
    "specialties",
    "sulfate", "sulfates", "sulfide", "sulfides", "sulfuric", "sulfurous",  # IUPAC spelling
}

KIND_ORDER = ("our", "ise", "yse", "re", "l", "ae", "oe", "ogue", "ence", "other")


def read_words(name: str) -> set[str]:
    path = DICT / name
    if not path.exists():
        sys.exit(f"{path} is missing: apt-get install wamerican wbritish wamerican-large wbritish-large")
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        w = line.strip()
        if w and "'" not in w:
            out.add(w)
    return out


def lower_only(words: set[str]) -> set[str]:
    return {w for w in words if w[:1].islower()}


def us_candidates(us: str) -> set[tuple[str, str]]:
    """British candidates for an American form, with the rule that made them."""
    out: set[tuple[str, str]] = set()
    # -or -> -our
    for m in re.finditer(r"or(?!u)", us):
        if m.start() > 0:
            out.add((us[: m.start()] + "our" + us[m.end():], "our"))
    if "iz" in us:
        out.add((us.replace("iz", "is"), "ise"))
    if "yz" in us:
        out.add((us.replace("yz", "ys"), "yse"))
    m = re.search(r"([bcdgrtv])er(s|ed|ing)?$", us)
    if m:
        tail = m.group(2) or ""
        if tail == "ing":
            out.add((us[: m.start(1) + 1] + "ring", "re"))
        elif tail == "ed":
            out.add((us[: m.start(1) + 1] + "red", "re"))
        else:
            out.add((us[: m.start(1) + 1] + "re" + tail, "re"))
    m = re.search(r"([aeiou])l(ed|ing|er|ers|ation|ations|ous|y)$", us)
    if m:
        out.add((us[: m.end(1)] + "ll" + us[m.end(1) + 1:], "l"))
    for m in re.finditer(r"ll", us):
        out.add((us[: m.start()] + "l" + us[m.end():], "l"))
    for m in re.finditer(r"(?<=[^aeiou])e(?=[^aeious])|(?:(?<=rrh)|(?<=pn))e(?=a)", us):
        if m.end() >= len(us) - 1:  # not an inflection ending (snowshed/snowshoed)
            continue
        out.add((us[: m.start()] + "ae" + us[m.start() + 1:], "ae"))
        out.add((us[: m.start()] + "oe" + us[m.start() + 1:], "oe"))
    m = re.search(r"og(s)?$", us)
    if m:
        out.add((us[: m.start()] + "ogue" + (m.group(1) or ""), "ogue"))
    m = re.search(r"ense(s|d)?$", us)
    if m:
        out.add((us[: m.start()] + "ence" + (m.group(1) or ""), "ence"))
    return out


def inflections(word: str) -> list[str]:
    forms = [word, word + "s", word + "es", word + "ed", word + "d", word + "ing", word + "er",
             word + "ers", word + "ly", word + "ier", word + "iest", word + "y", word + "ic",
             word + "ical", word + "ism", word + "ist", word + "ists"]
    if word.endswith("e"):
        forms += [word[:-1] + "ing", word[:-1] + "ed"]
    if word.endswith("y"):
        forms += [word[:-1] + "ies", word[:-1] + "ier", word[:-1] + "iest", word[:-1] + "ied"]
    return forms


def codespell_pairs() -> list[tuple[str, str]]:
    spec = importlib.util.find_spec("codespell_lib")
    if spec is None or not spec.submodule_search_locations:
        return []
    path = Path(list(spec.submodule_search_locations)[0]) / "data" / "dictionary_en-GB_to_en-US.txt"
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "->" not in line:
            continue
        gb, us = line.split("->", 1)
        us = us.split(",")[0].strip()
        if gb and us and "," not in line:
            out.append((gb.strip(), us))
    return out


def kind_of(gb: str, us: str) -> str:
    if re.search(r"i[sz](e|ed|es|ing|ation|ations|er|ers|able)?$", gb) and gb.replace("is", "iz") == us:
        return "ise"
    if "ys" in gb and gb.replace("ys", "yz") == us:
        return "yse"
    if "our" in gb and gb.replace("our", "or") == us:
        return "our"
    if "ogue" in gb and gb.replace("ogue", "og") == us:
        return "ogue"
    if "ence" in gb and gb.replace("ence", "ense") == us:
        return "ence"
    if gb.replace("ll", "l") == us or us.replace("ll", "l") == gb:
        return "l"
    if "ae" in gb and gb.replace("ae", "e") == us:
        return "ae"
    if "oe" in gb and gb.replace("oe", "e") == us:
        return "oe"
    if re.search(r"re(s|d)?$|ring$", gb):
        return "re"
    return "other"


def _write_gz(path: Path, lines: list[str]) -> None:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with open(path, "wb") as raw:  # mtime=0: the same input gives the same file
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
            gz.write(data)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ssa", type=Path, default=DEFAULT_SSA, help="SSA first-name counts (name,male,female)")
    ap.add_argument("--out", type=Path, default=OUT, help="where to write (default: rules/spelling)")
    args = ap.parse_args()
    out = args.out
    out.mkdir(parents=True, exist_ok=True)

    us_n = read_words("american-english")
    gb_n = read_words("british-english")
    us_l = read_words("american-english-large")
    gb_l = read_words("british-english-large")

    # 1. English words
    english = sorted(lower_only(us_n | gb_n | us_l | gb_l))
    _write_gz(out / "english_words.txt.gz", english)
    print(f"english_words.txt.gz: {len(english)} words")
    known = sorted({w for w in us_n | gb_n | us_l | gb_l if w[:1].isupper() and not w.isupper()})
    _write_gz(out / "known_names.txt.gz", known)
    print(f"known_names.txt.gz: {len(known)} names")

    # 2. dialect pairs
    def us_marker(w: str) -> bool:
        return w in us_l and w not in gb_l and w not in TRAPS

    def gb_marker(w: str) -> bool:
        return w in gb_l and w not in us_l and w not in TRAPS

    pairs: dict[tuple[str, str], str] = {}
    us_only = sorted(w for w in lower_only(us_l) if w not in gb_l)
    for us in us_only:
        first = us_candidates(us)
        # two rules at once (maneuver -> manoeuvre: e -> oe and er -> re)
        second = {(g2, r) for g, r in first for g2, _ in us_candidates(g)}
        for gb, rule in sorted(first | second):
            if gb in gb_l and gb != us:
                pairs.setdefault((gb, us), rule)
    for line in IRREGULAR:
        if not line.strip():
            continue
        gb, us = line.split()
        for g, u in zip(inflections(gb), inflections(us)):
            if g in gb_l and u in us_l:
                pairs.setdefault((g, u), "other")
    for gb, us in codespell_pairs():
        if gb in gb_l and us in us_l:
            pairs.setdefault((gb, us), kind_of(gb, us))

    rows = []
    for (gb, us), rule in pairs.items():
        gm, um = gb_marker(gb), us_marker(us)
        if not (gm or um):
            continue
        # everyday words only: both forms in the normal-size lists
        if gb not in gb_n or us not in us_n or min(len(gb), len(us)) < 4:
            continue
        if gb in TRAPS or us in TRAPS:
            continue
        kind = kind_of(gb, us)
        if kind == "other" and rule != "other":
            kind = rule
        rows.append((gb, us, int(gm), int(um), kind))
    # one British form may pair with several American ones and vice versa; keep
    # the pair whose forms are closest (the same rule family)
    rows.sort(key=lambda r: (r[0], r[1]))
    with open(out / "dialect_pairs.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["british", "american", "british_marker", "american_marker", "kind"])
        w.writerows(rows)
    print(f"dialect_pairs.csv: {len(rows)} pairs")

    # 3. first names
    if args.ssa.exists():
        names = []
        with open(args.ssa, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if int(row["male"]) + int(row["female"]) >= MIN_FIRST_NAME:
                    names.append(row["name"])
        names.sort()
        (out / "first_names.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
        print(f"first_names.txt: {len(names)} names")
    else:
        print(f"{args.ssa} not found; first_names.txt left as it is")


if __name__ == "__main__":
    main()
