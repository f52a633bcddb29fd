"""The base class every rule derives from, and the typed options rules declare.

A rule is a class with metadata and a :meth:`Rule.check` method::

    class DoubledWord(Rule):
        \"\"\"Flags a word written twice in a row ("the the").

        Why: a doubled word is almost always a slip made while editing.

        Example: ``It was the the biggest loss.``

        Fix safety: safe; the second copy is removed.
        \"\"\"

        code = "NL603"
        name = "repeated-word"
        category = "typography"
        summary = "A word repeated twice in a row"

        def check(self, doc, ctx):
            for ...:
                yield self.report(start, end, "'the the': the word 'the' twice")

The docstring is the rule's documentation (``newslint explain NAME``): a first
paragraph saying what it does, then paragraphs starting ``Why:``, ``Example:`` and
``Fix safety:``.
"""

from __future__ import annotations

import inspect
import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Iterable, Mapping, Sequence, TypeVar

from .diagnostics import Applicability, Diagnostic, Fix, Related, Severity

if TYPE_CHECKING:  # pragma: no cover
    from pathlib import Path

    from .analysis.first_names import FirstNameTables
    from .config import Settings
    from .document import Document
    from .registry import Registry

CATEGORIES = (
    "spelling",
    "consistency",
    "house-style",
    "attribution",
    "duplication",
    "readability",
    "grammar",
    "typography",
    "structure",
    "meta",
)

CODE_RE = re.compile(r"^[A-Z]{1,4}\d{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Option:
    """A typed rule option with a default, set in configuration.

    ``type`` is one of ``bool``, ``int``, ``float``, ``str``, ``list`` (of
    strings) or ``dict``.  ``choices`` restricts a ``str`` option.
    """

    default: Any
    help: str
    type: type = str
    choices: Sequence[str] | None = None
    minimum: float | None = None
    maximum: float | None = None
    #: what a ``list`` option's items may be (tables only where a rule says so)
    items: tuple[Any, ...] = (str,)

    def validate(self, value: Any, where: str) -> Any:
        """Return ``value`` checked and converted, or raise ``ValueError``."""
        t = self.type
        if t is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        ok = isinstance(value, t) and not (t in (int, float) and isinstance(value, bool))
        if t is list and ok:
            for i, v in enumerate(value):
                if not isinstance(v, self.items):
                    kinds = " or ".join(_type_name(k) for k in self.items)
                    raise ValueError(f"{where}[{i}] must be {kinds}, not {type(value[i]).__name__} ({v!r})")
        if not ok:
            raise ValueError(
                f"{where} must be {_type_name(t)}, not {type(value).__name__} ({value!r})"
            )
        if t is float and not math.isfinite(value):
            raise ValueError(f"{where} must be a finite number, not {value!r}")
        if self.choices is not None and value not in self.choices:
            raise ValueError(
                f"{where} must be one of {', '.join(map(repr, self.choices))}, not {value!r}"
            )
        if self.minimum is not None and value < self.minimum:
            raise ValueError(f"{where} must be at least {self.minimum}, not {value!r}")
        if self.maximum is not None and value > self.maximum:
            raise ValueError(f"{where} must be at most {self.maximum}, not {value!r}")
        return value


def _type_name(t: type) -> str:
    return {
        bool: "true or false",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "a table",
    }.get(t, t.__name__)


@dataclass
class RuleContext:
    """What a rule may know besides the document: the file, its settings, and what
    the engine's plugins contribute (first-name tables, places, house-style packs)."""

    path: str
    settings: "Settings"
    #: Per-run shared scratch space (e.g. caches that live across documents).
    shared: dict[Any, Any] = field(default_factory=dict)
    #: Codes of every rule running on this file (a rule may leave a case to another).
    enabled: frozenset[str] = frozenset()
    #: The engine's registry; a context built by hand takes the one its settings
    #: were resolved against (None when there is none).
    registry: "Registry | None" = None

    def __post_init__(self) -> None:
        if self.registry is None:
            self.registry = getattr(self.settings, "registry", None)

    @property
    def first_names(self) -> "FirstNameTables | None":
        """The first-name tables plugins contribute (``newslint_first_names``,
        the table shipped with newslint included); None: the shipped table alone."""
        return self.registry.first_name_tables if self.registry is not None else None

    @property
    def places(self) -> frozenset[str] | None:
        """The place names plugins contribute (``newslint_places``, the list
        shipped with newslint included); None: the shipped list alone."""
        return self.registry.places if self.registry is not None else None

    @property
    def house_style_packs(self) -> "Callable[[], Sequence[Any]] | None":
        """Calls the ``newslint_house_style_packs`` hook of the registry's plugins
        (None: no plugins)."""
        return self.registry.house_style_packs if self.registry is not None else None

    @property
    def people(self) -> Sequence[Mapping[str, Any]]:
        """The newsroom's people list from configuration (name, pronouns...)."""
        return self.settings.people


R = TypeVar("R", bound="type[Rule]")


class SharedOptions:
    """Options that a family of rules shares, with one owner.

    The owner declares them (``options = SHARED.options``) and is where they are
    configured; the family's other rules and helpers read the values configured
    for the owner through :meth:`values`, never another rule's settings by code::

        FIRST_NAMES = SharedOptions({"use-first-names": Option(True, "...", bool)})

        @FIRST_NAMES.owned_by
        class PronounMismatch(Rule):
            options = FIRST_NAMES.options
    """

    def __init__(self, options: Mapping[str, "Option"]):
        self.options: dict[str, Option] = dict(options)
        self.owner: type[Rule] | None = None

    def owned_by(self, rule: R) -> R:
        """Class decorator naming the rule where these options are configured."""
        self.owner = rule
        return rule

    def values(self, ctx: RuleContext) -> dict[str, Any]:
        """The values configured for the owner, over the defaults."""
        values = {k: o.default for k, o in self.options.items()}
        if self.owner is not None:
            for k, v in ctx.settings.options_for(self.owner).items():
                if k in values:
                    values[k] = v
        return values


class Rule:
    """Base class for rules.  Subclasses set the class attributes and ``check``."""

    #: ``NL`` + three digits for built-ins; plugins use their own prefix.
    code: ClassVar[str] = ""
    #: kebab-case name, usable everywhere a code is.
    name: ClassVar[str] = ""
    #: one of :data:`CATEGORIES`.
    category: ClassVar[str] = ""
    #: one line for ``newslint rules``.
    summary: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.WARNING
    #: False for rules that run only when selected explicitly.
    default_enabled: ClassVar[bool] = True
    #: typed options with defaults, set under ``[tool.newslint.rules.NAME]``.
    options: ClassVar[Mapping[str, Option]] = {}
    #: How far the best fix this rule offers can be trusted; None: it offers no fix.
    #: (A plugin may still write "safe", "unsafe", "display-only" or "none".)
    fix_safety: ClassVar[Applicability | None] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        value = cls.__dict__.get("fix_safety")
        if isinstance(value, str) and not isinstance(value, Applicability):
            try:
                cls.fix_safety = None if value == "none" else Applicability(value)
            except ValueError:
                pass  # reported by validate_metadata

    @classmethod
    def fix_label(cls) -> str:
        """``fix_safety`` in words: "safe", "unsafe", "display-only" or "none"."""
        return "none" if cls.fix_safety is None else str(cls.fix_safety)

    def __init__(self, options: Mapping[str, Any] | None = None):
        values = {k: o.default for k, o in self.options.items()}
        if options:
            values.update(options)
        #: the resolved option values, keyed by option name.
        self.opts: dict[str, Any] = values

    # -- what subclasses implement -----------------------------------------

    def check(self, doc: "Document", ctx: RuleContext) -> Iterable[Diagnostic]:
        raise NotImplementedError

    @classmethod
    def validate_options(cls, options: Mapping[str, Any], base: "Path") -> None:
        """Check configured option values beyond their types; raise ``ValueError``.

        Called when configuration is loaded, with the configured options (already
        type-checked) and the directory relative paths start from, so that a bad
        value (a pattern that does not compile, a file that does not exist) is a
        configuration error before any file is checked.  An override that also
        takes a ``registry`` argument receives the registry the configuration is
        loaded for (house-style packs from plugins, for instance).
        """

    # -- helpers -----------------------------------------------------------

    def report(
        self,
        start: int,
        end: int,
        message: str,
        *,
        suggestions: Iterable[str] = (),
        fix: Fix | None = None,
        related: Iterable[Related] = (),
        data: Mapping[str, Any] | None = None,
    ) -> Diagnostic:
        """Make a :class:`Diagnostic` for ``Document.text[start:end]``."""
        return Diagnostic(
            start,
            end,
            message,
            self.code,
            self.name,
            self.category,
            self.severity,
            tuple(suggestions),
            fix,
            tuple(related),
            data or {},
        )

    @classmethod
    def docs(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or cls.summary or "")

    @classmethod
    def doc_sections(cls) -> dict[str, str]:
        """The docstring split into what / why / example / fix safety."""
        text = cls.docs()
        sections = {"what": "", "why": "", "example": "", "fix safety": ""}
        current = "what"
        for para in re.split(r"\n\s*\n", text):
            m = re.match(r"(Why|Example|Examples|Fix safety|Options):\s*", para)
            if m:
                current = m.group(1).lower().rstrip("s") if m.group(1) != "Fix safety" else "fix safety"
                if current == "option":
                    current = "options"
                para = para[m.end():]
            if m and para:
                para = para[0].upper() + para[1:]
            sections[current] = (sections.get(current, "") + "\n\n" + para).strip()
        return sections

    @classmethod
    def validate_metadata(cls) -> list[str]:
        """Problems with the class attributes (checked when plugins register)."""
        problems = []
        if not CODE_RE.match(cls.code or ""):
            problems.append(f"code {cls.code!r} is not letters followed by three digits")
        if not NAME_RE.match(cls.name or ""):
            problems.append(f"name {cls.name!r} is not kebab-case")
        if cls.category not in CATEGORIES:
            problems.append(f"category {cls.category!r} is not one of {', '.join(CATEGORIES)}")
        if not isinstance(cls.severity, Severity):
            problems.append("severity is not a newslint.Severity")
        if cls.fix_safety is not None and not isinstance(cls.fix_safety, Applicability):
            problems.append(
                f"fix_safety {cls.fix_safety!r} is not a newslint.Applicability "
                "(or one of 'safe', 'unsafe', 'display-only', 'none')"
            )
        if not cls.__doc__ and not cls.summary:
            problems.append("no documentation")
        return problems

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.code} {self.name}>"
