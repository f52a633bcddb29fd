"""Options the attribution rules share: the first-name table and the salience
ratio, configured on NL201 pronoun-mismatch and read by NL202
ambiguous-attribution."""

from __future__ import annotations

from newslint.rule import Option, SharedOptions

FIRST_NAME_OPTIONS = SharedOptions(
    {
        "first-names": Option(
            {}, "extra first names: a table of name to 'm', 'f' or 'u' (unknown: removes it)", dict
        ),
        "use-first-names": Option(True, "use the first-name table as evidence", bool),
        "ratio": Option(
            1.5,
            "how many times more prominent than anyone the pronoun could mean the contradicted person must be",
            float,
            minimum=1.0,
        ),
    }
)
