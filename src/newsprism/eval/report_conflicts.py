"""Every conflict of an `analyze` report, listed for judging by hand.

    newsprism analyze stories.jsonl --out report.json
    newsprism eval compare --report report.json

One block per conflict: a short stable key (story id and a hash of the versions' values, so a
label written down can be matched to a later run), its kind, status, confidence, about and why,
then each version's value with the sentence around each of its spans, so a reader can judge it
without opening the articles. The listing reads only the report (the JSON contract), so it
judges exactly what a user of `newsprism analyze` is shown.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CONTEXT = 160  # characters shown either side of a span


def conflict_key(story_id: str, conflict: dict[str, Any]) -> str:
    """Story id plus a hash of the kind, what it is about and the versions' values: stable
    across reruns (two quotes given to the same two people are two conflicts)."""
    values = "|".join(sorted(str(v.get("value", "")) for v in conflict.get("versions", ())))
    digest = hashlib.sha1(f"{conflict.get('kind')}|{conflict.get('about')}|{values}".encode()
                          ).hexdigest()[:8]
    return f"{story_id[:12]}:{digest}"


def _around(text: str, start: int, end: int) -> str:
    lo, hi = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
    snippet = text[lo:start] + "[[" + text[start:end] + "]]" + text[end:hi]
    return " ".join(snippet.split())


def list_conflicts(report: dict[str, Any]) -> Iterator[str]:
    """Text blocks, one per conflict, in report order."""
    articles = {a["id"]: a for a in report.get("articles", ())}
    for story in report.get("stories", ()):
        for c in story.get("conflicts", ()):
            yield (f"== {conflict_key(story['id'], c)}\t{c.get('kind')}\t{c.get('status')}\t"
                   f"{c.get('confidence')}\t{c.get('about')}\n   why: {c.get('why')}")
            for v in c.get("versions", ()):
                outlets = sorted({str(articles.get(a, {}).get("outlet")) for a in
                                  v.get("article_ids", ())})
                yield f"   version {v.get('value')!r} from {', '.join(outlets)}"
                for s in v.get("spans", ()):
                    text = articles.get(s["article_id"], {}).get("text", "")
                    yield f"      [{s['article_id']}] {_around(text, s['start'], s['end'])}"


def count_conflicts(report: dict[str, Any]) -> dict[str, int]:
    counts = {"stories": len(report.get("stories", ())), "confident": 0, "possible": 0}
    for story in report.get("stories", ()):
        for c in story.get("conflicts", ()):
            status = c.get("status") or "possible"
            counts[status] = counts.get(status, 0) + 1
    return counts


def report_command(path: Path, say: Any = print) -> dict[str, int]:
    """Print every conflict of the report at `path`; return the counts by status."""
    report = json.loads(Path(path).read_text(encoding="utf-8"))
    for block in list_conflicts(report):
        say(block)
    return count_conflicts(report)
