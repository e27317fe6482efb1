"""Workers are recycled (``GUNICORN_MAX_REQUESTS``) without losing a request, and the master they
are forked from, which loads the app first (``preload_app``), holds no database connection to share."""

from __future__ import annotations

import os
from pathlib import Path

import psycopg2
import pytest

from .conftest import Production
from .servers import Gunicorn

pytestmark = pytest.mark.django_db

QUERY = "{ newsItems(first: 1) { totalCount } }"


def children(pid: int) -> set[int]:
    return {int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}


def socket_ports(pid: int) -> set[int]:
    """The local TCP ports of the sockets process ``pid`` holds open (none once it has exited)."""
    inodes = set()
    try:
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            target = os.readlink(fd)
            if target.startswith("socket:["):
                inodes.add(target[len("socket:[") : -1])
    except FileNotFoundError:  # a recycled worker that exited meanwhile
        return set()
    ports = set()
    for table in (Path("/proc/net/tcp"), Path("/proc/net/tcp6")):
        if not table.exists():  # no IPv6 on this machine
            continue
        for line in table.read_text().splitlines()[1:]:
            fields = line.split()
            if fields[9] in inodes:
                ports.add(int(fields[1].rsplit(":", 1)[1], 16))
    return ports


def database_client_ports(production: Production) -> set[int]:
    with (
        psycopg2.connect(host="127.0.0.1", port=production.database.port, user="citynews", dbname="citynews") as admin,
        admin.cursor() as cursor,
    ):
        cursor.execute(
            "SELECT client_port FROM pg_stat_activity WHERE client_port IS NOT NULL AND pid <> pg_backend_pid()"
        )
        return {port for (port,) in cursor.fetchall()}


def test_recycled_workers_lose_no_request_and_only_workers_hold_database_connections(
    running: Production, tmp_path: Path
):
    server = Gunicorn(
        running.database.url, tmp_path, WEB_CONCURRENCY="1", GUNICORN_MAX_REQUESTS="5", GUNICORN_MAX_REQUESTS_JITTER="0"
    )
    try:
        server.start()
        served = Production(running.database, server)
        assert server.process is not None
        master = server.process.pid
        workers: set[int] = set()
        worker_connections = 0
        for _ in range(24):
            status, _headers, body, _seconds = served.graphql(QUERY)
            assert status == 200
            assert "errors" not in body, body
            held = database_client_ports(running)
            assert not socket_ports(master) & held
            alive = children(master)
            workers |= alive
            worker_connections += sum(bool(socket_ports(worker) & held) for worker in alive)
        assert len(workers) >= 4  # a worker serves 5 requests, then its replacement is forked
        assert worker_connections >= 12  # the workers answered with connections of their own
    finally:
        server.stop()
