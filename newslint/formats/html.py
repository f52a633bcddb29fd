"""HTML through the standard library's :mod:`html.parser`, with exact positions.

The prose is what a reader of the rendered page sees:

* skipped: ``script``, ``style``, ``noscript``, ``template``, ``svg``, ``math``,
  ``iframe``, ``object``, ``canvas``, ``nav``, form controls, ``pre``, attributes,
  comments (recorded for inline suppression), elements with the ``hidden``
  attribute or ``style="display: none"``;
* ``<title>`` is not shown in the page: it becomes the headline only when the
  document has no ``<h1>``;
* inline ``code``, ``kbd`` and ``samp`` stand in the text as one U+FFFC OBJECT
  REPLACEMENT CHARACTER mapped to the whole element, so the words around them
  never become adjacent;
* ``<q>`` shows curly quotation marks, as browsers render it; ``<br>`` is a
  ``"\\n"`` mapped to the tag; ``<img alt>`` is a caption block of its own.

Block kinds: the first ``h1`` is the ``headline``, other headings ``heading``;
``p`` and bare text are ``paragraph``; ``figcaption`` and table ``caption`` are
``caption``; ``blockquote``, ``li`` (``list-item``) and ``td``/``th``
(``table-cell``) give their kind to the paragraphs inside them; ``address``
and elements whose class contains "byline" or "dateline" are ``byline`` /
``dateline``.  Inline elements (``a``, ``b``, ``em``, ``span``...) never split
a block.

Whitespace: HTML collapses whitespace for the reader, and so does the text.
Words and single spaces are copied verbatim; any other run of spaces, tabs
and line ends becomes one character mapped to the whole run: ``"\\n"`` when
the run holds a line end (a line break in the source of a paragraph reads like
a Markdown soft break), else ``" "``.  Whitespace at the start of a block and
after another whitespace (across tags) is dropped.  Entities (``&amp;``,
``&nbsp;``, ``&#8217;``) are one text character mapped to the whole entity.

Malformed HTML never raises: unclosed and stray tags, an unterminated comment
or tag, and a bare ``<`` in text each add a warning (reported by the
``markup-problem`` rule) and parsing goes on as a browser would.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from ..source import ParseResult, TextBuilder
from . import InputFormat
from .plain import BlockWriter

#: Stands in the text for inline code.
PLACEHOLDER = "\ufffc"

_VOID = frozenset(
    "area base br col embed hr img input keygen link meta param source track wbr".split()
)
_SKIP = frozenset(
    "script style noscript template svg math iframe object canvas nav select textarea "
    "button pre listing xmp plaintext audio video datalist dialog".split()
)
_CODE = frozenset(("code", "kbd", "samp"))
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_BLOCK = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html legend "
    "li main menu nav ol p pre search section summary table tbody td tfoot th thead title tr ul "
    "listing xmp plaintext".split()
)
#: Start tags that end an open <p>.
_CLOSES_P = frozenset(
    "address article aside blockquote center details dialog dir div dl fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr listing main menu nav ol p pre "
    "search section summary table ul li dd dt xmp plaintext".split()
)
#: Elements whose end tag may be left out.
_OPTIONAL_END = frozenset(
    "html head body p li dt dd tr td th thead tbody tfoot option optgroup colgroup caption "
    "rt rp rb rtc".split()
)
_P_SCOPE_STOP = frozenset("table td th caption html object marquee applet template button".split())
_KIND = {
    "figcaption": "caption",
    "caption": "caption",
    "blockquote": "blockquote",
    "li": "list-item",
    "td": "table-cell",
    "th": "table-cell",
    "address": "byline",
}
_WS = re.compile(r"[ \t\n\r\f]+")
#: Whitespace runs other than one space (those collapse to one character).
_ODD_WS = re.compile(r"[ \t\n\r\f]{2,}|[\t\n\r\f]")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_H1 = re.compile(r"<h1[\s>/]", re.I)
_COMMENT_END = re.compile(r"--!?\s*>")
_ENTITY = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[a-zA-Z][a-zA-Z0-9]*;?)")
_ALT = re.compile(r"""(?<=\s)alt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
#: "&#" that html.parser cannot read as a character reference (it would stop
#: parsing there); the parser is fed a copy with these neutralised.
_BAD_CHARREF = re.compile(r"&#(?![0-9]|[xX][0-9a-fA-F])")
_MAX_WARNINGS = 20


def _class_kind(value: str) -> str | None:
    """"byline"/"dateline" for class names such as ``byline``, ``story-byline``,
    ``article__dateline``, ``byline-name`` (not ``bylines-wrapper`` or ``nobyline``)."""
    v = value.lower()
    if "byline" not in v and "dateline" not in v:
        return None
    for token in v.split():
        for kind in ("byline", "dateline"):
            i = token.find(kind)
            if i < 0:
                continue
            j = i + len(kind)
            if (i == 0 or token[i - 1] in "-_") and (j == len(token) or token[j] in "-_"):
                if j == len(token) or token[j + 1 :].strip("-_") in ("name", "author", "text", "inner", "block"):
                    return kind
    return None


class _Element:
    __slots__ = ("tag", "kind", "skip", "start", "mark")

    def __init__(self, tag: str, kind: str, skip: bool, start: int, mark: str | None = None):
        self.tag = tag
        self.kind = kind  # the block kind of prose inside it (inherited from its parent)
        self.skip = skip  # its content is not prose
        self.start = start
        self.mark = mark  # "code": a placeholder when it closes; "q": a closing quote


class _ExtractorBase:
    """The extractor's logic; mixed with ``html.parser.HTMLParser`` on first use
    (the standard library's HTML modules are imported lazily for a fast cold start)."""

    if TYPE_CHECKING:  # what html.parser.HTMLParser provides once mixed in
        cdata_elem: str | None

        def getpos(self) -> tuple[int, int]: ...
        def get_starttag_text(self) -> str | None: ...
        def feed(self, data: str) -> None: ...
        def close(self) -> None: ...

    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)  # type: ignore[call-arg]
        self.source = source
        lengths = [len(line) + 1 for line in source.split("\n")]
        self.line_starts = [0, *accumulate(lengths)]
        self.b = TextBuilder(source)
        self.w = BlockWriter(self.b)
        self.stack: list[_Element] = []
        self.open: dict[str, int] = {}  # open elements by tag
        self.skip_depth = 0
        self.has_h1 = _H1.search(source) is not None
        self.seen_h1 = False
        self.last_ws = False  # the text ends with collapsible whitespace
        self.hide_rest = False
        self.quote_depth = 0
        self.implied: dict[str, int] = {}
        self.warnings: list[tuple[int, str]] = []
        self.dropped_warnings = 0
        self.pending_comments: list[tuple[str, int, int]] = []
        self.last_text_end = 0  # source offset just after the last prose character

    # -- positions ------------------------------------------------------------------

    def _here(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def warn(self, offset: int, message: str) -> None:
        if len(self.warnings) < _MAX_WARNINGS:
            self.warnings.append((offset, message))
        else:
            self.dropped_warnings += 1

    # -- blocks ---------------------------------------------------------------------

    def _kind(self) -> str:
        return self.stack[-1].kind if self.stack else "paragraph"

    def _boundary(self) -> None:
        self.w.want(self._kind())
        self.last_ws = False

    def _ensure(self) -> bool:
        if self.w.open:
            return True
        if self.w.kind is None:
            self.w.want(self._kind())
        self.last_ws = False
        opened = self.w.ensure()
        if self.pending_comments:
            self._flush_comments()
        return opened

    def _flush_comments(self) -> None:
        for body, start, end in self.pending_comments:
            self.b.comment(body, start, end)
        self.pending_comments.clear()

    def _text_before_on_line(self, offset: int) -> bool:
        """True when prose emitted earlier ends on the line of ``offset``."""
        last = self.last_text_end
        if last <= 0:
            return False
        starts = self.line_starts
        return bisect_right(starts, last - 1) == bisect_right(starts, offset)

    # -- text -----------------------------------------------------------------------

    def _emit_text(self, start: int, end: int) -> None:
        """Emit ``source[start:end]`` (text without entities), collapsing whitespace."""
        source = self.source
        b = self.b
        pos = start
        m = _WS.match(source, pos, end)
        if m is not None:  # leading whitespace: dropped after whitespace or at a block start
            self._emit_ws(m.start(), m.end())
            pos = m.end()
            if pos >= end:
                return
        self._ensure()
        # words and single spaces are copied in one piece; other runs collapse
        for m in _ODD_WS.finditer(source, pos, end):
            b.verbatim(pos, m.start())
            s, e = m.start(), m.end()
            b.mapped("\n" if "\n" in source[s:e] or "\r" in source[s:e] else " ", s, e)
            pos = e
        b.verbatim(pos, end)
        self.last_ws = source[end - 1] in " \t\n\r\f"
        k = end
        while k > start and source[k - 1] in " \t\n\r\f":
            k -= 1
        self.last_text_end = k

    def _emit_ws(self, s: int, e: int) -> None:
        if self.w.open and not self.last_ws:
            run = self.source[s:e]
            if run == " ":
                self.b.verbatim(s, e)
            else:
                self.b.mapped("\n" if "\n" in run or "\r" in run else " ", s, e)
            self.last_ws = True

    def _emit_entity(self, start: int, end: int) -> None:
        from html import unescape

        raw = self.source[start:end]
        text = unescape(raw)
        if text in (" ", "\t", "\n", "\r", "\f"):
            if self.w.open and not self.last_ws:
                self.b.mapped(" ", start, end)
                self.last_ws = True
            return
        if not text:
            return
        self._ensure()
        self.b.mapped(text, start, end)
        self.last_ws = False
        self.last_text_end = end

    def _emit_with_entities(self, start: int, end: int) -> None:
        pos = start
        for m in _ENTITY.finditer(self.source, start, end):
            self._emit_text(pos, m.start())
            self._emit_entity(m.start(), m.end())
            pos = m.end()
        self._emit_text(pos, end)

    # -- parser callbacks -----------------------------------------------------------

    def handle_data(self, data: str) -> None:
        if self.hide_rest:
            return
        start = self._here()
        if data[:1] == "<" and not self.cdata_elem:
            if data.startswith("<!--"):
                self.warn(start, "Comment '<!--' is never closed with '-->'; it hides the rest of the document")
                self.hide_rest = True
                return
            nxt = self.source[start + 1 : start + 2]
            if nxt.isalpha() or nxt in ("/", "!", "?"):
                self.warn(start, "Tag is not closed with '>' before the end of the document")
                self.hide_rest = True
                return
            self.warn(start, "A bare '<' in text is not a tag; write '&lt;'")
        if self.skip_depth:
            return
        self._emit_text(start, start + len(data))

    def handle_entityref(self, name: str) -> None:
        if self.hide_rest or self.skip_depth:
            return
        start = self._here()
        end = start + 1 + len(name)
        if self.source.startswith(";", end):
            end += 1
        self._emit_entity(start, end)

    def handle_charref(self, name: str) -> None:
        if self.hide_rest or self.skip_depth:
            return
        start = self._here()
        end = start + 2 + len(name)
        if self.source.startswith(";", end):
            end += 1
        self._emit_entity(start, end)

    def handle_comment(self, data: str) -> None:
        if self.hide_rest:
            return
        start = self._here()
        source = self.source
        if source.startswith("<!--", start):
            body_end = start + 4 + len(data)
            m = _COMMENT_END.match(source, body_end)
            if m is not None:
                end = m.end()
            elif body_end >= len(source):  # newer parsers report an unclosed comment at the end
                self.warn(start, "Comment '<!--' is never closed with '-->'; it hides the rest of the document")
                end = len(source)
            else:
                end = source.find(">", body_end) + 1 or len(source)
            body = source[start + 4 : body_end]
            if self.w.open or self._text_before_on_line(start):
                self.b.comment(body, start, end)
            else:
                # "<!-- newslint: ignore x --> <p>Text": it belongs with the next block
                self.pending_comments.append((body, start, end))
        # "<!x>" and "</ x>" are bogus comments: no text, not a comment either

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.hide_rest:
            return
        start = self._here()
        text = self.get_starttag_text() or ""
        self._start(tag, attrs, start, start + len(text), text)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.hide_rest:
            return
        start = self._here()
        text = self.get_starttag_text() or ""
        end = start + len(text)
        self._start(tag, attrs, start, end, text)
        if tag not in _VOID:
            self._end(tag, end, end)

    def handle_endtag(self, tag: str) -> None:
        if self.hide_rest:
            return
        start = self._here()
        end = self.source.find(">", start) + 1 or len(self.source)
        self._end(tag, start, end)

    # -- tree -----------------------------------------------------------------------

    def _push(self, e: _Element) -> None:
        self.stack.append(e)
        self.open[e.tag] = self.open.get(e.tag, 0) + 1
        if e.skip:
            self.skip_depth += 1

    def _pop(self) -> _Element:
        e = self.stack.pop()
        self.open[e.tag] -= 1
        return e

    def _find(self, tag: str, stop: frozenset[str] | tuple[str, ...]) -> int:
        if not self.open.get(tag):
            return -1
        for i in range(len(self.stack) - 1, -1, -1):
            t = self.stack[i].tag
            if t == tag:
                return i
            if t in stop:
                return -1
        return -1

    def _pop_to(self, index: int, at: int, closer: str, target_implicit: bool) -> None:
        """Pop ``stack[index:]`` at source offset ``at`` (``closer`` is the tag that
        closes them).  Elements above ``index`` (and the target itself when
        ``target_implicit``) lose their end tag: a warning unless it is optional."""
        stack = self.stack
        block = False
        while len(stack) > index:
            e = self._pop()
            if (len(stack) > index or target_implicit) and e.tag not in _OPTIONAL_END:
                self.warn(e.start, f"'<{e.tag}>' is not closed before '{closer}'")
                self.implied[e.tag] = self.implied.get(e.tag, 0) + 1
            self._closed(e, at)
            if e.tag in _BLOCK:
                block = True
        if block:
            self._boundary()

    def _closed(self, e: _Element, at: int) -> None:
        if e.skip:
            self.skip_depth -= 1
        if e.mark is None or self.skip_depth:
            return
        if e.mark == "code":
            self._ensure()
            self.b.mapped(PLACEHOLDER, e.start, at)
            self.last_text_end = at
        else:
            self.quote_depth -= 1
            self._ensure()
            self.b.mapped("’" if self.quote_depth % 2 else "”", at, at)
        self.last_ws = False

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], start: int, end: int, raw: str) -> None:
        stack = self.stack
        # end tags the HTML syntax lets authors leave out
        if tag in _CLOSES_P:
            i = self._find("p", _P_SCOPE_STOP)
            if i >= 0:
                self._pop_to(i, start, f"<{tag}>", False)
        if tag == "li":
            self._implied_close(("li",), ("ul", "ol", "menu", "table"), tag, start)
        elif tag in ("dt", "dd"):
            self._implied_close(("dt", "dd"), ("dl", "table"), tag, start)
        elif tag in ("td", "th"):
            self._implied_close(("td", "th"), ("tr", "table"), tag, start)
        elif tag == "tr":
            self._implied_close(("tr",), ("table", "thead", "tbody", "tfoot"), tag, start)
        elif tag in ("thead", "tbody", "tfoot"):
            self._implied_close(("thead", "tbody", "tfoot"), ("table",), tag, start)
        elif tag in ("option", "optgroup"):
            if stack and stack[-1].tag == "option":
                self._pop_to(len(stack) - 1, start, f"<{tag}>", False)
        elif tag == "body":
            i = self._find("head", ())
            if i >= 0:
                self._pop_to(i, start, "<body>", False)
        elif tag in _HEADINGS and stack and stack[-1].tag in _HEADINGS:
            self._pop_to(len(stack) - 1, start, f"<{tag}>", True)

        hidden = False
        kind: str | None = None
        for name, value in attrs:
            if name == "hidden":
                hidden = True
            elif name == "style" and value and _HIDDEN_STYLE.search(value):
                hidden = True
            elif name == "class" and value:
                kind = _class_kind(value) or kind

        if tag in _VOID:
            if self.skip_depth or hidden:
                return
            if tag == "br":
                if self.w.open:
                    self.b.mapped("\n", start, end)
                    self.last_ws = True
            elif tag == "img":
                self._alt(attrs, start, raw)
            elif tag == "hr":
                self._boundary()
            return

        if tag in _HEADINGS:
            if tag == "h1" and not self.seen_h1:
                self.seen_h1 = True
                kind = "headline"
            else:
                kind = "heading"
        elif tag == "title":
            kind = "headline"
            if self.has_h1 or self.seen_h1:
                hidden = True
        elif kind is None:
            kind = _KIND.get(tag)
        if kind is None:
            kind = self._kind()
        mark = None
        if not (hidden or self.skip_depth or tag in _SKIP):
            if tag in _CODE:
                mark = "code"
            elif tag == "q":
                mark = "q"
        e = _Element(tag, kind, hidden or tag in _SKIP or tag in _CODE, start, mark)
        self._push(e)
        if tag in _BLOCK:
            self._boundary()
        elif not self.w.open:
            self.w.want(kind)
        if mark == "q":
            self._ensure()
            self.b.mapped("‘" if self.quote_depth % 2 else "“", start, end)
            self.quote_depth += 1
            self.last_ws = False

    def _implied_close(self, tags: tuple[str, ...], stop: tuple[str, ...], new: str, at: int) -> None:
        if not any(self.open.get(t) for t in tags):
            return
        for i in range(len(self.stack) - 1, -1, -1):
            t = self.stack[i].tag
            if t in tags:
                self._pop_to(i, at, f"<{new}>", False)
                return
            if t in stop:
                return

    def _end(self, tag: str, start: int, end: int) -> None:
        if tag in _VOID:
            if tag == "br":  # browsers read </br> as <br>
                self._start("br", [], start, end, "")
            return
        i = self._find(tag, ())
        if i < 0:
            n = self.implied.get(tag, 0)
            if n:
                self.implied[tag] = n - 1
            elif tag not in ("html", "body", "head"):
                self.warn(start, f"Stray '</{tag}>' with no open '<{tag}>'")
            return
        self._pop_to(i, end, f"</{tag}>", False)

    def _alt(self, attrs: list[tuple[str, str | None]], start: int, raw: str) -> None:
        alt = next((v for n, v in attrs if n == "alt"), None)
        if not alt or not alt.strip():
            return
        m = _ALT.search(raw)
        if m is None:
            return
        g = 1 if m.group(1) is not None else 2 if m.group(2) is not None else 3
        s, e = start + m.start(g), start + m.end(g)
        resume = self.w.kind if self.w.kind is not None else self._kind()
        self.w.want("caption")
        self.last_ws = False
        self._emit_with_entities(s, e)
        self.w.want(resume)
        self.last_ws = False

    def finish(self) -> ParseResult:
        feed = self.source
        if "&#" in feed:
            # same length, so every offset the parser reports is still right
            feed = _BAD_CHARREF.sub("&\x00", feed)
        try:
            self.feed(feed)
            self.close()
        except Exception as exc:  # html.parser should not raise, but never let it escape
            line, _ = self.getpos()
            self.warn(self._here(), f"Could not parse the HTML after line {line} ({type(exc).__name__})")
        end = len(self.source)
        while self.stack:
            e = self._pop()
            if e.tag not in _OPTIONAL_END and not self.hide_rest:
                self.warn(e.start, f"'<{e.tag}>' is never closed")
            self._closed(e, end)
        self._flush_comments()
        self.w.close()
        if self.dropped_warnings:
            self.warnings.append(
                (self.warnings[-1][0], f"{self.dropped_warnings} more markup problems not listed")
            )
        return self.b.result(self.warnings)


_EXTRACTOR: Any = None


def parse(source: str) -> ParseResult:
    global _EXTRACTOR
    if _EXTRACTOR is None:
        from html.parser import HTMLParser

        class _Extractor(_ExtractorBase, HTMLParser):
            pass

        _EXTRACTOR = _Extractor
    return _EXTRACTOR(source).finish()


FORMAT = InputFormat(
    name="html",
    extensions=(".html", ".htm"),
    parse=parse,
    description="HTML, the prose a reader of the page sees",
)
