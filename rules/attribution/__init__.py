"""Attribution rules (NL2xx): who is speaking, and whether the copy says so correctly.

The rules read the document's quotations and attributions
(:mod:`newslint.analysis.quotes`) and the people register
(:mod:`newslint.analysis.people`), whose data files are the first-name tables
(``first_names_intl.txt.gz`` and ``first_names.txt.gz``, built by
``scripts/build_intl_first_names.py`` and ``scripts/build_first_names.py``; the
built-in plugin contributes them through the ``newslint_first_names`` hook) and
``places.txt``, countries and cities that are often the subject of "said".
"""

from .ambiguous_attribution import AmbiguousAttribution
from .pronoun_mismatch import PronounMismatch

RULES = [PronounMismatch, AmbiguousAttribution]
