"""``eventex extract``: one text (``--text``, ``--text-file``) or every document of files, tables and datasets."""

from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType

from tqdm import tqdm

from eventex.chunk import ChunkResult
from eventex.cli import exits
from eventex.cli.files import check_output, os_error_message, read_text, write_text
from eventex.errors import EventexError, InputError, MissingFileError, UsageError
from eventex.io.readers import count_inputs
from eventex.io.records import MAX_CHARS, Options
from eventex.io.sink import Summary
from eventex.loading import loaded
from eventex.ner.runtime import RUNTIMES
from eventex.pipeline import parse_published
from eventex.runner import extract_files
from eventex.views.text import summarize

MAX_PRINTED_ERRORS = 20
"""Error lines printed while a run goes on; the rest are only in the error records."""

EPILOG = """\
inputs: .txt files, directories of them (recursive), .jsonl/.ndjson, .csv, .parquet, a datasets directory
  (save_to_disk), or - for JSONL on stdin. Records: {id, published, events, [entities], [warnings]} or, on
  failure, {id, error, message}; --flat writes one row per event x role filler instead.
ids: --id-field, else the file path (.txt), FILE:LINE (jsonl, csv) or PATH:ROW (parquet, datasets).
  A duplicate id gets an error record (DuplicateId) and is not extracted.
errors (empty text, invalid UTF-8, bad JSON, missing or non-string text, bad date, text over --max-chars,
  unreadable file, directory without .txt files, model failure) give error records; the run carries on.
exit status: 0 all records ok, 1 some error records, 2 usage or fatal error (no input documents included),
  130 interrupted.
--resume continues an interrupted run (OUT.progress) with no lost or duplicated records."""


def positive(value: str) -> int:
    """An argparse type: an integer of at least 1."""
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``eventex extract``."""
    p = sub.add_parser(
        "extract",
        help="extract events from texts, files, tables or datasets",
        description="Extract events: one record per input document, or one text (--text, --text-file).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="*", metavar="INPUT", help="files, directories, or - (JSONL on stdin)")
    p.add_argument("-o", "--output", default="-", metavar="OUT", help="output file or - for stdout (default)")
    p.add_argument(
        "--format", choices=["jsonl", "parquet"],
        help="default: from OUT's extension, else jsonl (--engine ray: parquet)",
    )
    p.add_argument("--flat", action="store_true", help="one row per event x role filler (for pandas/SQL)")
    p.add_argument("--entities", action="store_true", help="add the entities to each record (not --flat)")
    p.add_argument("--jobs", type=positive, default=1, metavar="N", help="worker processes (default 1)")
    p.add_argument(
        "--engine", choices=["local", "ray"], default="local",
        help="local processes (default) or Ray Data: OUT is then a directory of Parquet (or --format jsonl) files,"
        " replaced on a re-run",
    )
    p.add_argument("--address", metavar="ADDR", help="--engine ray: the Ray cluster (default: running, else local)")
    p.add_argument("--workers", type=positive, metavar="N", help="--engine ray: extractor actors (default: 1 a CPU)")
    p.add_argument("--batch-size", type=positive, default=16, metavar="N", help="texts a batch (default 16)")
    p.add_argument("--text-field", default="text", metavar="F", help="text field (default text)")
    p.add_argument("--id-field", metavar="F", help="id field (default: the position, see below)")
    p.add_argument(
        "--published-field", default="published", metavar="F", help="date field (default published)"
    )
    p.add_argument("--published", metavar="DATE", help="date of --text(-file); default date of inputs")
    p.add_argument(
        "--max-chars", type=positive, default=MAX_CHARS, metavar="N",
        help=f"longer texts fail (default {MAX_CHARS:,})",
    )
    p.add_argument("--resume", action="store_true", help="continue an interrupted run into the same OUT")
    p.add_argument("--model", metavar="PATH", help="model directory or 'spacy' (default: the shipped model)")
    p.add_argument("--rules", metavar="TOML", help="user rules added to the shipped ones (docs/rules.md)")
    p.add_argument(
        "--runtime", choices=RUNTIMES,
        help="entity head runtime (default auto: int8 where the model card's dev check passed, else onnx)",
    )
    one = p.add_mutually_exclusive_group()
    one.add_argument("--text", help="extract from this one text and print the result")
    one.add_argument("--text-file", metavar="FILE", help="extract from this one file and print the result")
    p.add_argument("--summary", action="store_true", help="with --text(-file): print a summary, not JSON")
    p.add_argument("--html", metavar="FILE", help="also write an HTML view: of the one text, or the report of OUT")
    p.set_defaults(func=run)


class ProgressBar:
    """A run's progress on stderr: a bar (on a terminal) with words/s and errors, and the first error lines."""

    def __init__(self, total: int | None) -> None:
        self.total = total
        self.bar: tqdm | None = None
        self.words = self.printed = 0
        self.start = time.monotonic()

    def __call__(self, summary: Summary, chunk: ChunkResult | None) -> None:
        """Start the bar (no chunk), or count a chunk and print its errors."""
        if self.bar is None:
            self.bar = tqdm(
                total=self.total, initial=summary.inputs, unit="doc", file=sys.stderr, disable=None, dynamic_ncols=True
            )
            self.start = time.monotonic()
        if chunk is None:
            return
        for line in chunk.errors:
            self.printed += 1
            if self.printed <= MAX_PRINTED_ERRORS:
                self.bar.write(line, file=sys.stderr)
            elif self.printed == MAX_PRINTED_ERRORS + 1:
                self.bar.write("(more errors: see the error records)", file=sys.stderr)
        self.words += chunk.words
        rate = self.words / max(time.monotonic() - self.start, 1e-6)
        self.bar.set_postfix_str(f"{rate:,.0f} words/s, {summary.failed} errors", refresh=False)
        self.bar.update(chunk.inputs)

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        if self.bar is not None:
            self.bar.close()


def run(args: argparse.Namespace) -> int:
    """One text, or a batch run with its summary line on stderr."""
    if args.text is not None or args.text_file:
        if args.inputs:
            raise UsageError("give INPUT files or --text/--text-file, not both")
        return run_one(args)
    if not args.inputs:
        raise UsageError("nothing to do: give INPUT files, -, --text or --text-file")
    if args.summary:
        raise UsageError("--summary goes with --text/--text-file")
    parquet = args.format == "parquet" or (not args.format and args.output.lower().endswith(".parquet"))
    if args.html and (args.output == "-" or args.flat or parquet):
        raise UsageError("--html with INPUT files needs -o OUT.jsonl (records, not --flat)")
    opts = Options(
        text_field=args.text_field, id_field=args.id_field, published_field=args.published_field,
        published=args.published, entities=args.entities, flat=args.flat, max_chars=args.max_chars,
    )
    parse_published(args.published)
    for path in [args.output, args.html]:
        if path is not None and path != "-":
            check_output(path, directory=args.engine == "ray" and path == args.output)
    if args.engine == "ray":
        return run_ray(args, opts)
    try:
        with ProgressBar(count_inputs(args.inputs) if sys.stderr.isatty() else None) as bar:
            summary = extract_files(
                args.inputs, args.output, fmt=args.format, options=opts, model=args.model, runtime=args.runtime,
                rules=args.rules, jobs=args.jobs, batch_size=args.batch_size, resume=args.resume, progress=bar,
            )
    except KeyboardInterrupt:
        print("eventex extract: error: interrupted; run again with --resume to continue", file=sys.stderr)
        return exits.INTERRUPTED
    except EventexError:
        raise
    except FileNotFoundError as e:  # an output directory that does not exist
        raise MissingFileError(str(e)) from e
    except (OSError, BrokenProcessPool) as e:  # disk full, a worker killed (out of memory?), …
        output = None if args.output == "-" else args.output
        reason = os_error_message(e, output) if isinstance(e, OSError) else f"a worker process died ({e})"
        print(f"eventex extract: error: {reason}; continue with --resume", file=sys.stderr)
        return exits.ERROR
    status = _summary_line(args, summary)
    if args.html:
        from eventex.views.html import write_report

        write_report(args.output, args.html)
    return status


def _summary_line(args: argparse.Namespace, summary: Summary) -> int:
    """Print a batch run's summary line; its exit status (InputError when it had no documents)."""
    if not summary.inputs:
        raise InputError(f"no documents in {', '.join(args.inputs)}: nothing extracted")
    where = "" if args.output == "-" else f" -> {args.output}"
    counts = f"{summary.inputs} documents, {summary.failed} failed, {summary.warned} with warnings"
    print(f"eventex extract: {counts}{where}", file=sys.stderr)
    return exits.of_failures(summary.failed)


def run_ray(args: argparse.Namespace, opts: Options) -> int:
    """A batch run on Ray: progress, first errors and the summary line on stderr, as :func:`run` gives them."""
    from eventex.engines.ray import extract_files_ray, input_files

    if args.output == "-" or args.resume or args.html or args.jobs > 1 or args.rules:
        raise UsageError("--engine ray writes to -o OUT_DIR (no --resume, --html, --jobs or --rules)")
    total = count_inputs(list(input_files(args.inputs).values())) if sys.stderr.isatty() else None
    try:
        with ProgressBar(total) as bar:
            summary = extract_files_ray(
                args.inputs, args.output, fmt=args.format or "parquet", options=opts, model=args.model,
                runtime=args.runtime, batch_size=args.batch_size, workers=args.workers, address=args.address,
                progress=bar,
            )
    except KeyboardInterrupt:
        print("eventex extract: error: interrupted; run it again (the output is replaced)", file=sys.stderr)
        return exits.INTERRUPTED
    except EventexError:
        raise
    except Exception as e:  # the cluster cannot be reached, the job failed (the output is left as it was)
        print(f"eventex extract: error: {type(e).__name__}: {(str(e) or '?').splitlines()[0]}", file=sys.stderr)
        return exits.ERROR
    return _summary_line(args, summary)


def run_one(args: argparse.Namespace) -> int:
    """Print the result of one text: JSON, or a summary with ``--summary``."""
    text = read_text(args.text_file) if args.text_file else args.text
    if not text.strip():
        raise InputError(f"{args.text_file or '--text'}: the text is empty or whitespace only")
    if len(text) > args.max_chars:
        raise InputError(f"{args.text_file or '--text'}: {len(text):,} characters, over --max-chars {args.max_chars:,}")
    if args.html:
        check_output(args.html)
    result = loaded(args.model, runtime=args.runtime, rules=args.rules).extract(text, published=args.published)
    out = summarize(result, args.text_file) if args.summary else result.model_dump_json(indent=2) + "\n"
    sys.stdout.write(out)
    if args.html:
        from eventex.views.html import render

        write_text(args.html, render(result, names=[args.text_file or "text"]))
    return exits.OK
