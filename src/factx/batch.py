"""Run extraction over many inputs, in this process or in a pool of processes, results in input order.

One input never stops the others: each `Result` carries its documents, its warnings, or
the one-line reason it failed. Broken rule files are the exception (`rule_errors`): every
input would fail the same way, so the caller stops (exit 2).

With `jobs > 1` the rules are loaded and compiled here, before the pool forks, so each
worker starts with them in memory (where fork is unavailable, each worker loads them
once, in its initializer). Inputs go to the workers in chunks (`Executor.map` with a
chunksize), which keeps the per-article overhead of the pool small.
"""
from __future__ import annotations

import os
import signal
import sys
from contextlib import contextmanager
from typing import Iterator

from .inputs import InputFailure, Source, describe, looks_like_output, parse_output, read_source, too_big
from .plain import Frozen, Plain

# Plain classes, not dataclasses: cheaper to import (see plain.py).


class Options(Frozen):
    __slots__ = ("lang", "published", "rules", "max_bytes", "timeout", "accept_output", "max_output_bytes")

    def __init__(self, lang: str = "auto", published: str | None = None, rules: tuple[str, ...] = (),
                 max_bytes: int = 20 * 1024 * 1024, timeout: float = 0, accept_output: bool = False,
                 max_output_bytes: int = 2048 * 1024 * 1024):
        self.lang = lang
        self.published = published
        self.rules = rules
        self.max_bytes = max_bytes
        self.timeout = timeout  # seconds per input; 0: no limit
        self.accept_output = accept_output  # compare: factx JSON/JSONL inputs are read, not extracted
        self.max_output_bytes = max_output_bytes  # factx output may be far larger than any one article

    def read_limit(self) -> int:
        return max(self.max_bytes, self.max_output_bytes) if self.accept_output else self.max_bytes


class Result(Plain):
    __slots__ = ("name", "docs", "warnings", "error", "rule_errors")

    def __init__(self, name: str, docs: list[dict] | None = None, warnings: list[str] | None = None,
                 error: str | None = None, rule_errors: list[str] | None = None):
        self.name = name
        self.docs = [] if docs is None else docs
        self.warnings = [] if warnings is None else warnings
        self.error = error
        self.rule_errors = rule_errors


class _OutOfTime(Exception):
    pass


@contextmanager
def _time_limit(seconds: float):
    """Bound the wall time of one input (SIGALRM: main thread of a Unix process only)."""
    if seconds <= 0 or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise _OutOfTime()

    old = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def process(src: Source, data: bytes | None, opts: Options) -> Result:
    """Read (unless `data` is given), decode and extract one input; never raises for bad input."""
    from .api import extract_record
    from .article import InputError, decode
    from .engine.sources import RuleError

    res = Result(src.name)
    try:
        with _time_limit(opts.timeout):
            if data is None:
                data = read_source(src, opts.read_limit())
            text, warnings = decode(data)
            if opts.accept_output and looks_like_output(text):
                res.docs = parse_output(text, src.name)
            else:
                if len(data) > opts.max_bytes:
                    raise InputFailure(too_big(opts.max_bytes))
                res.docs = [extract_record(text, lang=opts.lang, published=opts.published, rules=list(opts.rules),
                                           source=src.name, warnings=warnings)]
    except RuleError as e:
        res.rule_errors = [str(err) for err in e.errors]
    except _OutOfTime:
        res.error = f"gave up after {opts.timeout:g} s (raise the limit with --timeout)"
    except FileNotFoundError as e:
        res.error = "no longer exists (removed after its folder was listed)" if src.listed else describe(e)
    except (OSError, InputError, InputFailure) as e:
        res.error = describe(e)
    except MemoryError:
        res.error = "out of memory"
    except Exception as e:  # a bug on this input must not take the other inputs down with it
        if os.environ.get("FACTX_DEBUG"):
            raise
        res.error = f"internal error ({type(e).__name__}: {e}); please report it (FACTX_DEBUG=1 shows the traceback)"
    for doc in res.docs:
        res.warnings += doc.get("warnings") or []
    return res


def warm(rules: tuple[str, ...]) -> None:
    """Load and compile the rules once; raises RuleError when the rule files are broken."""
    from .engine import runtime
    from .engine.sources import RuleError

    dirs = runtime.folders(rules)
    outline = runtime.outline(dirs)
    if outline.errors:
        raise RuleError(outline.errors)
    for lang in outline.languages:
        try:
            runtime.compiled(dirs, lang)
        except RuleError:
            pass  # a broken language is reported by the inputs that use it


_OPTS: Options | None = None


def _init_worker(opts: Options) -> None:
    global _OPTS
    _OPTS = opts
    # Ctrl-C goes to the whole process group: the parent handles it and stops the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's (fork copies it): terminate() must kill
    try:
        warm(opts.rules)
    except Exception:
        pass  # reported per input by `process`


def _work(item: tuple[Source, bytes | None]) -> Result:
    assert _OPTS is not None
    return process(item[0], item[1], _OPTS)


def run(sources: list[Source], opts: Options, jobs: int = 1) -> Iterator[Result]:
    """Results in input order. Standard input is read here, before any worker starts."""
    items = [(s, read_stdin(s, opts)) if s.path is None and not s.error else (s, None) for s in sources]
    if jobs <= 1 or len(items) < 2:
        for src, data in items:
            if isinstance(data, Result):
                yield data
            else:
                yield process(src, data, opts)
        return
    yield from _run_pool(items, opts, jobs)


def read_stdin(src: Source, opts: Options) -> bytes | Result:
    try:
        return read_source(src, opts.read_limit())
    except (OSError, InputFailure) as e:
        return Result(src.name, error=describe(e))


def _run_pool(items, opts: Options, jobs: int) -> Iterator[Result]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    warm(opts.rules)
    ready = [r for _, r in items if isinstance(r, Result)]
    todo = [(s, d) for s, d in items if not isinstance(d, Result)]
    ctx = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    chunk = max(1, min(8, len(todo) // (jobs * 4)))  # small chunks: an even load and a lively progress bar
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker, initargs=(opts,))
    finished = False
    try:
        results = pool.map(_work, todo, chunksize=chunk)
        by_name = iter(ready)
        for src, data in items:
            yield next(by_name) if isinstance(data, Result) else next(results)
        finished = True
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:  # Ctrl-C, a closed pipe, rule errors: stop the workers now
            import threading

            procs = list((getattr(pool, "_processes", None) or {}).values())
            pool.shutdown(wait=False, cancel_futures=True)
            # The pool's manager thread complains when its workers vanish under it; we are leaving anyway.
            threading.excepthook = lambda args: None
            for proc in procs:
                proc.terminate()


def stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False
