#!/usr/bin/env python3
"""Build newslint/analysis/people/first_names.txt.gz, the first-name table NL201 reads.

Source: the US Social Security Administration's public-domain counts of first
names given at birth, 1880-2023, summed by sex into one CSV with the columns
``name,male,female`` (``../shared/data/us_ssa_first_names_1880_2023.csv`` next
to the repository; pass another path as the first argument).

A name counts as a man's (``m``) or a woman's (``f``) name only when

* at least ``MIN_TOTAL`` people were given it, and
* at least ``MIN_SHARE`` of them were of one sex,

and it is not in ``VARIES_BY_COUNTRY``: names whose usual gender differs between
countries (Andrea and Nicola are men's names in Italy, Jean and Jocelyn in France,
Sasha and Nikita in Russia, Marian in Slovakia and Poland, Lindsay and Ashley in
Britain, Ola in Norway...).  The list is judgement, not data: it holds names a
news story is likely to give a man (or woman) whom the US records would call the
other sex.  Names kept on purpose: Shirley and Beverley, whose use for men in
Britain is old and rare, and short forms such as Alex and Sam, which have a
clear majority in the records.  Every other name with
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
#: listed as "u" whatever the US counts say.  Newsrooms outside the US quote
#: people from everywhere, and a name that is a woman's in the US records but a
#: man's elsewhere is exactly what makes "he said" look wrong when it is right.
#: Each group below says where the name is used for the other sex:
VARIES_BY_COUNTRY = frozenset(
    # Italian men's names that are women's names in English or elsewhere
    """andrea nicola simone gabriele daniele michele emanuele raffaele gioele mattia
    elia luca rosario"""
    # French men's names (Jean-Claude, Jocelyn Gourvennec) and French unisex names
    """ jean jocelyn laurence dominique claude camille marion rene renee"""
    # Slavic and Russian men's names and short forms (Sasha, Valery Gergiev,
    # Marian Hossa); Nikita and Misha are men in Russia, women in the US
    """ sasha sacha nikita misha yuri valery valeri andrei marian"""
    # British and Irish men's names that became mostly women's names in the US
    # and later in Britain (Lindsay Hoyle, Lindsey Graham, Ashley Cole, Ainsley
    # Harriott, Hilary Benn, Laurie Lee, Evelyn Waugh, Vivian Richards, Courtney
    # Walsh and Courtney Lawes, Tracy Morgan)
    """ lindsay lindsey ashley ainsley hilary hillary laurie evelyn vivian courtney tracy"""
    # Catalan Joan, Polish and Czech Karol/Carol, Iberian and German compound
    # men's names (José Maria, Rainer Maria), Armenian Karen, Romanian Toni
    """ joan carol carmen maria karen toni nicolae"""
    # Scandinavian men's names that are women's names elsewhere (Ola, Inge),
    # Dutch and Polish Jan, Georgian Nika and Gia, Korean and Scandinavian Kim
    """ ola inge jan nika gia kim"""
    # Hebrew, Arabic and South Asian names used for both sexes, or for the
    # other sex than in the US (Rana, Jyoti, Chandra, Kiran, Lakshmi Mittal)
    """ noa noah eden ariel gal yael shai lior aviv dana dani nour nur ali sami
    ira rana jyoti chandra kiran lakshmi"""
    # Chinese, Korean and Japanese given names, romanised without their tones
    # or characters (the same spelling stands for several names)
    """ jia yu xin li min ji jun hyun young eun sung""".split()
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "us_ssa_first_names_1880_2023.csv"
OUTPUT = ROOT / "newslint" / "analysis" / "people" / "first_names.txt.gz"


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
    write_table(OUTPUT, header, table)
    return 0


def write_table(output: Path, header: str, table: dict[str, list[str]]) -> None:
    """Write ``table`` (``m``/``f``/``u`` -> names) as the gzip file newslint reads:
    ``header`` (comment lines), then one ``key: names...`` line per key."""
    body = "".join(f"{k}: {' '.join(v)}\n" for k, v in table.items())
    output.write_bytes(gzip.compress((header + body).encode("utf-8"), mtime=0))
    print(f"{output.relative_to(ROOT)}: " + ", ".join(f"{len(v)} {k}" for k, v in table.items()))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
