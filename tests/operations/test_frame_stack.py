"""gunicorn's workers run their request loop on a roomy frame stack (``cms/frame_stack.py``), where
calls going back and forth at any depth never make CPython 3.11 map and unmap a chunk of it.

A chunk mapped afresh is a page faulted in afresh, so the process's minor page faults count the
chunks: the same calls that fault at every repetition at some depth on the ordinary stack fault
at none on the roomy one. The first assertion states CPython 3.11's behaviour: on a CPython that
keeps a freed chunk (3.13 and 3.14 since 2026) it fails, and the roomy stack is no longer needed.
"""

from __future__ import annotations

import resource
import runpy
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

from cms.frame_stack import RESERVED_SLOTS, on_roomy_frame_stack
from tests.operations.servers import REPO

REPEATS = 300


def _down(depth: int, then: Callable[[], Any]) -> Any:
    return then() if depth == 0 else _down(depth - 1, then)


def _back_and_forth() -> None:
    for _ in range(REPEATS):
        _down(3, lambda: None)


def _page_faults() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


def _most_faults_at_any_depth() -> int:
    """The most page faults of ``REPEATS`` calls going back and forth, over call depths 0 to 299."""
    most = 0
    for depth in range(300):
        before = _page_faults()
        _down(depth, _back_and_forth)
        most = max(most, _page_faults() - before)
    return most


def test_calls_back_and_forth_fault_no_page_at_any_depth_on_the_roomy_stack():
    assert _most_faults_at_any_depth() >= REPEATS // 2  # the ordinary stack: a chunk mapped at each crossing
    assert on_roomy_frame_stack(_most_faults_at_any_depth) <= 2


def test_a_workers_request_loop_runs_on_the_roomy_stack():
    config = runpy.run_path(str(REPO / "gunicorn.conf.py"))
    seen: list[FrameType] = []

    class Worker:
        def run(self) -> str:
            seen.extend(_callers(sys._getframe()))
            return "served"

    worker = Worker()
    config["post_worker_init"](worker)
    assert worker.run() == "served"
    assert [frame.f_code.co_stacksize for frame in seen if frame.f_code.co_name == "on_roomy_frame_stack"] == [
        RESERVED_SLOTS
    ]


def _callers(frame: FrameType | None) -> list[FrameType]:
    found = []
    while frame is not None:
        found.append(frame)
        frame = frame.f_back
    return found
