"""A cheaper way to cut off a rule that runs too long: a CPU-time ticker, not `timeout=`.

Every rule run has a time budget (engine/prefilter.py). The regex module's own
`timeout=` enforces it, but it reads the process CPU clock (`clock()`, a system call,
0.7 µs here) twice on every call, and a rule run makes hundreds of calls per article:
that was 8% of an extraction.

So, while an article is extracted in the main thread, an interval timer ticks every
`TICK` seconds of CPU time (ITIMER_VIRTUAL, SIGVTALRM); at a tick past the running
rule's deadline, the handler raises TimeoutError. The regex module looks for pending
signals at the same points where it checks its own timeout, so a runaway match stops
as it did with `timeout=`, at most one tick later. Where the ticker cannot be used
(another thread, no interval timers, a SIGVTALRM handler the host program installed)
`active()` is False and rules pass `timeout=` as before.

Between articles neither the handler nor the timer is left in place.
"""
from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager

TICK = 0.02  # seconds of CPU time between ticks: how far past its deadline a rule may run


class _State:
    __slots__ = ("until", "depth", "thread")

    def __init__(self) -> None:
        self.until: float | None = None  # perf_counter() value past which the running rule is cut off
        self.depth = 0  # nested watch() blocks that armed the ticker
        self.thread: int | None = None  # the thread the ticker serves


state = _State()


def _tick(signum, frame) -> None:
    until = state.until
    if until is not None and time.perf_counter() > until:
        state.until = None  # one cut per deadline: the code that catches it runs undisturbed
        raise TimeoutError("the rule has used up its time budget on this text")


def active() -> bool:
    """Is the ticker armed for the calling thread (so rules may run without `timeout=`)?"""
    return state.depth > 0 and state.thread == threading.get_ident()


@contextmanager
def watch():
    """Arm the ticker for the block, if this is the main thread and SIGVTALRM is free."""
    if state.depth > 0:  # nested: the outer block armed it (or could not)
        if state.thread == threading.get_ident():
            state.depth += 1
            try:
                yield
            finally:
                state.depth -= 1
        else:
            yield
        return
    if not _usable():
        yield
        return
    previous = signal.signal(signal.SIGVTALRM, _tick)
    signal.setitimer(signal.ITIMER_VIRTUAL, TICK, TICK)
    state.thread, state.depth, state.until = threading.get_ident(), 1, None
    try:
        yield
    finally:
        state.depth, state.until, state.thread = 0, None, None
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)


def _usable() -> bool:
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return False
    try:
        if signal.getsignal(signal.SIGVTALRM) not in (signal.SIG_DFL, None):
            return False  # the host program's own handler: leave it alone
        return signal.getitimer(signal.ITIMER_VIRTUAL) == (0.0, 0.0)
    except (OSError, ValueError):
        return False
