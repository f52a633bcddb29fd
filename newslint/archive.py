"""``newslint archive``: lint a table of articles (Parquet or JSON Lines) on Dask.

The input is split into partitions of a fixed number of rows (``--partition-size``),
numbered in input order.  Each partition is one Dask task: it lints its rows with
:func:`newslint.batch.lint_article` (the engine is built once per worker process)
and writes ``part-NNNNN.parquet`` (or ``.jsonl``/``.jsonl.gz``) into the output
folder, atomically, next to a small summary.  A partition whose file exists is not
redone, so an interrupted run resumes where it stopped; a manifest records what
the folder was made from, so a folder made from other input is never mixed in.

Dask, distributed and pyarrow are optional (``pip install 'newslint[dask]'``) and
imported only when a command needs them.
"""

from __future__ import annotations

import glob
import gzip
import json
import os
import sys
import tempfile
import time
import zlib
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from . import __version__, crossstory, crossstory_run
from .batch import FAILURE_CODES, config_key, engine_for, lint_article, missing
from .engine import parse_document
from .output.records import COLUMNS, arrow_schema, finding_record
from .rule import RuleContext

INSTALL_HINT = "newslint archive needs the dask extra: pip install 'newslint[dask]'"
#: run bookkeeping lives in a folder whose name readers of the dataset skip ("_...")
STATE_DIR = "_newslint"
MANIFEST = "_newslint/manifest.json"
SUMMARY = "_summary.json"
DEFAULT_PARTITION_SIZE = 1000


class ArchiveError(Exception):
    """A user mistake or an unusable input (the message is one clear line)."""


@dataclass
class ArchiveOptions:
    input: str
    output: str
    text_column: str = "text"
    id_column: str = "id"
    format_column: str | None = None
    input_format: str = "text"
    partition_size: int = DEFAULT_PARTITION_SIZE
    output_format: str | None = None
    config: dict[str, Any] = field(default_factory=dict)
    overwrite: bool = False
    #: also run the cross-story rules (a shuffle over the whole archive)
    archive_wide: bool = False
    section_column: str | None = None
    date_column: str | None = None


@dataclass
class PartSummary:
    """What one partition found (kept beside its findings for resuming)."""

    articles: int = 0
    findings: int = 0
    by_code: dict[str, int] = field(default_factory=dict)
    failed: int = 0
    failed_ids: list[str] = field(default_factory=list)
    #: time spent linting in the task (reading, writing and Dask excluded): wall, CPU
    seconds: float = 0.0
    cpu_seconds: float = 0.0


def require_dask() -> None:
    """Raise :class:`ArchiveError` with the install hint when the extra is missing."""
    try:
        import dask
        import dask.dataframe  # noqa: F401
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        raise ArchiveError(INSTALL_HINT) from None


# -- input ------------------------------------------------------------------------------


def input_kind(path: str) -> str:
    """"parquet" or "jsonl", from the name (a folder holds Parquet files)."""
    name = path.lower()
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json", ".json.gz")):
        return "jsonl"
    if name.endswith(".parquet") or os.path.isdir(path):
        return "parquet"
    files = expand_input(path, None)
    kinds = {input_kind(f) for f in files if not os.path.isdir(f)} if files else set()
    if len(kinds) == 1:
        return kinds.pop()
    raise ArchiveError(f"{path}: cannot tell the input format (name Parquet files .parquet, "
                       "JSON Lines files .jsonl or .jsonl.gz)")


def expand_input(path: str, kind: str | None) -> list[str]:
    """The input files, sorted: a file, every Parquet file in a folder, or a glob."""
    if os.path.isdir(path):
        found = sorted(
            os.path.join(root, n)
            for root, _, names in os.walk(path)
            for n in names
            if n.endswith(".parquet") and not n.startswith((".", "_"))
        )
        if not found:
            raise ArchiveError(f"{path}: no .parquet files in this folder")
        return found
    if os.path.isfile(path):
        return [path]
    if glob.has_magic(path):
        found = sorted(f for f in glob.glob(path, recursive=True) if os.path.isfile(f))
        if not found:
            raise ArchiveError(f"{path}: no files match")
        return found
    raise ArchiveError(f"{path}: no such file or directory")


def read_input(files: Sequence[str], kind: str, columns: Sequence[str]) -> Any:
    """A Dask dataframe over the input files."""
    import dask.dataframe as dd

    try:
        if kind == "parquet":
            import pyarrow.parquet as pq

            have = set(pq.read_schema(files[0]).names)
            missing = [c for c in columns if c not in have]
            if missing:
                raise ArchiveError(f"{files[0]}: no column {missing[0]!r} (columns: {', '.join(sorted(have))})")
            return dd.read_parquet(list(files), columns=list(columns))
        compression = "gzip" if files[0].endswith(".gz") else None
        df = dd.read_json(list(files), lines=True, orient="records", blocksize=None,
                          compression=compression, dtype=False)
    except ArchiveError:
        raise
    except Exception as exc:  # noqa: BLE001 - report a broken input in one line
        raise ArchiveError(f"cannot read {files[0]}: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}") from None
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ArchiveError(f"{files[0]}: no column {missing[0]!r} (columns: {', '.join(sorted(map(str, df.columns)))})")
    return df[list(columns)]


def fingerprint(files: Sequence[str]) -> list[list[Any]]:
    out: list[list[Any]] = []
    for f in files:
        st = os.stat(f)
        out.append([os.path.abspath(f), st.st_size, st.st_mtime_ns])
    return out


# -- one partition (runs on a worker) -------------------------------------------------------


def part_name(index: int, output_format: str) -> str:
    ext = {"parquet": ".parquet", "jsonl": ".jsonl", "jsonl.gz": ".jsonl.gz"}[output_format]
    return f"part-{index:05d}{ext}"


def _write_atomic(path: str, write: Callable[[str], None]) -> None:
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".part", dir=directory)
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_records(path: str, records: Sequence[Mapping[str, Any]], output_format: str) -> None:
    """Write one partition's records atomically."""
    if output_format == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist(list(records), schema=arrow_schema())
        _write_atomic(path, lambda tmp: pq.write_table(table, tmp))
        return
    text = "".join(json.dumps({k: r[k] for k in COLUMNS}, ensure_ascii=False) + "\n" for r in records)

    def write(tmp: str) -> None:
        if output_format == "jsonl.gz":
            with gzip.open(tmp, "wt", encoding="utf-8") as f:
                f.write(text)
        else:
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(text)

    _write_atomic(path, write)


def lint_partition(
    pieces: Sequence[Any],
    index: int,
    output_dir: str,
    output_format: str,
    columns: Mapping[str, str | None],
    input_format: str,
    config: Mapping[str, Any],
    first_row: int,
) -> dict[str, Any]:
    """Lint one partition (pandas pieces in order) and write its findings and summary.

    Module-level and importable, so Dask ships it by reference; the engine comes
    from the per-process cache in :mod:`newslint.batch`.
    """
    engine = engine_for(config)
    summary = PartSummary()
    began, began_cpu = time.perf_counter(), time.process_time()
    records: list[dict[str, Any]] = []
    row = first_row
    id_col, text_col, fmt_col = columns["id"], columns["text"], columns.get("format")
    for piece in pieces:
        texts = piece[text_col].tolist() if text_col is not None else []
        ids = piece[id_col].tolist() if id_col is not None else [str(row + i) for i in range(len(texts))]
        fmts = piece[fmt_col].tolist() if fmt_col is not None else [input_format] * len(texts)
        for rid, text, fmt in zip(ids, texts, fmts):
            article_id = "" if rid is None else str(rid)
            findings = lint_article(engine, article_id, text, fmt)
            summary.articles += 1
            if any(f.code in FAILURE_CODES for f in findings):
                summary.failed += 1
                if len(summary.failed_ids) < 20:
                    summary.failed_ids.append(article_id)
            for f in findings:
                records.append(finding_record(article_id, f))
        row += len(texts)
    summary.seconds = round(time.perf_counter() - began, 3)
    summary.cpu_seconds = round(time.process_time() - began_cpu, 3)
    summary.findings = len(records)
    summary.by_code = dict(sorted(Counter(r["code"] for r in records).items()))
    base = os.path.join(output_dir, part_name(index, output_format))
    text = json.dumps(asdict(summary), sort_keys=True)
    summary_path = os.path.join(output_dir, STATE_DIR, f"part-{index:05d}.json")

    def write_summary(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)

    # the summary first: a partition counts as done once its findings file exists
    _write_atomic(summary_path, write_summary)
    write_records(base, records, output_format)
    return asdict(summary)


def _slice(df: Any, start: int, stop: int) -> Any:
    return df.iloc[start:stop]


def _text_field(value: Any) -> str | None:
    return None if missing(value) else str(value)


def observe_partition(
    pieces: Sequence[Any],
    columns: Mapping[str, str | None],
    input_format: str,
    config: Mapping[str, Any],
    first_row: int,
) -> list[dict[str, Any]]:
    """The cross-story rules' rows for one partition (parsing each article again;
    articles that cannot be read are left to the per-article pass)."""
    engine = engine_for(config)
    rules = crossstory_run.cross_rules(engine.linter.ruleset(engine.settings).rules_for("archive"))
    if not rules:
        return []
    enabled = frozenset(r.code for r in rules)
    out: list[dict[str, Any]] = []
    row = first_row
    id_col, text_col, fmt_col = columns["id"], columns["text"], columns.get("format")
    sec_col, date_col = columns.get("section"), columns.get("date")
    for piece in pieces:
        n = len(piece)
        texts = piece[text_col].tolist() if text_col is not None else []
        ids = piece[id_col].tolist() if id_col is not None else [str(row + i) for i in range(n)]
        fmts = piece[fmt_col].tolist() if fmt_col is not None else [input_format] * n
        secs = piece[sec_col].tolist() if sec_col is not None else [None] * n
        dates = piece[date_col].tolist() if date_col is not None else [None] * n
        for rid, text, fmt, sec, day in zip(ids, texts, fmts, secs, dates):
            if not isinstance(text, str) or not text.strip() or fmt not in engine.registry.formats:
                continue
            article_id = "" if rid is None else str(rid)
            try:
                doc = parse_document(text, article_id, engine.registry, fmt)
                ctx = RuleContext(path=article_id, settings=engine.settings, enabled=enabled,
                                  registry=engine.registry)
                out.extend(crossstory_run.observe(rules, crossstory.Article(
                    article_id, doc, _text_field(sec), (_text_field(day) or "")[:10] or None), ctx))
            except Exception:  # noqa: BLE001, S112 - the per-article pass reports a broken article
                continue
        row += n
    return out


def write_cross(verdicts: Sequence[dict[str, Any]], code: str, index: int, output_dir: str,
                output_format: str, config: Mapping[str, Any]) -> dict[str, int]:
    """Write one partition of a cross-story rule's findings; their count by code."""
    engine = engine_for(config)
    rule = engine.registry.rules[code]
    severity = engine.settings.severity_for(engine.registry, rule)
    findings = sorted((crossstory.verdict_finding(rule, severity, v) for v in verdicts), key=lambda f: f.sort_key)
    records = [finding_record(f.path, f) for f in findings]
    if not records:
        return {}
    write_records(os.path.join(output_dir, f"cross-{code}-{index:05d}{part_name(0, output_format)[10:]}"),
                  records, output_format)
    return {code: len(records)} if records else {}


class DaskExecutor:
    """Cross-story pipelines on Dask bags: each grouping is a shuffle between workers.

    Rows are grouped by a CRC-32 of their key (the same in every process, unlike
    Python's salted ``hash``), and regrouped by the key itself inside each group."""

    def flatmap(self, rows: Any, fn: Callable[[dict[str, Any]], Any]) -> Any:
        return rows.map(fn).flatten()

    def shuffle(self, rows: Any, key: Callable[[dict[str, Any]], Any], reduce: Callable[[Any, list[Any]], Any]) -> Any:
        def bucket(r: dict[str, Any]) -> int:
            return zlib.crc32(repr(key(r)).encode("utf-8"))

        def apply(item: tuple[int, list[dict[str, Any]]]) -> list[dict[str, Any]]:
            return crossstory.LocalExecutor().shuffle(item[1], key, reduce)

        return rows.groupby(bucket, shuffle="tasks").map(apply).flatten()

    def concat(self, parts: Sequence[Any]) -> Any:
        import dask.bag as db

        return db.concat(list(parts))


# -- planning and running --------------------------------------------------------------------


def output_format_for(output: str, chosen: str | None) -> str:
    if chosen:
        return chosen
    name = output.lower().rstrip("/")
    if name.endswith(".jsonl.gz"):
        return "jsonl.gz"
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    return "parquet"


def _check_output(opts: ArchiveOptions, manifest: dict[str, Any], output_format: str) -> None:
    out = opts.output
    if os.path.exists(out) and not os.path.isdir(out):
        raise ArchiveError(f"{out}: exists and is not a folder (the findings are written as a folder of parts)")
    os.makedirs(os.path.join(out, STATE_DIR), exist_ok=True)
    path = os.path.join(out, MANIFEST)
    old: dict[str, Any] | None = None
    if os.path.exists(path):
        try:
            with open(path, encoding="utf-8") as f:
                old = json.load(f)
        except (OSError, ValueError):
            old = None
    if old is not None and old != manifest and not opts.overwrite:
        raise ArchiveError(f"{out}: holds findings from a different input or configuration "
                               "(use --overwrite to replace them, or another output folder)")
    if old != manifest or opts.overwrite:
        for folder in (out, os.path.join(out, STATE_DIR)):
            for name in os.listdir(folder):
                if name.startswith("part-") or name == SUMMARY:
                    os.unlink(os.path.join(folder, name))
        text = json.dumps(manifest, indent=2, sort_keys=True)

        def write(tmp: str) -> None:
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(text)

        _write_atomic(path, write)


def done_summary(output_dir: str, index: int, output_format: str) -> dict[str, Any] | None:
    base = os.path.join(output_dir, part_name(index, output_format))
    if not os.path.exists(base):
        return None
    try:
        with open(os.path.join(output_dir, STATE_DIR, f"part-{index:05d}.json"), encoding="utf-8") as f:
            data: dict[str, Any] = json.load(f)
            return data
    except (OSError, ValueError):
        return None


@dataclass
class ArchiveResult:
    articles: int
    findings: int
    by_code: dict[str, int]
    failed: int
    failed_ids: list[str]
    partitions: int
    resumed: int
    seconds: float
    #: time the partitions done in this run spent linting, summed over workers: wall, CPU
    lint_seconds: float = 0.0
    lint_cpu_seconds: float = 0.0


def run_archive(opts: ArchiveOptions, client: Any, progress: bool = False,
                timeout: float | None = None) -> ArchiveResult:
    """Lint the archive on ``client``'s cluster; write the output folder.

    ``timeout`` (seconds) bounds the wait for the partitions (for tests)."""
    import dask

    started = time.perf_counter()
    if opts.partition_size < 1:
        raise ArchiveError("--partition-size must be 1 or more")
    kind = input_kind(opts.input)
    files = expand_input(opts.input, kind)
    output_format = output_format_for(opts.output, opts.output_format)
    wanted = [opts.text_column]
    id_col: str | None = opts.id_column
    if opts.format_column:
        wanted.append(opts.format_column)
    if opts.archive_wide:
        wanted.extend(c for c in (opts.section_column, opts.date_column) if c and c not in wanted)
    if opts.id_column != "id":
        df = read_input(files, kind, wanted + [opts.id_column])
    else:  # the default id column is optional: row numbers when it is absent
        try:
            df = read_input(files, kind, wanted + ["id"])
        except ArchiveError as exc:
            if "no column 'id'" not in str(exc):
                raise
            df = read_input(files, kind, wanted)
            id_col = None
    parts = df.to_delayed()
    counts = list(client.gather(client.compute([dask.delayed(len)(p) for p in parts])))
    total = int(sum(counts))
    size = opts.partition_size
    n_out = (total + size - 1) // size
    manifest = {
        "newslint": __version__,
        "input": fingerprint(files),
        "columns": {"id": id_col, "text": opts.text_column, "format": opts.format_column},
        "input_format": opts.input_format,
        "config": config_key(opts.config),
        "partition_size": size,
        "rows": total,
        "output_format": output_format,
    }
    _check_output(opts, manifest, output_format)
    out_dir = os.path.abspath(opts.output)
    starts = [0]
    for c in counts:
        starts.append(starts[-1] + c)
    summaries: dict[int, dict[str, Any]] = {}
    tasks = []
    indices = []
    columns = {"id": id_col, "text": opts.text_column, "format": opts.format_column}
    for k in range(n_out):
        old = done_summary(out_dir, k, output_format)
        if old is not None:
            summaries[k] = old
            continue
        lo, hi = k * size, min(total, (k + 1) * size)
        pieces = []
        for i, p in enumerate(parts):
            a, b = max(lo, starts[i]), min(hi, starts[i + 1])
            if a < b:
                pieces.append(dask.delayed(_slice)(p, a - starts[i], b - starts[i]))
        tasks.append(dask.delayed(lint_partition, pure=True)(
            pieces, k, out_dir, output_format, columns, opts.input_format, opts.config, lo))
        indices.append(k)
    resumed = len(summaries)
    if tasks:
        from distributed import as_completed

        futures = client.compute(tasks)
        where = {f.key: k for f, k in zip(futures, indices)}
        bar = _Progress(len(futures), resumed, n_out) if progress else None
        for fut in as_completed(futures, timeout=timeout):
            try:
                summaries[where[fut.key]] = fut.result()
            except Exception as exc:  # noqa: BLE001 - e.g. the output folder is not writable on a worker
                client.cancel(futures)
                raise ArchiveError(f"partition {where[fut.key]} failed: {type(exc).__name__}: {exc}") from None
            if bar is not None:
                bar.step()
        if bar is not None:
            bar.close()
    by_code: Counter[str] = Counter()
    for name in os.listdir(out_dir):
        if name.startswith("cross-"):
            os.unlink(os.path.join(out_dir, name))  # cross-story findings are always made afresh
    cross: Counter[str] = Counter()
    if opts.archive_wide:
        cross = _run_cross(client, parts, starts, total, size, n_out, out_dir, output_format, opts, id_col, timeout)
    by_code.update(cross)
    failed_ids: list[str] = []
    articles = failed = 0
    findings = sum(cross.values())
    for k in range(n_out):
        s = summaries[k]
        articles += s["articles"]
        findings += s["findings"]
        failed += s["failed"]
        by_code.update(s["by_code"])
        failed_ids.extend(s["failed_ids"])
    lint_seconds = sum(summaries[k].get("seconds", 0.0) for k in indices)
    lint_cpu = sum(summaries[k].get("cpu_seconds", 0.0) for k in indices)
    result = ArchiveResult(articles, findings, dict(sorted(by_code.items())), failed, failed_ids[:20],
                           n_out, resumed, time.perf_counter() - started, lint_seconds, lint_cpu)
    timings = ("seconds", "lint_seconds", "lint_cpu_seconds")
    text = json.dumps({k: v for k, v in asdict(result).items() if k not in timings}, indent=2, sort_keys=True)

    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text + "\n")

    _write_atomic(os.path.join(out_dir, SUMMARY), write)
    return result


def _run_cross(client: Any, parts: Sequence[Any], starts: Sequence[int], total: int, size: int, n_out: int,
               out_dir: str, output_format: str, opts: ArchiveOptions, id_col: str | None,
               timeout: float | None) -> Counter[str]:
    """The cross-story rules over the whole archive: observe every partition, shuffle,
    write each rule's findings as ``cross-CODE-NNNNN`` parts; their counts by code."""
    import dask
    import dask.bag as db
    from distributed import wait

    engine = engine_for(opts.config)
    rules = crossstory_run.cross_rules(engine.linter.ruleset(engine.settings).rules_for("archive"))
    if not rules:
        return Counter()
    columns = {"id": id_col, "text": opts.text_column, "format": opts.format_column,
               "section": opts.section_column, "date": opts.date_column}
    observed = []
    for k in range(n_out):
        lo, hi = k * size, min(total, (k + 1) * size)
        pieces = [dask.delayed(_slice)(p, max(lo, starts[i]) - starts[i], min(hi, starts[i + 1]) - starts[i])
                  for i, p in enumerate(parts) if max(lo, starts[i]) < min(hi, starts[i + 1])]
        observed.append(dask.delayed(observe_partition, pure=True)(
            pieces, columns, opts.input_format, opts.config, lo))
    rows = db.from_delayed(observed)
    verdicts = crossstory_run.run(rules, rows, DaskExecutor())
    writes = []
    for code in sorted(verdicts):
        for i, part in enumerate(verdicts[code].to_delayed()):
            writes.append(dask.delayed(write_cross)(part, code, i, out_dir, output_format, opts.config))
    futures = client.compute(writes)
    wait(futures, timeout=timeout)
    counts: Counter[str] = Counter()
    for c in client.gather(futures):
        counts.update(c)
    return counts


class _Progress:
    """A one-line progress bar on standard error (only used on a terminal)."""

    def __init__(self, todo: int, done: int, total: int):
        self.todo, self.done, self.total = todo, done, total
        self.start = time.perf_counter()
        self._draw()

    def step(self) -> None:
        self.done += 1
        self._draw()

    def _draw(self) -> None:
        width = 30
        fill = int(width * self.done / max(1, self.total))
        secs = time.perf_counter() - self.start
        sys.stderr.write(f"\r[{'#' * fill}{'.' * (width - fill)}] {self.done}/{self.total} partitions  {secs:.0f}s")
        sys.stderr.flush()

    def close(self) -> None:
        sys.stderr.write("\n")
        sys.stderr.flush()


# -- command line -----------------------------------------------------------------------------


def _config_table(args: Any) -> dict[str, Any]:
    from pathlib import Path

    from .config import ConfigError, _read_toml, find_config_file

    table: dict[str, Any]
    if args.config:
        p = Path(args.config)
        if not p.is_file():
            raise ConfigError(f"configuration file {args.config!r} does not exist")
        data = _read_toml(p)
        table = data.get("tool", {}).get("newslint", {}) if p.name == "pyproject.toml" else data
    else:
        found = find_config_file(Path.cwd())
        table = dict(found[1]) if found else {}
    table = dict(table)
    for key in ("select", "ignore"):
        values = getattr(args, key)
        if values:
            items = [x.strip() for v in values for x in v.split(",") if x.strip()]
            table[key] = items if key == "select" else list(table.get(key, [])) + items
    return table


def cmd_archive(args: Any) -> int:
    from .config import ConfigError

    def err(msg: str) -> int:
        print(f"newslint: error: {msg}", file=sys.stderr)
        return 2

    try:
        require_dask()
        config = _config_table(args)
        engine_for(config)  # a bad configuration stops the run here, in one line
    except (ArchiveError, ConfigError) as exc:
        return err(str(exc))
    if args.workers is not None and args.workers < 1:
        return err("--workers must be 1 or more")
    opts = ArchiveOptions(
        input=args.input,
        output=args.output,
        text_column=args.text_column,
        id_column=args.id_column,
        format_column=args.format_column,
        input_format=args.input_format,
        partition_size=args.partition_size,
        output_format=args.output_format,
        config=config,
        overwrite=args.overwrite,
        archive_wide=args.archive_wide,
        section_column=args.section_column,
        date_column=args.date_column,
    )
    show = not args.quiet and sys.stderr.isatty()
    try:
        expand_input(opts.input, input_kind(opts.input))  # report a bad path before starting a cluster
        if opts.partition_size < 1:
            raise ArchiveError("--partition-size must be 1 or more")
        with connect(args.scheduler, args.workers) as client:
            result = run_archive(opts, client, progress=show)
    except ArchiveError as exc:
        return err(str(exc))
    except OSError as exc:
        return err(f"{getattr(exc, 'filename', None) or opts.output}: {exc.strerror or exc}")
    if not args.quiet:
        print_summary(result, opts.output)
    return 0


def print_summary(result: ArchiveResult, output: str) -> None:
    lines = [
        f"Checked {result.articles} article{'s' if result.articles != 1 else ''} in "
        f"{result.partitions} partition{'s' if result.partitions != 1 else ''}"
        + (f" ({result.resumed} already done)" if result.resumed else "")
        + f" in {result.seconds:.1f}s: {result.findings} finding{'s' if result.findings != 1 else ''}, "
        f"{result.failed} failed article{'s' if result.failed != 1 else ''}"
        + (f" ({', '.join(result.failed_ids[:5])}{', ...' if result.failed > 5 else ''})" if result.failed else ""),
    ]
    top = sorted(result.by_code.items(), key=lambda kv: (-kv[1], kv[0]))
    if top:
        lines.append("Findings by code: " + ", ".join(f"{c} {n}" for c, n in top))
    lines.append(f"Findings written to {output}")
    print("\n".join(lines), file=sys.stderr)


class connect:
    """A Dask client: to ``scheduler`` when given, else to a new LocalCluster."""

    def __init__(self, scheduler: str | None, workers: int | None):
        self.scheduler = scheduler
        self.workers = workers
        self.cluster: Any = None
        self.client: Any = None

    def __enter__(self) -> Any:
        import logging

        from distributed import Client, LocalCluster

        try:
            if self.scheduler:
                self.client = Client(self.scheduler, timeout="20s")
            else:
                logging.getLogger("distributed").setLevel(logging.ERROR)
                n = self.workers or os.cpu_count() or 1
                self.cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                            dashboard_address=":0", silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
        except OSError as exc:
            self.__exit__()
            raise ArchiveError(f"cannot connect to the Dask scheduler {self.scheduler}: {exc}") from None
        return self.client

    def __exit__(self, *exc: object) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
