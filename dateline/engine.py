"""Where per-article work runs: in this process, or on a Dask cluster.

The pipeline's per-article stages (sentences, temporal expressions, event mentions) need
nothing from the other articles, so they run as a map over chunks of articles; the
collection-wide steps (line statistics, duplicates, grouping) stay in the calling process
as reduces over what the map returns. Workers send back only those results, never whole
articles, which is what keeps a cluster faster than one process: pickling every article
back costs more than the work saved.

Without workers or a scheduler the same functions run here, in the same order, so the
output is identical whichever engine ran it.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

DEFAULT_CHUNK = 32  # articles per task: large enough to amortise scheduling, small to balance
IN_FLIGHT = 4  # chunks submitted ahead per worker (see ``Engine.map_chunks``)
# Dask's defaults suit interactive use; a batch build does not read a statistical profile
# of every worker (sampled every 10 ms) nor event-loop ticks every 20 ms. Measured here
# on an idle 2-worker cluster: 1.8 CPU-s a minute in this process and 1.2 per worker
# with the defaults, 0.9 and 0.3 with these (and no sampling of the running tasks).
# Dask also keeps its last 1,000 messages on every link for developers (the client's to
# the scheduler, the scheduler's to each worker, each worker's record of what it was
# asked), and with each "compute-task" message the task's arguments: every chunk of every
# map (whole articles, their line statistics, then their cleaned texts) stayed alive in
# the calling process, twice (the client's tasks and the in-process scheduler's unpickled
# copies), until the run ended. Nothing reads these logs in a build.
MESSAGE_LOGS = {"distributed.admin.low-level-log-length": 0}
LOCAL_CLUSTER_CONFIG = {"distributed.worker.profile.enabled": False,
                        "distributed.admin.tick.interval": "500ms",
                        "distributed.admin.system-monitor.interval": "2s",
                        **MESSAGE_LOGS}


@dataclass(frozen=True)
class _Chunk:
    """A cluster task's items as one object. Dask walks every list, tuple, set and dict
    among a task's arguments for futures to resolve (``dask._task_spec.parse_input``),
    down to each article's sentences and each mention: at 10,000 articles with 2 workers
    958,321 objects, 11.6 of the calling process's profiled seconds. Items never hold
    futures (shared values travel as keyword arguments), so nothing is lost by hiding
    them."""

    items: list


def _run_chunk(function: Callable[..., list[R]], chunk: _Chunk, **shared: Any) -> list[R]:
    """``function`` over a chunk's items: what a worker runs for ``map_chunks``."""
    return function(chunk.items, **shared)


class EngineError(RuntimeError):
    """The cluster could not be started or reached."""


@dataclass(frozen=True)
class Engine:
    """Runs ``map_chunks`` locally (``client`` None) or on a ``dask.distributed`` client."""

    client: Any = None
    chunk_size: int = DEFAULT_CHUNK

    @property
    def distributed(self) -> bool:
        return self.client is not None

    def chunk_for(self, per_item: float = 1.0) -> int:
        """Items a task of a cluster gets when each is ``per_item`` of an article's work
        (see ``map_chunks``); in this process chunks cost nothing and stay as set."""
        if self.client is None:
            return self.chunk_size
        return max(1, round(self.chunk_size / per_item))

    def map_chunks(self, function: Callable[..., list[R]], items: Sequence[T],
                   on_chunk: Callable[[int], None] | None = None, per_item: float = 1.0,
                   **shared: Any) -> list[R]:
        """``function`` applied to consecutive chunks of ``items``; results in input order.

        ``function`` must be a module-level function (workers import it by name) that
        returns one result per item. ``on_chunk(n)`` reports progress as chunks finish.
        ``per_item``: an item's work as a share of an article's, so that small items
        (a sentence, a day's mentions) go in proportionally larger chunks: each task
        costs the calling process the same scheduling and messages whatever it holds.
        ``shared``: keyword arguments every chunk receives (collection-wide results a map
        reads, such as the name index); a cluster gets each once per worker, not once
        per task.
        """
        size = self.chunk_for(per_item)
        chunks = [list(items[i:i + size]) for i in range(0, len(items), size)]
        results: list[R] = []
        if self.client is None:
            for chunk in chunks:
                results.extend(function(chunk, **shared))
                if on_chunk:
                    on_chunk(len(chunk))
            return results
        if not chunks:
            return results
        from distributed import as_completed

        sent = {name: self.client.scatter(value, broadcast=True, hash=False)
                for name, value in shared.items()}
        # A few chunks a worker in flight, the next submitted as one finishes: the
        # chunks' pickles (whole articles) are not all held at once by the graph, the
        # local scheduler and the workers' queues, and no worker waits for work.
        window = max(IN_FLIGHT, IN_FLIGHT * len(self.client.scheduler_info()["workers"]))
        position: dict[str, int] = {}

        def submit(number: int) -> Any:
            future = self.client.submit(_run_chunk, function, _Chunk(chunks[number]),
                                        pure=False, **sent)
            position[future.key] = number
            return future

        waiting = as_completed([submit(n) for n in range(min(window, len(chunks)))])
        following = min(window, len(chunks))
        done: list[list[R] | None] = [None] * len(chunks)
        for future in waiting:
            number = position.pop(future.key)
            done[number] = future.result()
            future.release()
            if following < len(chunks):
                waiting.add(submit(following))
                following += 1
            if on_chunk:
                on_chunk(len(chunks[number]))
        for part in done:
            results.extend(part or [])
        for future in sent.values():
            future.release()
        return results


LOCAL = Engine()


def add_engine_arguments(command: argparse.ArgumentParser) -> None:
    """The ``--workers`` / ``--scheduler`` options of every command that runs the pipeline."""
    where = command.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, metavar="N",
                       help="run per-article work on a local Dask cluster of N processes")
    where.add_argument("--scheduler", metavar="ADDRESS",
                       help="run per-article work on an existing Dask cluster "
                            "(tcp://host:8786); every worker needs dateline installed")


@contextmanager
def open_engine(workers: int = 0, scheduler: str | None = None,
                chunk_size: int = DEFAULT_CHUNK, timeout: float = 20.0) -> Iterator[Engine]:
    """An engine for one run: local, a fresh ``LocalCluster`` of ``workers`` processes, or
    the existing cluster at ``scheduler`` (``tcp://host:port``, given ``timeout`` seconds to
    answer). Closed on exit."""
    if not workers and not scheduler:
        yield Engine(chunk_size=chunk_size)
        return
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError as error:  # pragma: no cover - dask is a dependency
        raise EngineError("the Dask engine needs dask[distributed] installed") from error
    cluster = None
    try:
        if scheduler:
            # The remote scheduler and workers keep their own settings; the client's
            # log of what it sent (every task's arguments) is this process's.
            with dask.config.set(MESSAGE_LOGS):
                client = Client(scheduler, timeout=f"{timeout}s")
        else:
            # One thread per process: the work is pure Python, threads would share the GIL.
            with dask.config.set(LOCAL_CLUSTER_CONFIG):
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1,
                                       processes=True, dashboard_address=None,
                                       silence_logs=50)
                client = Client(cluster)
    except (OSError, TimeoutError) as error:
        if cluster is not None:
            cluster.close()
        where = scheduler or f"a local cluster of {workers} workers"
        raise EngineError(f"could not reach {where}: {error}") from error
    try:
        yield Engine(client=client, chunk_size=chunk_size)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
