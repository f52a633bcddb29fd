"""The typed per-document stash (newslint.stash)."""

from __future__ import annotations

import pytest

from newslint.api import parse
from newslint.stash import Analysis, Stash, StashKey


def test_keys_with_the_same_name_do_not_collide():
    a: StashKey[int] = StashKey("same")
    b: StashKey[str] = StashKey("same")
    stash = Stash()
    stash[a] = 1
    stash[b] = "one"
    assert stash[a] == 1 and stash[b] == "one"
    assert len(stash) == 2 and a in stash
    del stash[a]
    assert a not in stash and stash.get(a) is None and stash.get(a, 7) == 7


def test_setdefault_with_builds_once():
    key: StashKey[list[int]] = StashKey("built")
    stash = Stash()
    calls = []

    def make() -> list[int]:
        calls.append(1)
        return [len(calls)]

    assert stash.setdefault_with(key, make) == [1]
    assert stash.setdefault_with(key, make) == [1]
    assert calls == [1]


def test_analysis_is_computed_once_per_document():
    counted: Analysis[int] = Analysis("blocks counted")
    calls = []

    @counted.provide
    def count(doc) -> int:
        calls.append(doc)
        return len(doc.blocks)

    doc = parse("Headline\n\nOne paragraph.\n\nAnother.\n", "text")
    assert counted.of(doc) == 3 and counted.of(doc) == 3
    assert calls == [doc]
    other = parse("Headline\n\nOne paragraph.\n", "text")
    assert counted.of(other) == 2 and len(calls) == 2


def test_analysis_without_a_provider_says_so():
    missing: Analysis[int] = Analysis("nobody provides this")
    doc = parse("Headline\n\nText.\n", "text")
    with pytest.raises(LookupError, match="nobody provides this"):
        missing.of(doc)


def test_document_analyses_live_in_the_stash():
    from newslint.document import QUOTES, SENTENCES, WORDS

    doc = parse("Headline\n\n'We will,' she said. Then she left.\n", "text")
    assert WORDS not in doc.stash
    words = doc.words
    assert doc.stash[WORDS] is words and doc.word_count == len(words)
    quotes, sentences = doc.quotes, doc.sentences
    assert doc.stash[QUOTES] is quotes and len(quotes) == 1
    assert doc.stash[SENTENCES] is sentences and len(sentences) == 3
