"""A PostgreSQL cluster and a Redis a test can stop and start, and gunicorn serving the production
settings on them.

The cluster is a throwaway one of its own (the suite's own PostgreSQL must stay up): initdb'd in a
temporary directory, filled with a copy of the migrated test database, run by an unprivileged user
when the tests run as root, exactly as ``scripts/test.sh`` runs the suite's.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from glob import glob
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pg_bin() -> Path:
    """The directory of initdb and pg_ctl: from PATH first, then Debian's versioned directories."""
    on_path = shutil.which("pg_ctl")
    if on_path and (Path(on_path).resolve().parent / "initdb").exists():
        return Path(on_path).resolve().parent
    for directory in sorted(glob("/usr/lib/postgresql/*/bin"), key=lambda d: int(d.split("/")[4]), reverse=True):
        if (Path(directory) / "pg_ctl").exists():
            return Path(directory)
    raise RuntimeError("PostgreSQL's server binaries were not found; scripts/test.sh installs them.")


class ThrowawayPostgres:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.data = directory / "data"
        self.port = free_port()
        self.bin = pg_bin()
        self.user = None
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            self.user = "postgres" if _user_exists("postgres") else "nobody"
            shutil.chown(directory, self.user)

    @property
    def url(self) -> str:
        return f"postgres://citynews@127.0.0.1:{self.port}/citynews"

    def _as_server_user(self, *command: str | Path) -> None:
        prefix: Sequence[str] = ("runuser", "-u", self.user, "--") if self.user else ()
        subprocess.run([*prefix, *map(str, command)], check=True, cwd=self.directory, capture_output=True)  # noqa: S603

    def create(self, copy_of: dict) -> None:
        """initdb, start, and copy the schema and rows of the database ``copy_of`` (Django settings)."""
        self._as_server_user(
            self.bin / "initdb", "-D", self.data, "-U", "citynews", "--auth=trust", "-E", "UTF8", "--no-locale",
            "--no-sync",
        )  # fmt: skip
        self.start()
        subprocess.run(  # noqa: S603 (our own binaries and arguments)
            [self.bin / "createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "citynews", "citynews"], check=True
        )
        source = ["-h", copy_of["HOST"], "-p", str(copy_of["PORT"]), "-U", copy_of["USER"], copy_of["NAME"]]
        dump = subprocess.run([self.bin / "pg_dump", "--no-owner", *source], check=True, capture_output=True)  # noqa: S603

        target = ["-h", "127.0.0.1", "-p", str(self.port), "-U", "citynews", "-q", "-v", "ON_ERROR_STOP=1"]
        subprocess.run([self.bin / "psql", *target, "citynews"], input=dump.stdout, check=True, capture_output=True)  # noqa: S603

    def start(self) -> None:
        options = f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.directory}"
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._as_server_user(
            self.bin / "pg_ctl", "start", "-w", "-t", "60", "-D", self.data, "-l", self.directory / "log", "-o", options
        )

    def stop(self) -> None:
        self._as_server_user(self.bin / "pg_ctl", "stop", "-w", "-m", "fast", "-D", self.data)

    def destroy(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._as_server_user(self.bin / "pg_ctl", "stop", "-w", "-m", "immediate", "-D", self.data)


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


class ThrowawayRedis:
    """A Redis of its own on a free port, without persistence (the suite's own Redis must stay up)."""

    def __init__(self, *options: str) -> None:
        """``options``: more of redis-server's own, e.g. ``"--maxmemory", "4mb"``."""
        self.port = free_port()
        self.options = options
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        server = shutil.which("redis-server")
        if server is None:
            raise RuntimeError("redis-server was not found; scripts/test.sh installs it.")
        self.process = subprocess.Popen(  # noqa: S603 (our own arguments)
            [
                server,
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
                *self.options,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("redis-server did not listen within 30 s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


class Gunicorn:
    """``gunicorn -c gunicorn.conf.py cms.wsgi`` with the production settings, as the README runs it."""

    def __init__(self, database_url: str, directory: Path, **environment: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        static_root = directory / "static"
        static_root.mkdir(exist_ok=True)
        self.environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "DATABASE_URL": database_url,
            "SECRET_KEY": "throwaway-key-for-the-production-server-tests-0123456789",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "WEB_CONCURRENCY": "2",
            "GUNICORN_ACCESS_LOG": "/dev/null",
            "MEDIA_ROOT": str(directory / "media"),
            "STATIC_ROOT": str(static_root),
            **environment,
        }
        self.log = directory / "gunicorn.log"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        gunicorn = Path(sys.executable).parent / "gunicorn"
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603
                [gunicorn, "-c", "gunicorn.conf.py", "cms.wsgi"], cwd=REPO, env=self.environment, stdout=log, stderr=log
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.log.read_text()}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2):  # noqa: S310 (loopback)
                    return
            except (urllib.error.URLError, OSError):  # refused, reset or timed out while workers boot
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer /healthz within 60 s:\n{self.log.read_text()}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
