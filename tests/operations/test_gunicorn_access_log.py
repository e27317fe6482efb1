"""gunicorn.conf.py's access log: stdout unless told a path, or off."""

from __future__ import annotations

import runpy

import pytest

from .servers import REPO


@pytest.mark.parametrize(
    ("setting", "access_log"),
    [(None, "-"), ("/var/log/citynews/access.log", "/var/log/citynews/access.log"), ("off", None), ("OFF", None)],
)
def test_the_access_log_goes_to_stdout_unless_told_otherwise(monkeypatch, setting, access_log):
    """Off means no access log at all: gunicorn formats every line it is given a file for, even /dev/null."""
    if setting is None:
        monkeypatch.delenv("GUNICORN_ACCESS_LOG", raising=False)
    else:
        monkeypatch.setenv("GUNICORN_ACCESS_LOG", setting)
    assert runpy.run_path(str(REPO / "gunicorn.conf.py"))["accesslog"] == access_log
