#!/usr/bin/env python3
"""Build rules/attribution/first_names.txt.gz, the first-name table NL201 reads.

Source: the US Social Security Administration's public-domain counts of first
names given at birth, 1880-2023, summed by sex into one CSV with the columns
``name,male,female`` (``../shared/data/us_ssa_first_names_1880_2023.csv`` next
to the repository; pass another path as the first argument).

A name counts as a man's (``m``) or a woman's (``f``) name only when

* at least ``MIN_TOTAL`` people were given it, and
* at least ``MIN_SHARE`` of them were of one sex,

and it is not in ``VARIES_BY_COUNTRY``: names whose usual gender differs between
countries (Andrea and Nicola are men's names in Italy, Jean in France, Sasha and
Nikita in Russia, Jan in the Netherlands and Poland...).  Every other name with
enough occurrences is listed as ``u`` (a first name, gender unknown), which
tells newslint that a capitalised word is probably a person's first name without
saying anything about the person's gender.

The output is three lines of space-separated lower-case names (``m: ...``,
``f: ...``, ``u: ...``) after a comment header, gzip-compressed; loading it is
three ``str.split`` calls.

Run from the repository root::

    python scripts/build_first_names.py [path/to/us_ssa_first_names_1880_2023.csv]
"""

from __future__ import annotations

import csv
import gzip
import sys
from pathlib import Path

MIN_TOTAL = 200
MIN_SHARE = 0.95

#: Names whose gender differs by country or language (checked by hand); they are
#: listed as "u" whatever the US counts say.
VARIES_BY_COUNTRY = frozenset(
    """andrea nicola jean sasha sacha nikita misha kim jan simone gabriele daniele
    michele emanuele raffaele gioele karen maria toni ira yuri valery valeri
    laurence dominique claude camille marion rene renee noa noah luca eden joan
    hilary evelyn vivian carol carmen ariel gal yael shai kiran jia yu xin li
    min ji jun hyun young eun sung andrei dana dani lior nour nur aviv ali
    sami rosario mattia elia nicolae""".split()
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "us_ssa_first_names_1880_2023.csv"
OUTPUT = ROOT / "rules" / "attribution" / "first_names.txt.gz"


def build(source: Path) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {"m": [], "f": [], "u": []}
    with source.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name = row["name"].strip().lower()
            male, female = int(row["male"]), int(row["female"])
            total = male + female
            if not name or total < MIN_TOTAL:
                continue
            if name in VARIES_BY_COUNTRY:
                table["u"].append(name)
            elif male / total >= MIN_SHARE:
                table["m"].append(name)
            elif female / total >= MIN_SHARE:
                table["f"].append(name)
            else:
                table["u"].append(name)
    for names in table.values():
        names.sort()
    return table


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    if not source.exists():
        print(f"error: {source} not found", file=sys.stderr)
        return 2
    table = build(source)
    header = (
        "# newslint first-name table (NL201 pronoun-mismatch).\n"
        f"# Derived from the US SSA first-name counts 1880-2023 by scripts/build_first_names.py:\n"
        f"# m/f = at least {MIN_TOTAL} births and {MIN_SHARE:.0%} of one sex; u = a first name\n"
        "# without a clear gender (or one that differs by country).\n"
    )
    body = "".join(f"{k}: {' '.join(v)}\n" for k, v in table.items())
    OUTPUT.write_bytes(gzip.compress((header + body).encode("utf-8"), mtime=0))
    print(f"{OUTPUT.relative_to(ROOT)}: " + ", ".join(f"{len(v)} {k}" for k, v in table.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
