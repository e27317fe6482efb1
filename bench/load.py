"""The load driver of ``make bench``: a bounded load on a running server, cases interleaved over rounds.

Runs in its own process (not the server's). Each round asks every case of every system a fixed
number of times from ``--clients`` concurrent clients, one case after another, so that all
systems meet the same machine load. wagtail-grapple, when ``--grapple-url`` is given, is a second
server (its own virtualenv) taking its turn in the same rounds. The servers report the SQL queries
and CPU time of each request in headers (``bench.measure``). Writes the results as a Markdown report.
"""

from __future__ import annotations

import argparse
import os
import platform
import socket
import statistics
import subprocess
import time
import urllib.parse
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from . import cases

STATIC_PATH = "/static/wagtailadmin/images/bg-dark-diag.svg"
GRAPPLE = "wagtail-grapple"


@dataclass(frozen=True)
class Target:
    system: str
    case: str
    method: str
    path: str
    body: bytes | None = None
    server: str = "app"  # the key of its base URL: "app" (the product's server) or GRAPPLE


@dataclass
class Samples:
    latencies: list[float] = field(default_factory=list)
    queries: list[int] = field(default_factory=list)
    cpu_us: list[int] = field(default_factory=list)
    wall: float = 0.0
    failures: int = 0


def targets(grapple: bool) -> list[Target]:
    found = []
    for case in cases.CASES:
        found.append(Target("Citynews", case, "POST", "/graphql/", cases.graphql_body(cases.GRAPHQL[case])))
        found.append(Target("floor", case, "GET", cases.FLOOR[case]))
        if v2 := cases.WAGTAIL_V2[case]:
            found.append(Target("Wagtail API v2", case, "GET", v2))
        if grapple and (query := cases.GRAPPLE[case]):
            found.append(Target(GRAPPLE, case, "POST", "/graphql/", cases.graphql_body(query), GRAPPLE))
    found.append(Target("Citynews cached (GET)", "newest", "GET", cases.graphql_get("newest")))
    found.append(Target("static file", "newest", "GET", STATIC_PATH))
    return found


def _request_bytes(base: urllib.parse.SplitResult, target: Target) -> bytes:
    """The whole HTTP request, made once per target (``Connection: close``: one request per
    connection, as a sync gunicorn worker serves them anyway)."""
    lines = [f"{target.method} {target.path} HTTP/1.1", f"Host: {base.netloc}", "Connection: close"]
    if target.body is not None:
        lines += ["Content-Type: application/json", f"Content-Length: {len(target.body)}"]
    return "\r\n".join([*lines, "", ""]).encode() + (target.body or b"")


def _send(base: urllib.parse.SplitResult, request: bytes) -> tuple[float, int, int, int, bytes]:
    """One request over a socket of its own: the time to the whole answer, the status, the queries
    and CPU the server reported, the body.

    The answer is read until the server closes the connection and parsed with a split or two:
    http.client's header parsing cost this process more CPU per request than a cached answer costs
    the server, and on 2 cores the driver's CPU is taken from the server's."""
    started = time.perf_counter()
    chunks = []
    with socket.create_connection((base.hostname or "127.0.0.1", base.port or 80), timeout=120) as sock:
        sock.sendall(request)
        while chunk := sock.recv(1 << 16):
            chunks.append(chunk)
    elapsed = time.perf_counter() - started
    head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
    status_line, *header_lines = head.split(b"\r\n")
    headers = {
        name.strip().lower(): value.strip() for name, _, value in (line.partition(b":") for line in header_lines)
    }
    if int(headers.get(b"content-length", len(body))) != len(body) or b"transfer-encoding" in headers:
        raise SystemExit(f"{request.split(b' ', 2)[:2]!r}: an answer this driver cannot read ({head[:300]!r})")
    return (
        elapsed,
        int(status_line.split()[1]),
        int(headers.get(b"x-bench-queries", 0)),
        int(headers.get(b"x-bench-cpu-us", 0)),
        body,
    )


def run(
    base_urls: dict[str, str], rounds: int, per_case: int, clients: int, min_seconds: float
) -> tuple[dict[Target, Samples], list[float]]:
    """Asks every target ``per_case`` times per round, and again while its turn has lasted less
    than ``min_seconds``; ``base_urls`` maps ``Target.server`` to a URL.

    Forty requests of a fast target (a cached answer, the static file) take some 20 ms, so that
    the start and end of the batch, or one pause of the server (a recycled worker), would weigh
    on its throughput as much as the requests themselves: a target's turn lasts long enough to
    measure its steady rate."""
    bases = {server: urllib.parse.urlsplit(url) for server, url in base_urls.items()}
    all_targets = targets(grapple=GRAPPLE in bases)
    results: dict[Target, Samples] = defaultdict(Samples)
    requests = {target: _request_bytes(bases[target.server], target) for target in all_targets}
    for target in all_targets:  # warm-up: renditions rendered, caches filled, code paths imported
        _elapsed, status, _q, _c, body = _send(bases[target.server], requests[target])
        # A GraphQL server answers a query it cannot run with 200 and "errors": a fast wrong answer.
        if status != 200 or (target.body and b'"errors"' in body):
            raise SystemExit(f"{target.system} / {target.case}: HTTP {status} on warm-up: {body[:300]!r}")
    loads = []
    with ThreadPoolExecutor(clients) as pool:
        for round_number in range(rounds):
            for target in all_targets:
                started = time.perf_counter()
                base = bases[target.server]
                outcomes: list[tuple[float, int, int, int, bytes]] = []
                while not outcomes or time.perf_counter() - started < min_seconds:
                    outcomes += pool.map(lambda _n, b=base, r=requests[target]: _send(b, r), range(per_case))
                samples = results[target]
                samples.wall += time.perf_counter() - started
                for elapsed, status, queries, cpu, _body in outcomes:
                    if status not in (200, 304):
                        samples.failures += 1
                    samples.latencies.append(elapsed * 1000)
                    samples.queries.append(queries)
                    samples.cpu_us.append(cpu)
            loads.append(os.getloadavg()[0])
            print(f"round {round_number + 1}/{rounds} done, load {loads[-1]:.2f}", flush=True)
    return results, loads


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _machine() -> str:
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            model = next(line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    postgres = subprocess.run(["psql", "--version"], capture_output=True, text=True, check=False).stdout.strip()  # noqa: S607
    return f"{os.cpu_count()} cores ({model}), Python {platform.python_version()}, {postgres or 'PostgreSQL'}"


def report(results: dict[Target, Samples], loads: list[float], args: argparse.Namespace) -> str:
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`scripts/bench.sh`, `bench/`): do not edit by hand.",
        "",
        f"- Machine: {_machine()}.",
        f"- Command: `{args.command}`; {args.rounds} rounds x {args.requests} requests per case and system "
        f"(repeated while a turn lasts under {args.min_seconds:g} s), {args.clients} concurrent clients, cases "
        "interleaved within each round.",
        f"- Load average (1 min) after each round: {', '.join(f'{load:.2f}' for load in loads)}.",
        "- Server: gunicorn, one sync worker, production settings (`bench.settings` adds only the references "
        "and the measuring middleware), PostgreSQL and Redis started for the run.",
        *(
            [
                f"- {GRAPPLE} {args.grapple_version}: a second gunicorn (one sync worker) in a virtualenv of its "
                "own, on the same database, production settings without the product's API (`bench.grapple`). "
                "Same fields but topics' slugs (grapple's tags have none); search in publication order (its "
                "plural query always orders, so not by rank); no week case (no date-range filter)."
            ]
            if args.grapple_url
            else []
        ),
        f"- Data set: {args.dataset}.",
        *(f"- {note}" for note in args.note),
        "",
        "Latencies in ms, seen by the client; SQL queries and app CPU per request as the server counted them "
        "(median, mean). Citynews uncached = POST (never cached); cached = the same query by GET.",
        "",
        "| case | system | req/s | p50 | p95 | p99 | SQL q/req | app CPU ms/req | p50 / floor | errors |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    floor_p50 = {
        target.case: statistics.median(samples.latencies)
        for target, samples in results.items()
        if target.system == "floor"
    }
    for target, samples in sorted(results.items(), key=lambda item: (cases.CASES.index(item[0].case), item[0].system)):
        p50 = statistics.median(samples.latencies)
        ratio = p50 / floor_p50[target.case] if target.case in floor_p50 else float("nan")
        lines.append(
            f"| {target.case} | {target.system} | {len(samples.latencies) / samples.wall:.1f} | {p50:.0f} | "
            f"{_percentile(samples.latencies, 0.95):.0f} | {_percentile(samples.latencies, 0.99):.0f} | "
            f"{statistics.median(samples.queries):.0f} | {statistics.mean(samples.cpu_us) / 1000:.1f} | "
            f"{ratio:.2f}x | {samples.failures} |"
        )
    lines += ["", *_archive_depth(results), "", *_cached_path(results)]
    return "\n".join(lines) + "\n"


def _cached_path(results: dict[Target, Samples]) -> list[str]:
    """The cached path's throughput against the same query uncached and against the static file."""
    throughput = {
        target.system: len(samples.latencies) / samples.wall
        for target, samples in results.items()
        if target.case == "newest"
    }
    cached, uncached, static = (throughput[system] for system in ("Citynews cached (GET)", "Citynews", "static file"))
    return [
        "Cached path, the newest list by GET (the issue asks for at least 20x the uncached throughput,"
        " and within 2x of the static file):",
        "",
        f"- {cached / uncached:.1f}x the same query uncached ({cached:.0f} / {uncached:.1f} requests/s)",
        f"- the static file answers {static / cached:.2f}x as many ({static:.0f} / {cached:.0f} requests/s)",
    ]


def _archive_depth(results: dict[Target, Samples]) -> list[str]:
    """Per system, archive page 400's p50 over page 1's: the same query, only the offset differs."""
    p50 = {(t.system, t.case): statistics.median(samples.latencies) for t, samples in results.items()}
    deep, first = "archive", "archive-1"
    pages = f"page {cases.ARCHIVE_PAGES[deep]} / page {cases.ARCHIVE_PAGES[first]}"
    lines = [f"Archive depth, {pages} (p50; the issue asks for at most 1.2x):", ""]
    for system in sorted({system for system, case in p50 if case == deep}):
        if (system, first) in p50:
            ratio = p50[system, deep] / p50[system, first]
            lines.append(f"- {system}: {ratio:.2f}x ({p50[system, deep]:.0f} / {p50[system, first]:.0f} ms)")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--min-seconds", type=float, default=0.5, help="the shortest turn of a target in a round")
    parser.add_argument("--out", default="BENCHMARKS.md")
    parser.add_argument("--command", default="make bench")
    parser.add_argument("--dataset", default="see bench/dataset.py")
    parser.add_argument("--note", action="append", default=[], help="a line for the report's notes (repeatable)")
    parser.add_argument("--grapple-url", default="", help="wagtail-grapple's server, if it runs")
    parser.add_argument("--grapple-version", default="")
    args = parser.parse_args()
    base_urls = {"app": args.base_url, **({GRAPPLE: args.grapple_url} if args.grapple_url else {})}
    results, loads = run(base_urls, args.rounds, args.requests, args.clients, args.min_seconds)
    text = report(results, loads, args)
    with open(args.out, "w") as out:
        out.write(text)
    print(text)


if __name__ == "__main__":
    main()
