"""The ``newslint`` command line."""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Sequence

from . import __version__
from .files import discover, write_atomic
from .fixwrite import FixRefused, fix_roots
from .output.escape import printable
from .unidiff import diff_path, unified_diff

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
#: ``newslint archive --partition-size`` when not given (the same as
#: :data:`newslint.archive.DEFAULT_PARTITION_SIZE`, which is not imported here)
ARCHIVE_PARTITION_SIZE = 1000


class UsageError(Exception):
    pass


# -- argument parsing --------------------------------------------------------------


def _split_list(values: Sequence[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for v in values or ():
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return tuple(out)


def build_parser(output_formats: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The argument parser; ``output_formats`` (every registered output format)
    is listed in ``check --help`` when given."""
    formats = ", ".join(sorted(output_formats, key=lambda f: (f != "text", f))) or "text, json, sarif, github, ..."
    p = argparse.ArgumentParser(
        prog="newslint",
        description="A text-quality linter for news copy.",
        epilog="Run 'newslint COMMAND --help' for a command's options.",
    )
    p.add_argument("--version", action="version", version=f"newslint {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    c = sub.add_parser("check", help="check stories for problems", description="Check stories for problems.")
    c.add_argument("paths", nargs="*", metavar="PATH", help="files or directories ('-' for standard input); default: .")
    c.add_argument("--format", "-f", default="text", help=f"output format: {formats} (default: text)")
    c.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    c.add_argument("--select", action="append", metavar="RULES", help="run only these rules (codes, prefixes, names, categories, ALL; comma-separated)")
    c.add_argument("--extend-select", action="append", metavar="RULES", help="run these rules as well")
    c.add_argument("--ignore", action="append", metavar="RULES", help="do not run these rules")
    c.add_argument("--config", metavar="FILE", help="use this configuration file for every path")
    c.add_argument("--isolated", action="store_true", help="ignore all configuration files")
    c.add_argument("--fail-on", choices=("error", "warning", "info"), help="lowest severity that fails the run (default: warning)")
    c.add_argument("--require-grammar", action="store_true",
                   help="fail (exit 2) when grammar rules are selected but LanguageTool cannot be reached")
    c.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    c.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, also apply unsafe fixes")
    c.add_argument("--diff", action="store_true", help="print fixes as a unified diff; change nothing")
    c.add_argument("--time-budget", type=float, metavar="SECONDS", help="seconds a file's rules may take before the one running is stopped (default 30; 0: no limit)")
    c.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="check files in N processes (0: one per CPU)")
    c.add_argument("--stdin-filename", metavar="NAME", help="file name for standard input (chooses format and configuration)")
    c.add_argument("--stdin-format", choices=("text", "markdown", "html"), help="input format for standard input")
    c.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in this baseline")
    c.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE and exit 0")
    c.add_argument("--force-exclude", action="store_true", help="apply exclude globs to paths given on the command line too")
    c.add_argument("--changed-since", metavar="REV",
                   help="report only findings on lines changed since git revision REV "
                        "(commits, staged and unstaged edits; new files count whole)")
    c.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    c.add_argument("--archive-wide", action="store_true", help="also compare the stories with each other (cross-story rules NL105, NL305)")

    r = sub.add_parser("rules", help="list every rule", description="List every rule.")
    r.add_argument("--format", "-f", choices=("text", "json"), default="text")

    e = sub.add_parser("explain", help="explain a rule", description="Explain a rule.")
    e.add_argument("rule", metavar="NAME|CODE")

    s = sub.add_parser("stats", help="readability figures per story", description="Print per-story figures.")
    s.add_argument("paths", nargs="*", metavar="PATH", help="files or directories ('-' for standard input); default: .")
    s.add_argument("--format", "-f", choices=("text", "json"), default="text")

    _add_serve_parser(sub)

    lsp = sub.add_parser("lsp", help="run the language server (LSP over stdio; needs newslint[lsp])",
                         description="Run the newslint Language Server over standard input and output.")
    lsp.add_argument("--stdio", action="store_true", help="accepted for editor clients that pass it; stdio is the only transport")
    _add_archive_parser(sub)
    return p


def _add_serve_parser(sub) -> None:
    sv = sub.add_parser("serve", help="run the HTTP checking service and its web page (needs newslint[server])",
                        description="Run the HTTP checking service (POST /v1/check) and the web page at /.")
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    sv.add_argument("--port", type=int, default=8080, help="port to listen on (default: 8080; 0 picks a free one)")
    sv.add_argument("--config", metavar="FILE", help="configuration file for every request (default: newslint's defaults)")
    sv.add_argument("--cors-origin", action="append", metavar="ORIGIN",
                    help="let pages from this origin (e.g. https://cms.example.org) call the API; repeat or comma-separate; default: none")
    sv.add_argument("--max-body-size", type=int, default=1_000_000, metavar="BYTES",
                    help="largest request body accepted (default: 1000000); larger ones get 413")
    sv.add_argument("--time-limit", type=float, default=10.0, metavar="SECONDS",
                    help="longest a check may take before the request gets 503 and the check is stopped (default: 10)")
    sv.add_argument("--log-level", choices=("critical", "error", "warning", "info", "debug"), default="info")
    sv.add_argument("--print-openapi", action="store_true", help="print the OpenAPI document and exit")


def _add_archive_parser(sub) -> None:
    a = sub.add_parser(
        "archive",
        help="lint a table of articles (Parquet or JSON Lines) on Dask (needs newslint[dask])",
        description="Lint every article in a Parquet or JSON Lines table on a Dask cluster and "
        "write one row per finding.",
    )
    a.add_argument("input", metavar="INPUT", help="a Parquet file, folder or glob, or a JSON Lines file (.jsonl, .jsonl.gz)")
    a.add_argument("--output", "-o", required=True, metavar="FINDINGS",
                   help="output folder (parts in Parquet; JSON Lines when the name ends .jsonl or .jsonl.gz)")
    a.add_argument("--text-column", default="text", metavar="NAME", help="column holding the text (default: text)")
    a.add_argument("--id-column", default="id", metavar="NAME", help="column holding the article id (default: id; row numbers when absent)")
    g = a.add_mutually_exclusive_group()
    g.add_argument("--format-column", metavar="NAME", help="column holding each article's format (text, markdown, html)")
    g.add_argument("--input-format", choices=("text", "markdown", "html"), default="text", help="every article's format (default: text)")
    s = a.add_mutually_exclusive_group()
    s.add_argument("--scheduler", metavar="ADDRESS", help="connect to this Dask scheduler (e.g. tcp://10.0.0.5:8786) instead of starting a local cluster")
    s.add_argument("--workers", type=int, metavar="N", help="local cluster: N worker processes (default: one per CPU)")
    a.add_argument("--partition-size", type=int, default=ARCHIVE_PARTITION_SIZE, metavar="ROWS",
                   help=f"articles per partition, the unit of work and of resuming (default: {ARCHIVE_PARTITION_SIZE})")
    a.add_argument("--output-format", choices=("parquet", "jsonl", "jsonl.gz"), help="format of the parts (default: from the output name)")
    a.add_argument("--select", action="append", metavar="RULES", help="run only these rules")
    a.add_argument("--ignore", action="append", metavar="RULES", help="do not run these rules")
    a.add_argument("--config", metavar="FILE", help="configuration file (default: the one found from the current folder)")
    a.add_argument("--overwrite", action="store_true", help="replace findings in FINDINGS made from other input")
    a.add_argument("--archive-wide", action="store_true",
                   help="also compare the stories with each other (cross-story rules NL105, NL305; a shuffle over the archive)")
    a.add_argument("--section-column", metavar="NAME", help="with --archive-wide: compare stories only within a section")
    a.add_argument("--date-column", metavar="NAME", help="with --archive-wide: the stories' dates (for window-days)")
    a.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")


# -- helpers -----------------------------------------------------------------------------


def _err(message: str) -> None:
    print(f"newslint: error: {printable(message)}", file=sys.stderr)


def _note(message: str) -> None:
    print(f"newslint: {printable(message)}", file=sys.stderr)


def _registry(args: argparse.Namespace | None = None):
    """The registry the command runs with: the one given to :func:`main`, else
    the default one (built-in rules and installed plugins)."""
    given = getattr(args, "registry", None)
    if given is not None:
        return given
    from .registry import default_registry

    return default_registry()


# -- worker processes ------------------------------------------------------------------

_WORKER = None


def _worker_init(overrides, options, registry=None) -> None:
    global _WORKER
    from .config import SettingsResolver
    from .engine import Linter

    registry = registry or _registry()
    _WORKER = Linter(registry, SettingsResolver(registry, overrides), options)


def _worker_lint(path: str):
    assert _WORKER is not None
    return _WORKER.lint_path(path)


# -- check -------------------------------------------------------------------------------


def cmd_check(args: argparse.Namespace) -> int:
    from .baseline import Baseline, BaselineError
    from .config import ConfigError, Overrides, SettingsResolver
    from .engine import FileResult, InputError, Linter, LintOptions, read_stream
    from .output import OutputContext
    from .registry import PluginError

    try:
        registry = _registry(args)
    except PluginError as exc:
        _err(str(exc))
        return EXIT_ERROR
    out_fmt = registry.outputs.get(args.format)
    if out_fmt is None:
        _err(f"unknown output format {args.format!r} (choose from: {', '.join(sorted(registry.outputs))})")
        return EXIT_ERROR
    if args.jobs < 0:
        _err("--jobs must be 0 or more")
        return EXIT_ERROR
    if args.time_budget is not None and not args.time_budget >= 0:
        _err("--time-budget must be a number of seconds, 0 or more")
        return EXIT_ERROR
    if args.fix and args.diff:
        _err("--fix and --diff cannot be used together")
        return EXIT_ERROR
    if args.changed_since is not None and (args.fix or args.diff):
        _err("--changed-since reports findings only; it cannot be used with --fix or --diff")
        return EXIT_ERROR
    changes = None
    if args.changed_since is not None:
        from .changes import ChangedLines, ChangesError

        try:
            changes = ChangedLines.since(args.changed_since)
        except ChangesError as exc:
            _err(str(exc))
            return EXIT_ERROR
    overrides = Overrides(
        select=_split_list(args.select) if args.select else None,
        extend_select=_split_list(args.extend_select),
        ignore=_split_list(args.ignore),
        config_file=args.config,
        isolated=args.isolated,
        fail_on=args.fail_on,
        require_grammar=args.require_grammar,
        time_budget=args.time_budget,
    )
    options = LintOptions(fix=args.fix, diff=args.diff, unsafe_fixes=args.unsafe_fixes, stdin_format=args.stdin_format)
    try:
        resolver = SettingsResolver(registry, overrides)
        baseline = Baseline.load(args.baseline) if args.baseline else None
        paths = args.paths or ["."]
        if args.stdin_filename and "-" not in paths:
            paths = [*paths]
        notes: list[str] = []
        files, missing = discover(paths, resolver, registry, args.force_exclude, notes)
        for note in notes:
            _note(note)
        for m in missing:
            _err(m)
        if changes is not None:
            files = [f for f in files if changes.touches(f)]
        linter = Linter(registry, resolver, options)
        results: list[FileResult] = []
        disk_files = [f for f in files if f != "-"]
        stdin_result: FileResult | None = None
        stdin_source = ""
        if "-" in files:
            name = args.stdin_filename or "-"
            settings = resolver.for_path(name if name != "-" else os.path.join(os.getcwd(), "-"))
            try:
                source, bom = read_stream(sys.stdin.buffer, settings.max_file_size)
            except InputError as exc:
                stdin_result = linter._unreadable(name, settings, str(exc))
            else:
                fmt = args.stdin_format
                if fmt is None and registry.format_for(name) is None:
                    fmt = "text"
                stdin_result = linter.lint_source(source, name, settings, fmt, has_bom=bom)
                stdin_source = source
            results.append(stdin_result)
        # resolve settings for every file up front so configuration errors stop the run
        for f in disk_files:
            resolver.for_path(f)
        jobs = args.jobs or os.cpu_count() or 1
        if jobs > 1 and len(disk_files) > 1:
            results.extend(_lint_parallel(disk_files, overrides, options, jobs, args.registry))
        else:
            results.extend(linter.lint_path(f) for f in disk_files)
    except ConfigError as exc:
        _err(str(exc))
        return EXIT_ERROR
    except BaselineError as exc:
        _err(str(exc))
        return EXIT_ERROR
    except PluginError as exc:
        _err(str(exc))
        return EXIT_ERROR

    # fixes
    roots = fix_roots(list(args.paths or ["."]))
    diffs: list[str] = []
    fixed_files = fixes_total = 0
    for r in results:
        if args.fix and r is stdin_result and not r.unreadable:
            # standard input is never written to disk: the (fixed) text goes to stdout
            out_text = r.fixed_source if r.fixed_source is not None else stdin_source
            out_text = ("\ufeff" if r.has_bom else "") + out_text
            buffer = getattr(sys.stdout, "buffer", None)
            if buffer is None:
                sys.stdout.write(out_text)
            else:
                sys.stdout.flush()
                buffer.write(out_text.encode("utf-8"))
                buffer.flush()
            fixes_total += r.fixes_applied
            fixed_files += 1 if r.fixes_applied else 0
            continue
        if r.fixed_source is None or r.original_source is None:
            continue
        if args.diff:
            mark = "\ufeff" if r.has_bom else ""
            name = diff_path(r.path.lstrip("/"))
            diffs.append(unified_diff(mark + r.original_source, mark + r.fixed_source, f"a/{name}", f"b/{name}"))
        elif args.fix:
            try:
                write_atomic(r.path, r.fixed_source, r.has_bom, r.original_source, roots)
            except (OSError, FixRefused) as exc:
                reason = (getattr(exc, "strerror", None) or str(exc)) if isinstance(exc, OSError) else str(exc)
                _err(f"{r.path}: could not write fixes: {reason}")
                missing.append(r.path)
                if r.original_findings is not None:
                    r.findings = r.original_findings  # nothing was fixed: report it all
                continue
            fixed_files += 1
            fixes_total += r.fixes_applied

    if changes is not None:
        for r in results:
            if not r.unreadable:
                r.findings = [f for f in r.findings if changes.keeps(f.path, f.start.line, _last_line(f))]
    extra: list = []
    if args.archive_wide:
        # imported here, not at the top, so that a plain check does not load it
        from .crossstory_run import check_files

        extra = check_files(disk_files, linter)
    if changes is not None:
        extra = [f for f in extra if changes.keeps(f.path, f.start.line, _last_line(f))]
    findings = sorted([*(f for r in results for f in r.findings), *extra], key=lambda f: f.sort_key)
    if args.write_baseline:
        try:
            Baseline.from_findings(findings).save(args.write_baseline)
        except OSError as exc:
            _err(f"could not write baseline {args.write_baseline}: {exc.strerror or exc}")
            return EXIT_ERROR
        if not args.quiet:
            print(f"Recorded {len(findings)} findings in {printable(args.write_baseline)}", file=sys.stderr)
        return EXIT_ERROR if missing else EXIT_OK
    if baseline is not None:
        findings = baseline.filter(findings)

    if args.diff:
        # a diff is bytes for patch: names that are not UTF-8 go out as their own bytes
        if not _emit("".join(diffs), args.output, sys.stdout, "surrogateescape"):
            return EXIT_ERROR
        if not args.quiet:
            n = sum(r.fixes_applied for r in results)
            print(f"{n} fix{'es' if n != 1 else ''} would be applied to {len(diffs)} file{'s' if len(diffs) != 1 else ''}", file=sys.stderr)
        return EXIT_ERROR if missing else (EXIT_FINDINGS if diffs else EXIT_OK)

    ctx = OutputContext(registry=registry, paths=[r.path for r in results])
    rendered = out_fmt.render(findings, ctx)
    # stdout carries the fixed text when standard input is fixed
    stream = sys.stderr if args.fix and stdin_result is not None else sys.stdout
    if not _emit(rendered, args.output, stream, "backslashreplace"):
        return EXIT_ERROR

    unreadable = any(r.unreadable for r in results)
    failing = 0
    for finding in findings:
        settings = resolver.for_path(finding.path if finding.path != "-" else os.path.join(os.getcwd(), "-"))
        if finding.severity >= settings.fail_on:
            failing += 1
    if not args.quiet:
        _summary(findings, len(results), fixes_total, fixed_files, args, len(missing))
    if missing or unreadable:
        return EXIT_ERROR
    return EXIT_FINDINGS if failing else EXIT_OK


def _last_line(finding) -> int:
    """The last line a finding covers (its end is exclusive)."""
    end = finding.end
    if end.column == 1 and end.line > finding.start.line:
        return end.line - 1
    return end.line


def _emit(text: str, output: str | None, stream, errors: str) -> bool:
    """Write ``text`` as UTF-8 to the file ``output`` or to ``stream``, whatever
    the stream's own encoding; characters UTF-8 cannot carry (file names that are
    not UTF-8) are handled by ``errors``.  False (with a message) when it fails."""
    data = text.encode("utf-8", errors)
    if output:
        try:
            Path(output).write_bytes(data)
        except OSError as exc:
            _err(f"could not write {output}: {exc.strerror or exc}")
            return False
        return True
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(data.decode("utf-8", "replace"))
        return True
    stream.flush()
    buffer.write(data)
    buffer.flush()
    return True


def _lint_parallel(files: list[str], overrides, options, jobs: int, registry=None):
    """Lint ``files`` in ``jobs`` processes; a registry given to :func:`main` is
    handed to the workers (it reaches them when processes are forked), else each
    worker builds the default one."""
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, min(64, len(files) // (jobs * 4) or 1))
    initargs = (overrides, options) if registry is None else (overrides, options, registry)
    with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=initargs) as pool:
        return list(pool.map(_worker_lint, files, chunksize=chunk))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def _summary(findings, n_files: int, fixes_total: int, fixed_files: int, args, n_failed: int = 0) -> None:
    """The closing line on standard error; ``n_failed`` paths were not found or
    could not be read or written (their errors are printed above)."""
    parts = []
    if args.fix and fixes_total:
        parts.append(f"Fixed {fixes_total} problem{'s' if fixes_total != 1 else ''} in {fixed_files} file{'s' if fixed_files != 1 else ''}.")
    if findings:
        fixable = sum(1 for f in findings if f.fix is not None and str(f.fix.applicability) == "safe")
        sev = Counter(str(f.severity) for f in findings)
        detail = ", ".join(f"{sev[k]} {k}" for k in ("error", "warning", "info") if sev[k])
        msg = f"Found {len(findings)} problem{'s' if len(findings) != 1 else ''} ({detail}) in {n_files} file{'s' if n_files != 1 else ''} checked"
        if fixable and not args.fix:
            msg += f"; {fixable} fixable with --fix"
        parts.append(msg + ".")
    elif n_files or not n_failed:
        parts.append(f"No problems in {n_files} file{'s' if n_files != 1 else ''} checked.")
    else:
        parts.append("Nothing was checked.")
    if n_failed:
        parts.append(f"{_plural(n_failed, 'path')} could not be checked or fixed (see the errors above).")
    print(" ".join(parts), file=sys.stderr)


# -- rules / explain ------------------------------------------------------------------------


def cmd_rules(args: argparse.Namespace) -> int:
    registry = _registry(args)
    rules = registry.all_rules()
    if args.format == "json":
        print(json.dumps([_rule_dict(r) for r in rules], indent=2, ensure_ascii=False))
        return EXIT_OK
    rows = [("CODE", "NAME", "CATEGORY", "SEVERITY", "DEFAULT", "FIX", "SUMMARY")]
    for r in rules:
        rows.append((r.code, r.name, r.category, str(r.severity), "on" if r.default_enabled else "off", r.fix_label(), r.summary))
    widths = [max(len(row[i]) for row in rows) for i in range(6)]
    for row in rows:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:6])) + "  " + row[6])
    return EXIT_OK


def _rule_dict(r) -> dict:
    from .output.rules import rule_to_dict

    return rule_to_dict(r)


def cmd_explain(args: argparse.Namespace) -> int:
    registry = _registry(args)
    rule = registry.lookup(args.rule)
    if rule is None:
        try:
            family = registry.resolve_selector(args.rule)
        except KeyError:
            family = []
        if family:  # a code prefix or a category: list its rules
            print(f"{len(family)} rule{'s' if len(family) != 1 else ''} match {args.rule!r}; "
                  "'newslint explain NAME' explains one:")
            for r in family:
                print(f"  {r.code}  {r.name:<26} {r.summary}")
            return EXIT_OK
        names = [r.name for r in registry.all_rules()] + [r.code for r in registry.all_rules()]
        close = difflib.get_close_matches(args.rule, names, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        _err(f"unknown rule {args.rule!r}{hint}; 'newslint rules' lists them all")
        return EXIT_ERROR
    d = _rule_dict(rule)
    docs = d["docs"]
    out = [f"{rule.code} {rule.name}", ""]
    out.append(f"Category: {rule.category}   Severity: {rule.severity}   "
               f"Default: {'on' if rule.default_enabled else 'off'}   Fix: {rule.fix_label()}")
    out.append("")
    for title, key in (("What it does", "what"), ("Why", "why"), ("Example", "example"), ("Fix safety", "fix safety")):
        if docs.get(key):
            out.extend([f"## {title}", docs[key], ""])
    if rule.options:
        out.append("## Options")
        out.append(f"Set under [tool.newslint.rules.{rule.name}]:")
        for k, o in rule.options.items():
            default = json.dumps(o.default, ensure_ascii=False)
            extra = f" (one of: {', '.join(o.choices)})" if o.choices else ""
            out.append(f"  {k} = {default}  # {o.help}{extra}")
        out.append("")
    print("\n".join(out).rstrip())
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    try:
        from .stats import run_stats
    except ImportError:
        _err("the stats command is not available in this installation")
        return EXIT_ERROR
    text, status = run_stats(args.paths or ["."], args.format, _registry(args))
    sys.stdout.write(text)
    return status


def cmd_lsp(args: argparse.Namespace) -> int:
    from .lsp import main as lsp_main

    return lsp_main()


def cmd_serve(args: argparse.Namespace) -> int:
    from .server.command import run_serve

    return run_serve(args)


def cmd_archive(args: argparse.Namespace) -> int:
    # the archive module (and the batch code under it) is imported when the
    # command runs, so that starting any other command does not load it
    from .archive import cmd_archive as run_archive

    return run_archive(args)


COMMANDS = {"check": cmd_check, "rules": cmd_rules, "explain": cmd_explain, "stats": cmd_stats, "lsp": cmd_lsp,
            "serve": cmd_serve, "archive": cmd_archive}


def _output_formats_for_help(argv: Sequence[str], registry=None) -> list[str]:
    """Every output format's name, loaded only when help is asked for."""
    if not any(a in ("-h", "--help") for a in argv):
        return []
    from .registry import PluginError

    try:
        return list((registry or _registry()).outputs)
    except PluginError:
        return []


def main(argv: Sequence[str] | None = None, registry=None) -> int:
    """Run the command line; ``registry`` replaces the default one (embedding, tests)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_output_formats_for_help(argv, registry))
    args = parser.parse_args(argv)
    args.registry = registry
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    from .registry import PluginError

    try:
        return COMMANDS[args.command](args)
    except PluginError as exc:
        _err(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("newslint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return EXIT_OK


def entry() -> None:  # pragma: no cover
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
