"""The block-level check shared by NL301 (paragraphs) and NL303 (captions)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterator, Mapping

from newslint.analysis.similarity import (
    BODY_KINDS,
    CAPTION_KINDS,
    DEFAULT_IGNORE_PATTERNS,
    DupIndex,
    NearSettings,
    Unit,
    compile_patterns,
    describe_differences,
    differences,
    how_alike,
    kind_phrase,
    snippet,
)
from newslint.diagnostics import Applicability, Diagnostic, Fix, Related
from newslint.rule import Option, SharedOptions

if TYPE_CHECKING:  # pragma: no cover
    from newslint.document import Document
    from newslint.rule import Rule, RuleContext

def block_options(threshold: float) -> dict[str, Option]:
    """The options NL301 and NL303 share, with the rule's default threshold."""
    return {
        "min-words": Option(
            8,
            "Blocks with fewer words are never reported (live-blog stamps, short "
            "standard lines)",
            int,
            minimum=1,
        ),
        "threshold": Option(
            threshold,
            "Word-level similarity (0-1) from which a block counts as a near repeat; "
            "1.0 reports exact repeats only",
            float,
            minimum=0.5,
            maximum=1.0,
        ),
        "near-min-words": Option(
            12,
            "Blocks with fewer words are reported only when repeated exactly",
            int,
            minimum=1,
        ),
        "ignore-patterns": Option(
            list(DEFAULT_IGNORE_PATTERNS),
            "Regular expressions (case-insensitive, searched in the block) for lines "
            "that repeat by design: credits, stamps, calls to action",
            list,
        ),
    }


#: The options of the block rules, each owned by the rule that reports those
#: kinds; both rules read both (a near repeat is found for every kind at once).
BODY_OPTIONS = SharedOptions(block_options(0.8))  # NL301 duplicate-paragraph
CAPTION_OPTIONS = SharedOptions(block_options(0.9))  # NL303 duplicate-caption

_NOUN = {"paragraph": "Paragraph", "list-item": "List item", "caption": "Caption"}


@dataclass(frozen=True)
class BlockSettings:
    """NL301's and NL303's resolved options, by the block kind each reports."""

    options: dict[str, Mapping[str, Any]]  # block kind -> options
    near: dict[str, NearSettings]  # block kind -> near-repeat settings (every kind)

    def pattern(self, kind: str):
        return compile_patterns(tuple(self.options[kind]["ignore-patterns"]))


def block_settings(
    ctx: "RuleContext", own: "Rule | None" = None, holder: "Rule | None" = None
) -> BlockSettings:
    """The settings of both block rules: ``own``'s options for its own kinds and
    the configuration's (over the defaults) for the other rule.  Cached on
    ``holder`` (default ``own``) for the settings object it was last given."""
    target: object = holder or own or ctx
    cached = getattr(target, "_block_settings", None)
    if cached is not None and cached[0] is ctx.settings:
        return cached[1]
    options: dict[str, Mapping[str, Any]] = {}
    near: dict[str, NearSettings] = {}
    for shared, kinds in ((BODY_OPTIONS, BODY_KINDS), (CAPTION_OPTIONS, CAPTION_KINDS)):
        if own is not None and type(own) is shared.owner:
            opts = own.opts
        else:
            opts = shared.values(ctx)
        for kind in kinds:
            options[kind] = opts
            near[kind] = NearSettings(
                opts["threshold"],
                max(opts["near-min-words"], opts["min-words"]),
                compile_patterns(tuple(opts["ignore-patterns"])),
            )
    result = BlockSettings(options, near)
    try:
        target._block_settings = (ctx.settings, result)  # type: ignore[attr-defined]
    except AttributeError:  # pragma: no cover - a holder without a __dict__
        pass
    return result


def block_repeat(idx: DupIndex, unit: Unit, bs: BlockSettings) -> tuple[Unit, float] | None:
    """The earlier copy of block ``unit`` and the similarity (1.0 for an exact
    repeat), or None, under the settings of the rule that reports ``unit``'s kind."""
    opts = bs.options.get(unit.kind)
    if opts is None or unit.n_words < opts["min-words"]:
        return None
    first = idx.earlier_copy(unit)
    if first is not None:
        return first, 1.0
    ns = bs.near.get(unit.kind)
    if ns is not None and ns.threshold < 1.0:
        return idx.near_copies(bs.near).get(unit.block)
    return None


def set_aside(text: str, *units: Unit) -> str:
    """``", not counting 'Picture:' and '(Getty Images)'"``: the caption labels
    and photo credits of ``units`` that were left out of the comparison, or ""."""
    parts: list[str] = []
    for u in units:
        if u.core is None:
            continue
        for part in (text[u.start : u.core_start].strip(), text[u.core_end : u.end].strip(" \t\n.,;")):
            if part and part not in parts:
                parts.append(part)
    if not parts:
        return ""
    return ", not counting " + " and ".join(f"'{snippet(p, 6)}'" for p in parts[:3])


def check_blocks(
    rule: "Rule", doc: "Document", ctx: "RuleContext", kinds: frozenset[str]
) -> Iterator[Diagnostic]:
    idx = DupIndex.of(doc)
    bs = block_settings(ctx, rule)
    text = doc.text
    for unit in idx.blocks:
        if unit.kind not in kinds:
            continue
        found = block_repeat(idx, unit, bs)
        if found is None or idx.is_ignored(unit, bs.pattern(unit.kind)):
            continue
        first, similarity = found
        ours = text[unit.core_start : unit.core_end]
        theirs = text[first.core_start : first.core_end]
        where = kind_phrase(doc, first)
        noun = _NOUN.get(unit.kind, "Block")
        related = [Related(first.start, first.end, "First copy")]
        aside = set_aside(text, unit, first)
        if similarity >= 1.0:
            how = how_alike(ours, theirs) + aside
            msg = f"{noun} '{snippet(text[unit.start : unit.end])}' repeats {where} ({how}); keep one copy"
            fix = None
            if doc.source_map.is_verbatim(unit.start, unit.end):
                fix = Fix.replace(
                    unit.start, unit.end, "", Applicability.DISPLAY_ONLY, "Remove this copy"
                )
            yield rule.report(unit.start, unit.end, msg, fix=fix, related=related,
                              data={"similarity": 1.0, "first_line": doc.line_of(first.start)})
            continue
        diffs = differences(ours, theirs)
        line = doc.line_of(first.start)
        detail = describe_differences(diffs, line)
        msg = (
            f"{noun} '{snippet(text[unit.start : unit.end])}' nearly repeats {where} "
            f"({round(similarity * 100)}% alike{aside}): {detail}"
        )
        if any(d.figure for d in diffs):
            msg += "; check which figure is right"
        yield rule.report(unit.start, unit.end, msg, related=related,
                          data={"similarity": round(similarity, 3), "first_line": line})
