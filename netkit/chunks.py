"""Run a measure over the egos of a collection in chunks, here or on any executor.

The egos are cut into chunks (by ego id, in the order of the egos table), the three tables of
each chunk go to the workers of any ``concurrent.futures`` executor — a process pool, or a Dask
cluster through ``client.get_executor()`` — and the chunks' tables are put back together in
order. A measure whose numbers for an ego depend on that ego's rows only, in their order, gives
the same table, to the last bit, whichever executor and chunk size ran it. Warnings raised in
the workers come back as messages, to be said once in the calling process.

Examples
--------
>>> import netkit as nk
>>> def sizes(coll):  # one row per ego, in the egos' order
...     return coll.alters.groupby("ego_id").size().reindex(coll.egos["ego_id"]).rename("size").reset_index()
>>> survey = nk.load_sample("survey")
>>> table, messages = run_chunks(survey, sizes, {}, chunk_size=50, columns=(["ego_id", "alter_id"], ["ego_id"]))
>>> len(table), messages
(200, [])
"""
from __future__ import annotations

import math
import os
import sys
import warnings
from concurrent.futures import Executor, as_completed
from typing import Callable, Iterator

import numpy as np
import pandas as pd

from .arguments import check_count
from .errors import NetkitError
from .model import EgoCollection

__all__ = ["as_executor", "worker_count", "chunk_size_for", "interactive", "Working", "progress_bar", "split_chunks",
           "run_on_chunk", "run_chunks", "warn_once"]

Columns = tuple[list[str], list[str]]


def as_executor(executor) -> Executor | None:
    """``None``, a ``concurrent.futures.Executor``, or a Dask ``Client`` (turned into its executor).

    Examples
    --------
    >>> as_executor(None) is None
    True
    """
    if executor is None or isinstance(executor, Executor):
        return executor
    if hasattr(executor, "get_executor"):  # a dask.distributed Client
        return executor.get_executor()
    raise NetkitError(
        f"executor must be a concurrent.futures Executor (a ProcessPoolExecutor, a ThreadPoolExecutor or a Dask "
        f"client.get_executor()), got {type(executor).__name__}."
    )


def worker_count(executor: Executor) -> int:
    """How many workers an executor has, as well as it says (the machine's cores otherwise).

    Examples
    --------
    >>> from concurrent.futures import ThreadPoolExecutor
    >>> with ThreadPoolExecutor(3) as pool:
    ...     worker_count(pool)
    3
    """
    count = getattr(executor, "_max_workers", None)
    if count is None and hasattr(executor, "_client"):  # Dask's ClientExecutor
        try:
            count = sum(executor._client.nthreads().values())
        except Exception:  # noqa: BLE001 - a cluster that cannot say: guess below
            count = None
    return max(1, int(count or os.cpu_count() or 1))


def chunk_size_for(n: int, executor: Executor | None, chunk_size: int | None, bar: bool) -> int:
    """Egos per chunk for ``n`` egos: ``chunk_size`` when given (checked), else a default.

    With an executor, four chunks per worker (50 to 20,000 egos each); without one, everything
    in one pass, or twenty chunks when a progress ``bar`` is shown.

    Examples
    --------
    >>> chunk_size_for(1000, None, None, False), chunk_size_for(10_000, None, None, True)
    (1000, 500)
    """
    if chunk_size is not None:
        return check_count(chunk_size, "chunk_size", what="egos per chunk")
    if executor is None:
        return max(200, math.ceil(n / 20)) if bar else max(n, 1)
    return min(20_000, max(50, math.ceil(n / (4 * worker_count(executor)))))


def interactive() -> bool:
    """A person is watching: a notebook kernel, or standard error is a terminal (never CI)."""
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        return False
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None and hasattr(ipython, "get_ipython") else None
    if shell is not None and type(shell).__name__ == "ZMQInteractiveShell":
        return True
    stream = sys.stderr
    return bool(stream is not None and hasattr(stream, "isatty") and stream.isatty())


def progress_bar(total: int, progress: bool | None, what: str):
    """A tqdm bar over ``total`` egos, or ``None``.

    ``progress=None``: only when :func:`interactive`, and only once the run has lasted a
    second; ``True``: always, as plain text on standard error; ``False``: never.
    """
    if progress is None:
        if not interactive():
            return None
        delay = 1.0  # short runs never show a bar
    elif progress:
        delay = 0.0
    else:
        return None
    if progress is None:
        from tqdm.auto import tqdm
    else:
        from tqdm import tqdm  # asked for: plain text on standard error, wherever that goes
    return tqdm(total=total, desc=what, unit="ego", delay=delay, leave=False, file=None if progress is None else sys.stderr)


class Working:
    """A one-line "still working" note on a terminal, for steps that have no count to show.

    Use as a context manager; :meth:`step` names what is being done now. Nothing is shown
    for runs shorter than ``delay`` seconds, nor when nobody is watching (see :func:`interactive`).
    """

    def __init__(self, what: str, progress: bool | None = None, delay: float = 2.0) -> None:
        import threading

        self.what, self.delay = what, delay
        self.show = interactive() if progress is None else bool(progress)
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True) if self.show else None
        self._shown = False

    def step(self, what: str) -> None:
        self.what = what

    def _run(self) -> None:
        import time

        start = time.monotonic()
        if self._done.wait(self.delay):
            return
        while not self._done.is_set():
            self.note(time.monotonic() - start)
            self._done.wait(1.0)

    def note(self, elapsed: float) -> None:
        """Write the note once: what is being done and for how long (the thread does it every second)."""
        sys.stderr.write(f"\r{self.what}… {elapsed:.0f} s\033[K")
        sys.stderr.flush()
        self._shown = True

    def __enter__(self) -> "Working":
        if self._thread is not None:
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        """End the note now (e.g. where a progress bar with a count takes over); idempotent."""
        self._done.set()
        if self._thread is not None and self._thread.is_alive():
            self._thread.join()
        if self._shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()
            self._shown = False


def split_chunks(coll: EgoCollection, size: int, columns: Columns) -> Iterator[tuple[pd.DataFrame, ...]]:
    """The three tables (egos, alters, ties) of each chunk of ``size`` egos, in the egos' order.

    Only the ``columns`` (alters columns, ties columns) travel; rows keep their order, and rows
    of egos that are not in the egos table are left out.

    Examples
    --------
    >>> import netkit as nk
    >>> parts = list(split_chunks(nk.load_sample("survey"), 150, (["ego_id", "alter_id"], ["ego_id", "source", "target"])))
    >>> [len(egos) for egos, alters, ties in parts]
    [150, 50]
    """
    a_cols, t_cols = columns
    ids = coll.egos["ego_id"].to_numpy(dtype=object)
    n = len(ids)
    count = max(1, math.ceil(n / size))
    chunk_of = pd.Series(np.arange(n) // size, index=ids)

    def split(table: pd.DataFrame, cols: list[str]) -> list[pd.DataFrame]:
        which = chunk_of.reindex(table["ego_id"].to_numpy(dtype=object)).to_numpy()
        which = np.where(np.isnan(which), -1, which).astype(np.int64)  # rows of unknown egos: left out
        order = np.argsort(which, kind="stable")  # stable: each chunk keeps the table's row order
        bounds = np.searchsorted(which[order], np.arange(count + 1))
        part = table[cols]
        return [part.iloc[order[bounds[k]:bounds[k + 1]]].reset_index(drop=True) for k in range(count)]

    alters, ties = split(coll.alters, a_cols), split(coll.ties, t_cols)
    egos = coll.egos[["ego_id"]]
    for k in range(count):
        yield egos.iloc[k * size:(k + 1) * size].reset_index(drop=True), alters[k], ties[k]


def run_on_chunk(measure: Callable, egos, alters, ties, directed: bool, source: str, options: dict):
    """What runs on a worker: ``measure(collection, **options)`` on one chunk's three tables.

    Returns the table and the messages of any warnings raised (to be said in the caller).
    ``measure`` must be a module-level function, so a process pool can send it.
    """
    coll = EgoCollection(egos=egos, alters=alters, ties=ties, directed=directed, source=source)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = measure(coll, **options)
    return table, [str(w.message) for w in caught]


def run_chunks(coll: EgoCollection, measure: Callable, options: dict, *, executor=None, progress: bool | None = None,
               chunk_size: int | None = None, columns: Columns, what: str = "measuring"):
    """``measure(chunk, **options)`` over the chunks of ``coll``, here or on ``executor``.

    Parameters
    ----------
    coll : EgoCollection
    measure : callable
        A module-level function of a collection (and ``options``) that returns a DataFrame with
        one block of rows per ego, in the egos' order.
    options : dict
        Keyword arguments for ``measure``; they travel to every worker.
    executor : concurrent.futures.Executor or Dask Client, optional
        ``None`` computes in this process.
    progress : bool, optional
        A progress bar, as :func:`progress_bar` decides.
    chunk_size : int, optional
        Egos per chunk (:func:`chunk_size_for` chooses by default).
    columns : (list, list)
        The alters and ties columns ``measure`` reads: only these travel.
    what : str
        The progress bar's label.

    Returns
    -------
    (DataFrame, list of str)
        The chunks' tables joined in order, and the messages of the warnings the chunks raised
        (say them with :func:`warn_once`). An error in a worker is raised here as itself.
    """
    executor = as_executor(executor)
    n = len(coll)
    bar = progress_bar(n, progress, what) if n else None
    size = chunk_size_for(n, executor, chunk_size, bar is not None)
    try:
        if executor is None and size >= n:  # one pass, nothing to cut
            a_cols, t_cols = columns
            table, messages = run_on_chunk(measure, coll.egos[["ego_id"]], coll.alters[a_cols], coll.ties[t_cols],
                                           coll.directed, coll.source, options)
            results = [table]
            if bar is not None:
                bar.update(n)
        else:
            results, messages = _run_split(coll, measure, options, executor, size, columns, bar)
    finally:
        if bar is not None:
            bar.close()
    # an empty chunk (egos without alters) has untyped columns; leave it out so it changes no dtype
    results = [r for r in results if len(r)] or results[:1]
    return (pd.concat(results, ignore_index=True) if len(results) > 1 else results[0]), messages


def _run_split(coll, measure, options, executor, size, columns, bar):
    chunks = list(split_chunks(coll, size, columns))
    results = [None] * len(chunks)
    found: list[list[str]] = [[] for _ in chunks]
    if executor is None:
        for k, (egos, alters, ties) in enumerate(chunks):
            results[k], found[k] = run_on_chunk(measure, egos, alters, ties, coll.directed, coll.source, options)
            if bar is not None:
                bar.update(len(egos))
    else:
        futures = {executor.submit(run_on_chunk, measure, egos, alters, ties, coll.directed, coll.source, options): k
                   for k, (egos, alters, ties) in enumerate(chunks)}
        try:
            for future in as_completed(futures):
                k = futures[future]
                results[k], found[k] = future.result()
                if bar is not None:
                    bar.update(len(chunks[k][0]))
        except BaseException:
            for future in futures:
                future.cancel()
            raise
    return results, [m for part in found for m in part]


def warn_once(messages: list[str], *, stacklevel: int = 2) -> None:
    """Say each message once, as a UserWarning, in the order first seen.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_once(["a", "b", "a"])
    >>> [str(w.message) for w in caught]
    ['a', 'b']
    """
    seen = set()
    for message in messages:
        if message not in seen:
            seen.add(message)
            warnings.warn(message, UserWarning, stacklevel=stacklevel + 1)
