"""A real webhook receiver (an HTTP server in a thread) and a real task worker (``db_worker``).

The worker is a subprocess of ``manage.py db_worker`` on this test's database (one per xdist
worker), so tests that use it must commit their data: they run as transactional tests. It is
stopped before the database is flushed.
"""

import json
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
# Fast retries for the tests; production waits 30 s before the first.
WORKER_ENV = {"WEBHOOK_RETRY_SECONDS": "0.5", "WEBHOOK_TIMEOUT_SECONDS": "2", "WEBHOOK_MAX_ATTEMPTS": "4"}


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    at: float

    @property
    def payload(self) -> dict:
        return json.loads(self.body)


@dataclass
class Receiver:
    """Records every POST; answers with the queued status codes, then 200."""

    url: str
    requests: list[Received] = field(default_factory=list)
    answers: "queue.SimpleQueue[int]" = field(default_factory=queue.SimpleQueue)

    def wait_for(self, count: int, timeout: float = 30.0) -> list[Received]:
        deadline = time.monotonic() + timeout
        while len(self.requests) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(self.requests) >= count, f"received {len(self.requests)} of {count} requests in {timeout}s"
        return self.requests


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    receiver = Receiver(url=f"http://127.0.0.1:{server.server_port}/hooks/")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            receiver.requests.append(Received(dict(self.headers), body, time.monotonic()))
            try:
                status = receiver.answers.get_nowait()
            except queue.Empty:
                status = 200
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server.RequestHandlerClass = Handler
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield receiver
    server.shutdown()
    server.server_close()
    thread.join()


def _database_url() -> str:
    """``DATABASE_URL`` pointing at this process's test database (test_citynews, or _gw0 etc.)."""
    url = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(url._replace(path="/" + connection.settings_dict["NAME"]))


@pytest.fixture
def worker(transactional_db: None, django_db_serialized_rollback: None) -> Iterator[Callable[..., None]]:
    """Starts ``manage.py db_worker`` for the webhooks queue; the test calls it when ready."""
    processes: list[subprocess.Popen] = []

    def start(**settings: str) -> None:
        """``settings``: environment variables for the worker on top of ``WORKER_ENV``."""
        env = {**os.environ, **WORKER_ENV, **settings, "DATABASE_URL": _database_url()}
        env["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
        command = [sys.executable, "manage.py", "db_worker", "--backend", "webhooks", "--queue-name", "webhooks"]
        command += ["--interval", "0.1", "--no-startup-delay"]
        processes.append(subprocess.Popen(command, cwd=ROOT, env=env))  # noqa: S603 (our own command)

    yield start
    for process in processes:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
