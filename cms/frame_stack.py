"""Run a long-lived loop on a roomy frame stack: CPython 3.11 otherwise maps and unmaps memory
again and again in the middle of a request (python/cpython#142183).

CPython 3.11 keeps the frames of Python calls in chunks of 16 KiB and frees a chunk as soon as
the call that opened it returns. A request that calls back and forth across the end of a chunk,
as the GraphQL executor does for every object of a list, maps and unmaps a chunk at every
crossing, and touches its fresh pages again: 775 mmap/munmap pairs for one request of the newest
news list, measured. Where the ends fall depends on how deep the server calls the app, so a
request's CPU varied by up to 75% with the depth of the calls around it (the week's news: 2.0 to
3.5 ms). CPython 3.13 and 3.14 were fixed in 2026 (one freed chunk kept for reuse); 3.11 gets no fix.

``on_roomy_frame_stack(run)`` calls ``run`` from a frame that reserves ``RESERVED_SLOTS`` slots
of value stack. No 16 KiB chunk can hold that frame, so CPython opens one of 256 KiB for it, and
every call ``run`` makes follows in the same chunk, which lives as long as ``run`` does: a
gunicorn worker's request loop (``gunicorn.conf.py``) then never crosses a chunk's end below
125 KiB of frames, some ten times a request's depth. The reserved slots are never written, so
they cost address space, not memory.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import TypeVar

Result = TypeVar("Result")

# A frame of this many slots needs a chunk of 256 KiB (CPython adds 1,000 slots of headroom and
# rounds up to a power of two), leaving ~125 KiB after it for the calls it makes.
RESERVED_SLOTS = 16_384


def _call(run: Callable[[], Result]) -> Result:
    return run()


on_roomy_frame_stack: Callable[[Callable[[], Result]], Result] = types.FunctionType(
    _call.__code__.replace(co_stacksize=RESERVED_SLOTS, co_name="on_roomy_frame_stack"),
    _call.__globals__,
    "on_roomy_frame_stack",
)
on_roomy_frame_stack.__doc__ = "Calls ``run()`` from a frame that opens a roomy chunk of CPython's frame stack."
