"""Text patterns shared by the register's modules: capitalised runs, speech
near a name, gendered pronouns, words."""

from __future__ import annotations

import re

from ..lexicon import GENDERED_NOUNS, PERSON_NOUNS

_SPEECH_AFTER = re.compile(
    r"(?:,[^,.;:!?\"“”]{1,60},|\s+[-–—]\s[^.;:!?\"“”\-–—]{1,60}\s[-–—]|,(?=\s+ha[sd]\s))?\s+(?:has\s+|had\s+|also\s+|later\s+|then\s+)?(?:said|says|told|tells|added|adds|"
    r"warned|warns|argued|argues|insisted|insists|explained|explains|continued|"
    r"claimed|claims|stressed|wrote|writes|asked|asks|admitted|announced|called|urged|"
    r"vowed|denied|confirmed)\b"
)

_SPEECH_BEFORE = re.compile(r"\b(?:said|says|added|adds|told|asked|according to)\s+$")

_CAP = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’\-]*"
_PARTICLES = r"(?:de|van|von|der|den|al|el|bin|bint|ibn|da|di|du|del|della|la|le|dos|das|ter|ten)"
#: Abbreviated titles after which a full stop does not end the name ("Mr. Lee")
_TITLE_ABBREVIATIONS = (
    "Mr Mrs Ms Dr Prof St Rev Gen Col Lt Sgt Capt Cpt Maj Cmdr Adm Gov Sen Rep Jr Sr Mt Ft "
    "Supt Insp Det Cllr Fr"
).split()
# a full stop joins words only after an initial or an abbreviated title ("J. K.",
# "Mr."): a name never runs over the end of a sentence ("... said Ulrich Vey. Halden")
_ABBR_DOT = (
    r"(?:\.(?:(?<=\b[A-Z]\.)"
    + "".join(rf"|(?<=\b{t}\.)" for t in _TITLE_ABBREVIATIONS)
    + r"))?"
)
_RUN_RE = re.compile(rf"(?<![\w'’\-]){_CAP}(?:{_ABBR_DOT}[ ](?:{_PARTICLES}[ ])*{_CAP})*")
_GENDERED_PRONOUN_RE = re.compile(r"\b(?:he|his|himself|she|hers|herself|her|him)\b", re.I)
_PRONOUN_GENDER = {
    "he": "m", "his": "m", "himself": "m", "him": "m",
    "she": "f", "hers": "f", "herself": "f", "her": "f",
}
_WORD_RE = re.compile(r"[^\W\d_][\w'’\-]*")
_NOUNS_AND_PRONOUNS = PERSON_NOUNS | frozenset(GENDERED_NOUNS) | frozenset(_PRONOUN_GENDER)
_POSSESSIVE = ("'s", "’s", "'", "’")

