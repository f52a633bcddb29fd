"""A typed per-document stash for cached analyses.

Every analysis that is computed once per document keeps its result in the
document's :class:`Stash` under a :class:`StashKey` created once, at module level,
by the module that owns the analysis::

    _VOCABULARY: StashKey[set[str]] = StashKey("spelling.vocabulary")

    def vocabulary(doc: Document) -> set[str]:
        return doc.stash.setdefault_with(_VOCABULARY, lambda: _build(doc))

The key carries the type of its value, so ``doc.stash[_VOCABULARY]`` is typed
``set[str]`` for a type checker, and two modules can never collide on a name: keys
compare by identity, the name is only for ``repr``.

An :class:`Analysis` is a key together with the function that computes its value.
The document layer declares the analyses a :class:`~newslint.document.Document`
offers as properties (``doc.sentences``, ``doc.words``, ``doc.quotes``); the
analysis layer provides their functions (``Analysis.provide``), so the document
never imports the analyses built on top of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Generic, TypeVar, overload

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document

T = TypeVar("T")
D = TypeVar("D")


class StashKey(Generic[T]):
    """A key into a :class:`Stash` whose value has type ``T``."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"


class Analysis(StashKey[T]):
    """A shared analysis: a store key and the function that computes its value.

    The function is given by the module that owns the analysis, through
    :meth:`provide`; :meth:`of` returns the value for a document, computing it on
    first use."""

    __slots__ = ("_compute",)

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self._compute: Callable[[Document], T] | None = None

    def provide(self, compute: Callable[[Document], T]) -> Callable[[Document], T]:
        """Set the function that computes this analysis (usable as a decorator)."""
        self._compute = compute
        return compute

    def of(self, doc: Document) -> T:
        """The value for ``doc``, computed once and kept in ``doc.stash``."""
        data = doc.stash._data
        try:
            return data[self]
        except KeyError:
            pass
        compute = self._compute
        if compute is None:
            raise LookupError(f"no analysis provides {self.name!r}; import newslint.analysis first")
        value = data[self] = compute(doc)
        return value


class Stash:
    """Values kept for one document, each under a typed :class:`StashKey`."""

    __slots__ = ("_data",)

    def __init__(self) -> None:
        self._data: dict[StashKey[Any], Any] = {}

    def __setitem__(self, key: StashKey[T], value: T) -> None:
        self._data[key] = value

    def __getitem__(self, key: StashKey[T]) -> T:
        return self._data[key]

    @overload
    def get(self, key: StashKey[T]) -> T | None: ...

    @overload
    def get(self, key: StashKey[T], default: D) -> T | D: ...

    def get(self, key: StashKey[T], default: Any = None) -> Any:
        return self._data.get(key, default)

    def setdefault_with(self, key: StashKey[T], make: Callable[[], T]) -> T:
        """The value under ``key``; when there is none, ``make()`` is stored first."""
        data = self._data
        try:
            return data[key]
        except KeyError:
            value = data[key] = make()
            return value

    def __contains__(self, key: StashKey[Any]) -> bool:
        return key in self._data

    def __delitem__(self, key: StashKey[Any]) -> None:
        del self._data[key]

    def __len__(self) -> int:
        return len(self._data)


__all__ = ["Analysis", "Stash", "StashKey"]
