"""The plugin manual: every hook newslint calls, with its contract.

A plugin is a module (or object) with functions marked ``@newslint.hookimpl``
whose names match the specifications below, registered through the
``newslint`` entry-point group in the plugin package's ``pyproject.toml``::

    [project.entry-points.newslint]
    mynewsroom = "mynewsroom_newslint.plugin"

Built-in rules register exactly this way (entry point ``builtin = "newslint_rules.plugin"``; the rules/ folder installs as ``newslint_rules``).

Hooks return plain Python objects defined by newslint (:class:`newslint.Rule`
subclasses, :class:`newslint.formats.InputFormat`,
:class:`newslint.output.OutputFormat`); no foreign types appear in signatures, so
plugins do not depend on newslint's own dependencies.

Hook functions may take any subset of the documented parameters (pluggy passes
them by name).  Every hook here collects results from all plugins (none is
``firstresult``): returning ``None`` or an empty list contributes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping, Sequence

import pluggy

if TYPE_CHECKING:  # pragma: no cover
    from .formats import InputFormat
    from .output import OutputFormat
    from .rule import Rule

hookspec = pluggy.HookspecMarker("newslint")


@hookspec
def newslint_rules() -> "Sequence[type[Rule]]":
    """Register rules.

    :return: a sequence of :class:`newslint.Rule` subclasses (classes, not
        instances).  Each class's ``code`` and ``name`` must be unique across all
        plugins; a collision is reported as a plugin error and stops the run with
        exit status 2.  Third-party plugins should use a code prefix of their own
        (e.g. ``XYZ101``) rather than ``NL``.
    """


@hookspec
def newslint_input_formats() -> "Sequence[InputFormat]":
    """Register input formats (plain text, Markdown, HTML are built in).

    :return: a sequence of :class:`newslint.formats.InputFormat`.  A format claims
        file extensions (lower case, with the dot, e.g. ``".rst"``); a later
        plugin claiming an extension already taken is an error.  Its ``parse``
        function receives the decoded source (``str``, without a byte-order mark)
        and returns a :class:`newslint.document.ParseResult` whose source map
        covers every character of the text it extracted.
    """


@hookspec
def newslint_output_formats() -> "Sequence[OutputFormat]":
    """Register output formats for ``--format``.

    :return: a sequence of :class:`newslint.output.OutputFormat`.  ``render``
        receives the findings of the whole run, already sorted by path, line and
        column, and returns the complete output as a string.
    """


@hookspec
def newslint_first_names() -> "Sequence[Mapping[str, str]]":
    """Contribute first-name tables used to guess a person's gender (NL201).

    :return: a sequence of mappings from a lower-case first name to ``"m"`` or
        ``"f"`` (``"u"``: gender unknown).  Plugins' tables, then configuration,
        override the tables that ship with newslint (an international table
        looked up first, then the US one), which the built-in rules contribute
        through this same hook.  Only contribute names whose usage is
        clear in the newsroom's readership.  The engine collects the tables once
        per registry and hands them to rules as ``RuleContext.first_names``.
    """


@hookspec
def newslint_places() -> "Sequence[str]":
    """Contribute place names that are often the subject of "said" ("Russia said",
    "Washington warned"), so the people register never takes them for a person.

    :return: a sequence of place names (case does not matter).  The built-in rules
        contribute the list shipped with newslint through this same hook; the
        engine collects every plugin's names once per registry and hands them to
        rules as ``RuleContext.places``.
    """


@hookspec
def newslint_house_style_packs() -> "Sequence[Mapping[str, Any] | str]":
    """Contribute house-style packs for NL102 (house-style).

    :return: a sequence of packs, each either a path to a TOML file or the parsed
        mapping itself, in the format documented in ``rules/spelling/README.md``.
        A pack is only used when configuration names it in ``packs``.
    """
