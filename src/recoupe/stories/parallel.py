"""Where the per-article work runs: on this process's threads, in a pool of local processes, or
on a Dask ``distributed`` cluster. Only work that depends on one article at a time goes here
(reading a file, ``prepare``); results come back in input order, whatever ran them, which is
what lets the sequential steps after them give the same stories on every scheduler.

Dask bags are the one interface to all three: ``bag.map(...).compute(scheduler=...)``
keeps the order of ``from_sequence``; a ``distributed.Client`` becomes the scheduler when one is
given (``tcp://HOST:PORT``, or a ``LocalCluster``'s client in the tests).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

LOCAL_SCHEDULERS = ("threads", "processes", "synchronous")
# Partitions per worker: enough to even out slow partitions, few enough that their overhead
# (one task, one pickled list each) stays small.
PARTITIONS_PER_WORKER = 4
CONNECT_SECONDS = 10


class SchedulerProblem(ValueError):
    """A scheduler that cannot be used: unknown name, or a cluster that does not answer."""


class Workers:
    """``map(function, items)``: ``function`` applied to each item, the items split in
    partitions, the results in input order."""

    def __init__(self, scheduler: str, workers: int, client: Any = None, pool: Any = None) -> None:
        self.scheduler, self.workers, self.client, self.pool = scheduler, workers, client, pool

    def map(self, function: Callable[[Any], Any], items: list) -> list:
        if self.scheduler == "synchronous" or len(items) <= 1:
            return [function(item) for item in items]
        import dask.bag as db

        partitions = min(len(items), self.workers * PARTITIONS_PER_WORKER)
        bag = db.from_sequence(items, npartitions=partitions).map(function)
        if self.client is not None:
            return bag.compute(scheduler=self.client)
        return bag.compute(scheduler=self.scheduler, pool=self.pool) if self.pool else bag.compute(scheduler=self.scheduler)


def check_scheduler(scheduler: str) -> None:
    """A scheduler name that cannot be one is refused before anything is opened or created."""
    if scheduler not in LOCAL_SCHEDULERS and not scheduler.startswith(("tcp://", "tls://", "inproc://")):
        raise SchedulerProblem(f"--scheduler {scheduler!r}: expected threads, processes, synchronous or a Dask "
                               "scheduler address (tcp://HOST:PORT)")


@contextmanager
def open_workers(scheduler: str | Any = "synchronous") -> Iterator[Workers]:
    """Workers for ``scheduler``: a local scheduler's name, a ``tcp://`` address of a Dask
    scheduler, a ``distributed.Client``, or workers already open. A process pool or a client
    made here is closed on leaving."""
    if isinstance(scheduler, Workers):  # opened by the caller, who closes them
        yield scheduler
        return
    if not isinstance(scheduler, str):  # a distributed.Client
        yield Workers("distributed", max(1, len(scheduler.scheduler_info().get("workers", {}))), client=scheduler)
        return
    if scheduler in LOCAL_SCHEDULERS:
        count = os.cpu_count() or 1
        if scheduler == "processes":
            # one pool for every batch, not one per batch; started by spawn, as Dask's own process
            # scheduler does: forking a process that runs threads (a progress bar's) is unsafe
            with ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("spawn")) as pool:
                yield Workers(scheduler, count, pool=pool)
        else:
            yield Workers(scheduler, count)
        return
    check_scheduler(scheduler)
    from distributed import Client

    try:
        client = Client(scheduler, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError) as error:
        raise SchedulerProblem(f"--scheduler {scheduler}: no Dask scheduler answers there ({error})") from None
    try:
        yield Workers("distributed", max(1, len(client.scheduler_info().get("workers", {}))), client=client)
    finally:
        client.close()
