"""Rules across stories (``--archive-wide``): a name spelled two ways in different
stories (NL105) and a paragraph published in two stories (NL305).

They report nothing on a single story; the engine runs them over a whole archive
through :mod:`newslint.crossstory`.
"""

from .cross_story_duplicate import CrossStoryDuplicate
from .cross_story_spelling import CrossStorySpelling

RULES = [CrossStorySpelling, CrossStoryDuplicate]
