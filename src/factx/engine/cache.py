"""A disk cache of the validated rule set, of each compiled language and of compiled patterns
(the rules' and factx's own).

Without it every `factx extract` re-reads and validates all YAML files and
re-compiles every rule: the regex module's parser is pure Python and `{party}`
alone expands to thousands of names, so that is seconds, not milliseconds.

Where: `$FACTX_CACHE_DIR`, else `$XDG_CACHE_HOME/factx`, else `~/.cache/factx`;
`FACTX_NO_CACHE=1` turns it off. When the folder cannot be created or written,
or is not private to this user (pickle runs code when it loads, so a folder
others can write to is never read), factx compiles as if there were no cache.

Never stale: a rule set is keyed by a hash of the *content* of every rule file it
reads (not mtimes, which can miss an edit made within one clock tick), the
folders and their order, the current folder (messages show paths relative to
it), the factx code (path, size and mtime of each source file: code changes by
installs and deliberate edits, and hashing it cost every run ~3 ms) and the
versions of Python, regex and pydantic. A compiled language adds its language
code to that key. Compiled patterns are keyed by their own text and flags, so
editing one rule recompiles that rule only; so are factx's own (`own_pattern`).

Writes are atomic (a temporary file renamed over the old one), so a concurrent
run reads either the old entry or the new one; old entries are pruned.
"""
from __future__ import annotations

import os
import pickle
import sys
import tempfile
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

try:  # hashlib's own blake2b, without importing hashlib's OpenSSL half (~1.5 ms of every start)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter built without it
    from hashlib import blake2b

_KEEP = 8  # rule sets and compiled languages kept on disk (a compiled language is a few MB)
_PATTERN_BYTES = 64 << 20  # the pattern store keeps at most this much compiled code


@lru_cache(maxsize=1)
def directory() -> Path | None:
    """The cache folder, created private; None when caching is off or unsafe."""
    if os.environ.get("FACTX_NO_CACHE", "") not in ("", "0"):
        return None
    base = os.environ.get("FACTX_CACHE_DIR")
    if base:
        root = Path(base)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        root = (Path(xdg) if xdg else Path.home() / ".cache") / "factx"
    try:
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = root.stat()
        if hasattr(os, "getuid") and (st.st_uid != os.getuid() or st.st_mode & 0o022):
            return None  # another user's, or writable by others: never unpickle from it
        if not os.access(root, os.W_OK | os.X_OK):
            return None
    except (OSError, RuntimeError):  # RuntimeError: no home folder
        return None
    return root


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the factx source files (path, size and mtime of each; see the module's
    docstring) and of the versions of the libraries whose objects are pickled."""
    import regex

    h = blake2b(digest_size=16)
    h.update(f"{sys.version}|{regex.__version__}|{pickle.HIGHEST_PROTOCOL}".encode())
    h.update(_source_of("pydantic", "version.py"))
    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    try:
        for folder, dirs, files in os.walk(package, onerror=_raise):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            rel = os.path.relpath(folder, package)
            for name in sorted(files):
                if name.endswith(".py"):
                    st = os.stat(os.path.join(folder, name))
                    h.update(f"\0{rel}/{name}\0{st.st_size}\0{st.st_mtime_ns}".encode(errors="surrogateescape"))
    except OSError:
        return ""  # unreadable source: no key, no cache
    return h.hexdigest()


def _source_of(package: str, name: str) -> bytes:
    """The text of a module of `package` (its version module), read without importing the
    package: a CLI run never imports pydantic, which would cost it ~45 ms."""
    from importlib.util import find_spec

    try:
        spec = find_spec(package)
        folder = spec.submodule_search_locations[0] if spec and spec.submodule_search_locations else None
        with open(os.path.join(folder, name), "rb") as f:
            return f.read()
    except (OSError, TypeError, ImportError, ValueError):
        return package.encode() + b" not found"


def _raise(e: OSError) -> None:
    raise e


def rules_fingerprint(dirs: list[Path], files: Callable[[Path], list[Path]]) -> str | None:
    """Hash of everything that decides what the loader builds from `dirs`; None if unreadable."""
    code = code_fingerprint()
    if not code:
        return None
    h = blake2b(digest_size=20)
    h.update(code.encode())
    try:
        h.update(os.getcwd().encode(errors="surrogateescape"))
        for folder in dirs:
            h.update(b"\0folder\0" + str(folder).encode(errors="surrogateescape"))
            if not folder.exists():
                h.update(b"\0missing")
                continue
            for path in files(folder):
                h.update(b"\0file\0" + str(path).encode(errors="surrogateescape") + b"\0")
                h.update(path.read_bytes())
    except OSError:
        return None  # let the loader report it, and do not cache that
    return h.hexdigest()


def load(name: str) -> Any | None:
    """The object stored under `name`, or None (missing, unreadable, or from other code)."""
    root = directory()
    if root is None:
        return None
    try:
        with open(root / name, "rb") as fh:
            return pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - a damaged entry is a miss, and is replaced
        return None


def store(name: str, obj: Any, keep: int = _KEEP) -> None:
    """Write atomically; errors are ignored (the cache is only an optimisation)."""
    root = directory()
    if root is None:
        return
    try:
        data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - something unpicklable: run uncached
        return
    try:
        fd, tmp = tempfile.mkstemp(dir=root, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, root / name)
        except BaseException:
            os.unlink(tmp)
            raise
        _prune(root, name.split("-", 1)[0] + "-", keep)
    except OSError:
        pass


def _prune(root: Path, prefix: str, keep: int) -> None:
    entries = []
    for p in root.glob(prefix + "*"):
        try:
            entries.append((p.stat().st_mtime, p))
        except OSError:
            continue
    for _, p in sorted(entries, reverse=True)[keep:]:
        try:
            p.unlink()
        except OSError:
            pass


def fetch(name: str, valid: Callable[[Any], bool]) -> Any | None:
    """The cached object under `name` if there is one and `valid(obj)` holds (then marked used)."""
    got = load(name)
    if got is not None and valid(got):
        touch(name)
        return got
    return None


def touch(name: str) -> None:
    """Mark an entry as recently used, so pruning keeps it."""
    root = directory()
    if root is not None:
        try:
            os.utime(root / name)
        except OSError:
            pass


class PatternStore:
    """Compiled patterns (and what the pre-filter read from them) by source text and flags.

    A compiled `regex` pattern pickles as its compiled code, so loading one skips the
    parser entirely. One file per regex/Python version; entries are never stale, as the
    key is the pattern itself.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._name = f"patterns-{_versions_tag()}.pickle"
        # (source, flags) -> [pickled pattern, tag of the analysis stored (or None), its result]
        self._entries: dict[tuple[str, int], list] | None = None
        self._used: set[tuple[str, int]] = set()
        self._dirty = False

    def _table(self) -> dict:
        if self._entries is None:
            got = load(self._name)
            self._entries = got if isinstance(got, dict) else {}
        return self._entries

    def compile(self, source: str, flags: int):
        import regex

        key = (source, flags)
        with self._lock:
            entry = self._table().get(key)
            self._used.add(key)
        if entry is not None:
            try:
                return pickle.loads(entry[0])
            except Exception:  # noqa: BLE001 - damaged: compile again
                pass
        rx = regex.compile(source, flags)
        with self._lock:
            self._table()[key] = [pickle.dumps(rx, protocol=pickle.HIGHEST_PROTOCOL), None, None]
            self._dirty = True
        return rx

    def literals(self, source: str, flags: int, compute: Callable[[str, int], Any], tag: str) -> Any:
        """`compute(source, flags)`, remembered beside the compiled pattern; `tag` names the
        analysis, so a changed analysis is not answered by what an older one stored."""
        key = (source, flags)
        with self._lock:
            entry = self._table().get(key)
            if entry is not None and entry[1] == tag:
                return entry[2]
        value = compute(source, flags)
        with self._lock:
            entry = self._table().get(key)
            if entry is not None:
                entry[1:] = [tag, value]
                self._dirty = True
        return value

    def flush(self) -> None:
        """Write the new entries, keeping the ones this process used."""
        with self._lock:
            if not self._dirty or directory() is None:
                return
            merged = load(self._name)  # another process may have added its own meanwhile
            merged = {**merged, **self._table()} if isinstance(merged, dict) else dict(self._table())
            # the patterns this process used, then the most recently added others, within the limit
            order = [k for k in merged if k in self._used] + [k for k in reversed(merged) if k not in self._used]
            kept, size = {}, 0
            for k in order:
                size += len(merged[k][0]) + len(k[0])
                if size > _PATTERN_BYTES:
                    break
                kept[k] = merged[k]
            store(self._name, kept, keep=4)
            self._dirty = False


@lru_cache(maxsize=1)
def _versions_tag() -> str:
    import regex

    return blake2b(f"{sys.version}|{regex.__version__}".encode(), digest_size=6).hexdigest()


_PATTERNS: PatternStore | None = None


def patterns() -> PatternStore:
    global _PATTERNS
    if _PATTERNS is None:
        _PATTERNS = PatternStore()
    return _PATTERNS


_OWN: dict[tuple[str, int], Any] | None = None  # factx's own patterns: (source, flags) -> compiled
_OWN_MAX = 256  # entries kept on disk: old code's patterns go, eventually


def own_pattern(source: str, flags: int = 0):
    """`regex.compile(source, flags)` for a pattern of factx's own code (a module constant).

    Every run uses them, and the regex parser takes ~0.3 ms a pattern where unpickling the
    compiled code takes ~0.01 ms: they are kept in one small table per regex/Python
    version, keyed by their text and flags like the rules' patterns (so never stale), and
    loaded once per process. Without a cache they are compiled, as always."""
    import regex

    global _OWN
    name = f"ownpatterns-{_versions_tag()}.pickle"
    if _OWN is None:
        got = load(name)
        _OWN = got if isinstance(got, dict) else {}
    key = (source, int(flags))
    rx = _OWN.get(key)
    if not isinstance(rx, regex.Pattern):
        rx = _OWN[key] = regex.compile(source, flags)
        store(name, dict(list(_OWN.items())[-_OWN_MAX:]), keep=4)
    return rx
