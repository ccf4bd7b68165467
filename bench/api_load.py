"""API throughput against a bare view in the same gunicorn server, on loopback, bounded.

    .venv/bin/python bench/api_load.py [--database URL] [--redis URL] [--duration 10] [--rounds 2]

Needs the archive of bench/archive.py (default postgres://postgres@127.0.0.1:5432/fc_bench_archive)
and wrk (Debian: apt-get install -y wrk). Starts `gunicorn -w 2` on 127.0.0.1 with the bench site
(bench/loadsite: the project plus /bench/bare/, which returns a stored copy of the claim list's
response as pre-encoded bytes, through the same middleware), then alternates, `--rounds` times,
`wrk -t2 -c20 -d10s` on: the bare view, two claim lists, and the verdict action (one POST per
claim, on claims prepared for it). Prints req/s, p50, p95, the ratio to the bare view of the
same round and the server's CPU time per request, then the medians over the rounds. Only
127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
LUA = ROOT / "bench" / "api_load.lua"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_cpu(pid: int) -> float:
    """CPU seconds used so far by the gunicorn master and its workers (from /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # fields[1] is the parent's pid, fields[11] and [12] user and system time in ticks.
        if int(entry.name) == pid or int(fields[1]) == pid:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def wrk(url: str, token: str, mode: str, target: str, *, duration: int, threads: int, connections: int,
        server: int) -> dict:
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "-s", str(LUA), url,
           "--", token, mode, target, str(threads)]
    before = server_cpu(server)
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 60, check=True).stdout
    row = json.loads(next(line for line in out.splitlines() if line.startswith("{")))
    row["cpu_ms"] = (server_cpu(server) - before) * 1000 / max(row["requests"], 1)
    return row


def summary(results: list[dict]) -> None:
    """Medians over the rounds: on a shared machine one round's ratio moves with the others' load.

    "CPU ratio" compares the server's CPU per request (gunicorn's processes, not PostgreSQL or
    Redis): the share of the bare view's rate the endpoint would reach if the server's CPU were
    all that limited both.
    """
    import statistics

    print(f"\n{'median of the rounds':<50} {'req/s':>8} {'of bare':>8} {'CPU ms':>8} {'CPU ratio':>9}")
    bare_cpu = statistics.median(r["cpu_ms"] for r in results if r["what"].startswith("bare"))
    for what in dict.fromkeys(r["what"] for r in results):
        rows = [r for r in results if r["what"] == what]
        cpu = statistics.median(r["cpu_ms"] for r in rows)
        print(f"   {what:<47} {statistics.median(r['rps'] for r in rows):8.1f} "
              f"{statistics.median(r['ratio'] for r in rows):8.1%} {cpu:8.2f} {bare_cpu / cpu if cpu else 0:9.1%}")


def prepare(count: int, articles: int = 1):
    """Claims assigned to a reviewer, one per verdict request; returns (editor token, reviewer token, ids, articles).

    With ``articles`` > 1 the claims are dealt over that many articles and the ids interleaved, so
    consecutive verdicts land on different articles, as a desk's do: with one article every verdict
    waits for the one ArticleProgress row the previous verdict holds until it commits.
    """
    from rest_framework.authtoken.models import Token

    from factcheck.accounts.models import User
    from factcheck.articles.models import Article, ArticleRevision
    from factcheck.claims import derived
    from factcheck.claims.models import Claim, ClaimStatus

    editor = User.objects.get(username="editor0")
    reviewer = User.objects.get(username="reviewer0")
    sentence = "The load test counted 1,000 requests in one second, the operator said. "
    n = len(sentence)
    made = []
    per = -(-count // articles)
    for a in range(articles):
        article = Article.objects.create(title=f"Verdict load {a + 1}", created_by=editor)
        revision = ArticleRevision.objects.create(article=article, number=1, text=sentence * per, created_by=editor)
        Article.objects.filter(pk=article.pk).update(current_revision=revision)
        Claim.objects.bulk_create([
            Claim(article=article, revision=revision, start=i * n, end=i * n + n - 1, quote=sentence[:-1],
                  text=sentence[:-1], status=ClaimStatus.ASSIGNED, assignee=reviewer, created_by=editor)
            for i in range(per)
        ], batch_size=2000)
        derived.article_progress_refresh(article.pk)
        made.append(article)
    by_article = [list(Claim.objects.filter(article=a).order_by("pk").values_list("pk", flat=True)) for a in made]
    ids = [pk for row in zip(*by_article, strict=True) for pk in row][:count]
    tokens = [Token.objects.get_or_create(user=u)[0].key for u in (editor, reviewer)]
    return tokens[0], tokens[1], ids, made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default=os.environ.get("BENCH_ARCHIVE_URL",
                                                             "postgres://postgres@127.0.0.1:5432/fc_bench_archive"))
    parser.add_argument("--redis", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/5"))
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--spread", type=int, default=200,
                        help="articles the second verdict target's claims are dealt over (the first: one article)")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("api_load.py: wrk is missing (Debian: apt-get install -y wrk)")
    from bench.archive import prepare_database, setup_django

    prepare_database(args.database)
    os.environ["REDIS_URL"] = args.redis
    setup_django(args.database)
    from factcheck.articles.models import Article
    from factcheck.claims.models import Claim, ClaimStatus

    sample = Article.objects.order_by("-id").first()
    editor_token, reviewer_token, verdict_ids, load_articles = prepare(args.rounds * args.duration * 600)
    *_, spread_ids, spread_articles = prepare(args.rounds * args.duration * 600, articles=args.spread)
    load_articles += spread_articles
    tmp = Path(tempfile.mkdtemp(prefix="factcheck-apiload-"))
    id_sets = {str(tmp / "ids.txt"): verdict_ids, str(tmp / "ids-spread.txt"): spread_ids}
    for path, ids in id_sets.items():
        Path(path).write_text("\n".join(map(str, ids)) + "\n")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ, "DATABASE_URL": args.database, "REDIS_URL": args.redis, "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1", "API_THROTTLE_USER": "100000000/min", "BENCH_BARE_FILE": str(tmp / "page.json"),
        "SITE_URL": base, "FACTCHECK_VAR_DIR": str(tmp), "PYTHONPATH": str(ROOT),
    }
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "bench.loadsite.wsgi:application", "-w", str(args.workers),
         "-b", f"127.0.0.1:{port}", "--log-level", "warning", "--chdir", str(ROOT)],
        stderr=subprocess.DEVNULL,
        env=env, start_new_session=True,
    )
    targets = [
        ("GET /api/claims/?verdict=disputed (50 rows)", editor_token, "get", "/api/claims/?verdict=disputed"),
        (f"GET /api/claims/?article={sample.pk} (20 rows)", editor_token, "get", f"/api/claims/?article={sample.pk}"),
        ("POST /api/claims/<id>/verdict/ (one article)", reviewer_token, "verdict", str(tmp / "ids.txt")),
        (f"POST /api/claims/<id>/verdict/ ({args.spread} articles)", reviewer_token, "verdict",
         str(tmp / "ids-spread.txt")),
    ]
    results: list[dict] = []
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        request = urllib.request.Request(f"{base}{targets[0][3]}", headers={"Authorization": f"Token {editor_token}"})
        (tmp / "page.json").write_bytes(urllib.request.urlopen(request, timeout=30).read())
        size = (tmp / "page.json").stat().st_size
        print(f"gunicorn -w {args.workers} on {base}; wrk -t2 -c20 -d{args.duration}s; "
              f"bare page {size:,} bytes; load average {os.getloadavg()[0]:.1f}\n")
        print(f"{'round / endpoint':<50} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'non-2xx':>8} {'of bare':>8} "
              f"{'CPU ms':>8}")
        for r in range(args.rounds):
            bare = wrk(f"{base}/bench/bare/", editor_token, "get", "/bench/bare/", duration=args.duration, threads=2,
                       connections=20, server=server.pid)
            rows = [("bare view (stored bytes)", bare)]
            for label, token, mode, target in targets:
                if mode == "verdict":
                    # Only claims no earlier round decided: each verdict request is a real state change.
                    # (kept in the prepared order: the spread target's ids alternate between articles)
                    ids = id_sets[target]
                    left = set(Claim.objects.filter(pk__in=ids, status=ClaimStatus.ASSIGNED).values_list("pk", flat=True))
                    Path(target).write_text("\n".join(str(pk) for pk in ids if pk in left) + "\n")
                rows.append((label, wrk(base, token, mode, target, duration=args.duration, threads=2, connections=20,
                                        server=server.pid)))
            for label, row in rows:
                ratio = row["rps"] / bare["rps"] if bare["rps"] else 0
                print(f"{r + 1}  {label:<47} {row['rps']:8.1f} {row['p50_ms']:8.1f} {row['p95_ms']:8.1f} "
                      f"{row['non2xx']:8d} {ratio:8.1%} {row['cpu_ms']:8.2f}", flush=True)
                results.append({"round": r + 1, "what": label, **row, "ratio": ratio})
        summary(results)
        print(f"\nload average at the end {os.getloadavg()[0]:.1f}")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        for article in load_articles:
            article.delete()
        # The verdicts queued notification emails in this Redis database; no worker takes them.
        from factcheck.celery import app

        app.control.purge()
        shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
