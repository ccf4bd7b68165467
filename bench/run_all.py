"""Run the archive benchmarks of issue 16 and print one table (what the README shows).

    bench/run [--database URL] [--runs 20] [--duration 10]

Runs, each in its own process: bench/archive.py (pages and lists at 200,000 claims; generates the
archive the first time), bench/similar_eval.py --archive (similar claims on labelled pairs),
bench/workspace.py (10 / 100 / 1,000 claims) and bench/api_load.py (gunicorn + wrk). The machine,
date and load average are printed with the table: on a shared machine the load moves the figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(script: str, *args: str) -> list[dict]:
    out = Path(tempfile.mkstemp(suffix=".json")[1])
    subprocess.run([sys.executable, str(ROOT / "bench" / script), *args, "--json", str(out)], check=True)
    rows = json.loads(out.read_text() or "[]")
    out.unlink()
    return rows


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = next((int(line.split()[1]) // 1024 // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    pg = subprocess.run(["psql", "--version"], capture_output=True, text=True).stdout.strip()
    return f"{os.cpu_count()} cores ({cpu}), {mem} GiB, Python {platform.python_version()}, {pg}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default=os.environ.get("BENCH_ARCHIVE_URL",
                                                             "postgres://postgres@127.0.0.1:5432/fc_bench_archive"))
    parser.add_argument("--runs", default="20")
    parser.add_argument("--duration", default="10")
    parser.add_argument("--skip", default="", help="comma-separated: archive,similar,workspace,api")
    args = parser.parse_args()
    skip = set(args.skip.split(","))
    started = dt.datetime.now(dt.UTC)
    load = [os.getloadavg()[0]]
    table: list[tuple[str, str, str]] = []
    if "archive" not in skip:
        for r in run("archive.py", "--database", args.database, "--runs", args.runs):
            table.append((r["what"], f"{r['median_ms']:.1f} ms / {r['p95_ms']:.1f} ms",
                          f"{r['queries']} queries; CPU of the Django process {r.get('cpu_ms', 0):.1f} ms"))
        load.append(os.getloadavg()[0])
    if "similar" not in skip:
        for r in run("similar_eval.py", "--archive", args.database):
            table.append((f"similar claims, {r['method']}",
                          f"{r['median_ms']:.0f} ms / {r['p95_ms']:.0f} ms",
                          f"precision {r['precision']:.2f}, recall {r['recall']:.2f}, "
                          f"other-figure flagged {r['figure_flagged']:.2f}, different listed {r['different_listed']:.2f}"))
        load.append(os.getloadavg()[0])
    if "workspace" not in skip:
        rows = run("workspace.py", "--database", args.database, "--runs", "5")
        for r in rows:
            table.append((f"workspace, {r['claims']:,} claims", f"{r['median_ms']:.0f} ms / {r['p95_ms']:.0f} ms",
                          f"{r['queries']} queries, {r['bytes'] / 1024:.0f} KB"))
        if len(rows) > 1:
            table.append(("workspace, largest / smallest time", f"{rows[-1]['median_ms'] / rows[0]['median_ms']:.1f}x",
                          "goal < 10x"))
        load.append(os.getloadavg()[0])
    if "api" not in skip:
        rows = run("api_load.py", "--database", args.database, "--duration", args.duration)
        for what in dict.fromkeys(r["what"] for r in rows):
            mine = [r for r in rows if r["what"] == what]
            rps = ", ".join(f"{r['rps']:.0f}" for r in mine)
            ratio = ", ".join(f"{r['ratio']:.0%}" for r in mine)
            table.append((f"load: {what}", f"{rps} req/s", f"p95 {max(r['p95_ms'] for r in mine):.0f} ms; "
                          f"{ratio} of bare"))
        load.append(os.getloadavg()[0])
    print(f"\n{started:%Y-%m-%d %H:%M} UTC; {machine()}; load average {min(load):.1f}-{max(load):.1f}\n")
    print("| What | median / p95 (or req/s) | Notes |\n|---|---|---|")
    for what, figure, note in table:
        print(f"| {what} | {figure} | {note} |")


if __name__ == "__main__":
    main()
