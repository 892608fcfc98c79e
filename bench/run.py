#!/usr/bin/env python3
"""Measure factx: cold start, throughput, the most expensive rules, peak memory.

    python bench/run.py                 # the table, then the JSON
    python bench/run.py --json bench/out/latest.json
    python bench/run.py --quick         # fewer runs and a smaller corpus (a smoke test)

Standard library only. Every target is a ratio against a baseline measured in the
same run (`python -c pass`, and bench/minimal_app.py: the smallest Typer + pydantic
CLI that prints one model as JSON), so the figures mean something on a noisy or
shared machine. Processes of one kind are interleaved with the others, round-robin,
so that a burst of load elsewhere hits every command alike.

Targets (issue 6): `factx extract` on one article <= 1.3x the minimal app,
`factx --help` <= 1.5x its `--help`; >= 300 articles/s on one core with the full
packs; `--jobs 2` >= 1.7x one core; peak RSS <= 60 MiB for one article.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "articles" / "id_arrahmah_2020-11-01_karabakh.txt"
DEV = ROOT.parent / "shared" / "corpus" / "dev"
MINIMAL = ROOT / "bench" / "minimal_app.py"

TARGETS = {
    "extract_ratio": 1.3,  # factx extract / minimal app, at most
    "help_ratio": 1.5,  # factx --help / minimal app --help, at most
    "articles_per_s": 300.0,  # one core, at least
    "jobs2_speedup": 1.7,  # --jobs 2 / one core, at least
    "peak_rss_mib": 60.0,  # one article, at most
}


def factx_command() -> list[str]:
    """The console script as installed beside this interpreter (not a pyenv/asdf shim,
    whose own start-up would be charged to factx)."""
    beside = Path(sys.executable).parent / "factx"
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("factx")
    if found:
        return [found]
    return [sys.executable, "-m", "factx.cli"]


def compile_bytecode() -> str:
    """Write the .pyc files of the factx package the console script imports, as `pip install`
    does for a regular install. An editable install under PYTHONDONTWRITEBYTECODE=1 (set on
    this machine) would otherwise recompile every factx module from source on every run,
    which no installed copy does; typer, pydantic and the rest already have theirs."""
    import compileall

    try:
        import factx
    except ImportError:
        return "factx not importable here: bytecode left as it is"
    folder = Path(next(iter(factx.__path__)))
    ok = compileall.compile_dir(str(folder), quiet=1)
    return f"compiled {folder}" if ok else f"could not compile all of {folder}"


def run_once(argv: list[str], env: dict | None = None) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MiB, exit status of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024, proc.returncode  # ru_maxrss is in KiB on Linux


def cold_start(runs: int, env: dict) -> dict:
    factx = factx_command()
    py = [sys.executable]
    commands = {
        "python -c pass": py + ["-c", "pass"],
        "minimal app": py + [str(MINIMAL), str(SEED)],
        "factx extract": factx + ["extract", str(SEED)],
        "minimal app --help": py + [str(MINIMAL), "--help"],
        "factx --help": factx + ["--help"],
    }
    for argv in commands.values():  # warm-up: page cache, factx's rule cache
        wall, _, code = run_once(argv, env)
        if code != 0:
            raise SystemExit(f"bench: {' '.join(argv)} exited with {code}")
    times: dict[str, list[float]] = {k: [] for k in commands}
    rss: dict[str, list[float]] = {k: [] for k in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            wall, peak, _ = run_once(argv, env)
            times[name].append(wall)
            rss[name].append(peak)
    out = {name: {"median_ms": statistics.median(t) * 1e3, "min_ms": min(t) * 1e3,
                  "max_ms": max(t) * 1e3, "runs": len(t), "peak_rss_mib": max(rss[name])}
           for name, t in times.items()}
    # The first run after a change of rules (or with no cache at all) pays for compiling.
    with tempfile.TemporaryDirectory() as empty:
        first = [run_once(commands["factx extract"], {**env, "FACTX_CACHE_DIR": os.path.join(empty, str(i))})[0]
                 for i in range(3)]
    out["factx extract, empty cache"] = {"median_ms": statistics.median(first) * 1e3, "runs": len(first)}
    return out


def corpus_sources() -> list[Path]:
    found = sorted((ROOT / "fixtures" / "articles").glob("*.txt"))
    if DEV.is_dir():
        found += sorted(DEV.glob("*.txt"))
    return found


def build_corpus(folder: Path, size: int) -> list[Path]:
    """At least `size` article files, the fixtures and dev articles round-robin (mixed languages)."""
    sources = corpus_sources()
    paths = []
    for i in range(max(size, len(sources))):
        src = sources[i % len(sources)]
        dst = folder / f"{i:05d}_{src.name}"
        shutil.copyfile(src, dst)
        paths.append(dst)
    return paths


def throughput_library(paths: list[Path]) -> dict:
    """One process, one core, through the library, as a script over an archive would use it."""
    import factx

    first_start = time.perf_counter()
    factx.extract_bytes(paths[0].read_bytes(), source=str(paths[0]))
    for p in paths[:len(corpus_sources())]:  # every language compiled once, outside the timing
        factx.extract_bytes(p.read_bytes(), source=str(p))
    warm = time.perf_counter() - first_start
    start = time.perf_counter()
    claims = 0
    for p in paths:
        doc = factx.extract_bytes(p.read_bytes(), source=str(p))
        doc.model_dump_json()
        claims += len(doc.claims)
    elapsed = time.perf_counter() - start
    return {"articles": len(paths), "seconds": elapsed, "articles_per_s": len(paths) / elapsed,
            "ms_per_article": elapsed / len(paths) * 1e3, "claims": claims, "warm_up_s": warm}


def jobs_supported() -> bool:
    try:
        out = subprocess.run(factx_command() + ["extract", "--help"], capture_output=True, text=True,
                             timeout=60).stdout
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "--jobs" in out


def throughput_cli(paths: list[Path], env: dict) -> dict:
    """The same corpus through `factx extract` as one process: serially, then with --jobs 2."""
    if not jobs_supported():
        return {"jobs": "n/a", "reason": "factx extract has no --jobs option"}
    base = factx_command() + ["extract", "--compact"]
    out = {}
    for label, extra in (("serial", []), ("jobs1", ["--jobs", "1"]), ("jobs2", ["--jobs", "2"])):
        start = time.perf_counter()
        proc = subprocess.run(base + extra + [str(p) for p in paths], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, env=env)
        elapsed = time.perf_counter() - start
        docs = proc.stdout.count(b"\n")
        out[label] = {"seconds": elapsed, "articles_per_s": len(paths) / elapsed, "documents": docs,
                      "exit": proc.returncode}
    one_core = min(out["serial"]["seconds"], out["jobs1"]["seconds"]) if out["jobs1"]["exit"] == 0 \
        else out["serial"]["seconds"]
    out["jobs2_speedup"] = one_core / out["jobs2"]["seconds"]
    out["cpus"] = os.cpu_count()
    return out


def rule_costs(paths: list[Path], top: int = 10) -> list[dict]:
    """µs per article of every rule, run the way the extractor runs it (same segments, same
    pre-filter), over the distinct articles of the corpus; the `top` most expensive. Steady
    state: a rule's first run on each article is not timed (it may rebuild the pattern from
    the cache's compiled code, which a process does once)."""
    from factx.article import build, decode
    from factx.engine.compile import TIMEOUT, get_compiled
    from factx.engine.loader import get_ruleset
    from factx.langdetect import detect

    ruleset = get_ruleset(())
    cost: dict[str, float] = {}
    seen: dict[str, int] = {}
    for p in paths:
        text, _ = decode(p.read_bytes())
        lang = detect(text)
        if lang not in ruleset.languages():
            continue
        comp = get_compiled(ruleset, lang)
        art = build(text, comp.line_rules, comp.cut_rules, comp.abbreviations)
        rules = [r for kind in comp.rules.values() for r in kind] + list(comp.speech)
        for rule in rules:
            starts, ends = art.bounds(getattr(rule.rule, "scope", "sentence"))
            rule.regex.run(text, starts, ends, TIMEOUT)  # untimed: a rule's pattern is rebuilt on first use
            reps = 3
            start = time.perf_counter()
            for _ in range(reps):
                rule.regex.run(text, starts, ends, TIMEOUT)
            cost[rule.id] = cost.get(rule.id, 0.0) + (time.perf_counter() - start) / reps
        seen[lang] = seen.get(lang, 0) + 1
    rows = []
    for rule_id, total in cost.items():
        lang = rule_id.split(".", 1)[0]
        rows.append({"rule": rule_id, "us_per_article": total / max(seen.get(lang, 1), 1) * 1e6,
                     "articles": seen.get(lang, 0)})
    rows.sort(key=lambda r: -r["us_per_article"])
    return rows[:top]


def verdicts(result: dict) -> dict:
    cold = result["cold_start"]
    v = {}
    v["extract_ratio"] = cold["factx extract"]["median_ms"] / cold["minimal app"]["median_ms"]
    v["help_ratio"] = cold["factx --help"]["median_ms"] / cold["minimal app --help"]["median_ms"]
    v["articles_per_s"] = result["throughput"]["library"]["articles_per_s"]
    cli = result["throughput"]["cli"]
    v["jobs2_speedup"] = cli.get("jobs2_speedup", "n/a")
    v["peak_rss_mib"] = cold["factx extract"]["peak_rss_mib"]
    out = {}
    for key, value in v.items():
        target = TARGETS[key]
        if isinstance(value, str):
            ok = None
        elif key in ("articles_per_s", "jobs2_speedup"):
            ok = value >= target
        else:
            ok = value <= target
        out[key] = {"value": value, "target": target, "ok": ok}
    return out


def fmt(v) -> str:
    return f"{v:.2f}" if isinstance(v, float) else str(v)


def print_table(r: dict) -> None:
    cold = r["cold_start"]
    print(f"factx bench  {r['machine']['python']}  {r['machine']['cpus']} CPUs  {r['date']}")
    print(f"  bytecode: {r['machine'].get('bytecode', 'as found')}")
    print()
    print("Cold start (whole process, median of %d runs, after one warm-up run)" % cold["factx extract"]["runs"])
    print(f"  {'command':32s} {'median ms':>10s} {'min ms':>8s} {'max ms':>8s} {'peak RSS MiB':>13s}")
    for name, row in cold.items():
        if "min_ms" not in row:
            continue
        print(f"  {name:32s} {row['median_ms']:10.1f} {row['min_ms']:8.1f} {row['max_ms']:8.1f} "
              f"{row['peak_rss_mib']:13.1f}")
    e = cold["factx extract, empty cache"]
    print(f"  {'factx extract, empty rule cache':32s} {e['median_ms']:10.1f}   (median of {e['runs']}: "
          "the first run after the rules change)")
    lib = r["throughput"]["library"]
    print()
    print(f"Throughput over {lib['articles']} articles (fixtures + dev corpus, mixed languages)")
    print(f"  library, one process, one core: {lib['articles_per_s']:.0f} articles/s "
          f"({lib['ms_per_article']:.2f} ms/article, {lib['claims']} claims; warm-up {lib['warm_up_s']:.2f} s)")
    cli = r["throughput"]["cli"]
    if cli.get("jobs") == "n/a":
        print(f"  factx extract --jobs 2: n/a ({cli['reason']})")
    else:
        for label in ("serial", "jobs1", "jobs2"):
            row = cli[label]
            print(f"  factx extract {label:7s}: {row['articles_per_s']:.0f} articles/s "
                  f"({row['seconds']:.2f} s, {row['documents']} documents, exit {row['exit']})")
        print(f"  --jobs 2 speed-up over one core: {cli['jobs2_speedup']:.2f}x")
    print()
    print("Most expensive rules (µs per article of the rule's language)")
    for row in r["rules"]:
        print(f"  {row['us_per_article']:9.0f}  {row['rule']}")
    print()
    print("Targets")
    for key, row in r["verdicts"].items():
        mark = "n/a" if row["ok"] is None else ("ok" if row["ok"] else "MISSED")
        cmp = ">=" if key in ("articles_per_s", "jobs2_speedup") else "<="
        print(f"  {key:16s} {fmt(row['value']):>8s}  (target {cmp} {row['target']})  {mark}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=15, help="runs per cold-start command (>= 10 for the record)")
    ap.add_argument("--articles", type=int, default=1000, help="size of the throughput corpus")
    ap.add_argument("--json", metavar="PATH", help="also save the figures as JSON here")
    ap.add_argument("--quick", action="store_true", help="5 runs, 200 articles: a smoke test, not a record")
    ap.add_argument("--no-cli-throughput", action="store_true", help="skip the --jobs figures")
    args = ap.parse_args(argv)
    if args.quick:
        args.runs, args.articles = 5, 200

    env = dict(os.environ)
    env.pop("FACTX_RULES", None)  # the shipped packs only
    result: dict = {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count(), "load_avg": os.getloadavg()},
        "command": " ".join(factx_command()),
    }
    result["machine"]["bytecode"] = compile_bytecode()
    result["cold_start"] = cold_start(args.runs, env)
    with tempfile.TemporaryDirectory(prefix="factx-bench-") as tmp:
        paths = build_corpus(Path(tmp), args.articles)
        result["throughput"] = {"library": throughput_library(paths)}
        result["throughput"]["cli"] = ({"jobs": "n/a", "reason": "skipped (--no-cli-throughput)"}
                                       if args.no_cli_throughput else throughput_cli(paths, env))
        result["rules"] = rule_costs(paths[:len(corpus_sources())])
    result["machine"]["load_avg_after"] = os.getloadavg()
    result["verdicts"] = verdicts(result)

    print_table(result)
    print()
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
