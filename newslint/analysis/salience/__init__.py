"""Who a pronoun attribution ("'...,' she said") refers to, read the way an editor
reads a story: by how prominent each person is at that point.

``resolve_attributions(doc, register)`` walks the story in order, keeping a
salience score for every person (and every anonymous "a spokeswoman", "his
wife") and returns one :class:`AttributionSite` per ``he``/``she`` attribution,
with the most salient person, the gender the evidence gives that person (leaving
out the attribution's own pronoun), and the most salient person the pronoun
could refer to instead.  See :mod:`.walk` for the scores.

The people and their gender evidence come from the people register
(:func:`newslint.analysis.people.find_people`); the first-name table reaches
this package only through that register.
"""

from .walk import AttributionSite, Referent, resolve_attributions

__all__ = ["AttributionSite", "Referent", "resolve_attributions"]
