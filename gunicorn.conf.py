"""Production gunicorn settings: `gunicorn -c gunicorn.conf.py cms.wsgi` (see "Operations and security"
in README.md). Every value can be overridden from the environment named next to it."""

import gc
import multiprocessing
import os
from typing import Any

# Where to listen: PORT (8000) on all interfaces, behind the load balancer or reverse proxy.
bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
# Sync workers: one request each; 2 per core + 1 is gunicorn's advice for a database-bound app.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# A worker stuck longer than this is killed and replaced. Requests finish well before: PostgreSQL
# statements time out after DB_STATEMENT_TIMEOUT (5 s) and no image is rendered inside an API request.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle workers now and then, so that a slow leak never grows into an outage. Each recycle holds
# the worker's requests for about 0.1 s: a worker answering cached GETs (4,800 requests/s) and
# recycled every 2,000 requests lost 18% of its throughput; every 20,000, some 2%.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "2000"))
# Load the app once in the master and fork the workers from it: a recycled worker answers at once
# instead of importing Django, Wagtail and the schema again while requests wait (2 s at every
# recycle), and the workers share the loaded code's memory. New code therefore needs a restart of
# the master (or USR2 for a new master beside the old), not HUP. GUNICORN_PRELOAD=false loads per worker.
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() not in {"0", "false", "no", "off"}
# Request limits: the longest request line gunicorn allows (a GET /graphql/ URL beyond the API's own
# 6,000-byte limit still reaches Django and is answered 414 in JSON), 100 headers of up to 8 KB.
# Bodies are bounded by Django: 100 KB for /graphql/, DATA_UPLOAD_MAX_MEMORY_SIZE elsewhere.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
# Logs to stdout/stderr, for the platform to collect. GUNICORN_ACCESS_LOG=off turns the access log
# off (a proxy or CDN in front may log requests already): each line costs a sync worker some 40 µs,
# even written to /dev/null, a fifth of what a replayed cache hit costs it in all.
_access_log = os.environ.get("GUNICORN_ACCESS_LOG", "-")
accesslog = None if _access_log.lower() in {"", "off"} else _access_log
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Trust X-Forwarded-* only from the proxy in front (set FORWARDED_ALLOW_IPS to its address).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def pre_fork(_server: Any, _worker: Any) -> None:
    """Moves what the master loaded out of the garbage collector's sight before each fork, so the
    workers' collections never write to (and so copy) the memory they share with it."""
    gc.freeze()


def worker_exit(_server: Any, _worker: Any) -> None:
    """Lets a recycled worker exit at once: collecting its objects one by one at exit took 0.6 s,
    during which its replacement is not yet forked and requests wait. The OS frees them all."""
    gc.freeze()


def post_worker_init(worker: Any) -> None:
    """Runs the worker's request loop on a roomy frame stack (``cms/frame_stack.py``): on CPython 3.11
    a request otherwise maps and unmaps memory hundreds of times at unlucky call depths."""
    from cms.frame_stack import on_roomy_frame_stack

    loop = worker.run
    worker.run = lambda: on_roomy_frame_stack(loop)
