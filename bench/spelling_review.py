"""The review of the spelling family's findings on the corpus.

``bench/spelling_review.tsv`` lists every NL1xx finding on ../shared/corpus/bbc
that has been looked at, one a line: file name, code, flagged text, verdict
(``genuine``: a real slip in the copy; ``false``: newslint was wrong) and a note.
A finding the table does not list is ``unreviewed``.  Both benches read the table
through this module: bench/bench_spelling_recall.py, which prints every finding
with its verdict, and bench/run.py, which counts only the findings not reviewed
as genuine against the false-finding budget.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

REVIEW = Path(__file__).resolve().parent / "spelling_review.tsv"
GENUINE, FALSE, UNREVIEWED = "genuine", "false", "unreviewed"


def load_review(path: Path = REVIEW) -> dict[tuple[str, str, str], str]:
    """(file name, code, flagged text) -> verdict ("genuine" or "false"), from the
    review file beside this bench."""
    out: dict[tuple[str, str, str], str] = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                name, code, flagged, verdict = line.split("\t")[:4]
                out[(name, code, flagged)] = verdict
    return out


def verdict_of(review: Mapping[tuple[str, str, str], str], path: str, code: str, flagged: str | None) -> str:
    """The verdict on a finding at ``path`` (only its file name counts), or
    ``unreviewed`` when the table does not list it."""
    return review.get((Path(path).name, code, flagged or ""), UNREVIEWED)


def count_verdicts(verdicts: Iterable[str]) -> dict[str, int]:
    """How many findings are genuine, false and unreviewed."""
    counts = Counter(verdicts)
    return {v: counts[v] for v in (GENUINE, FALSE, UNREVIEWED)}
