"""Look-ups over a contract-form report, for the end-to-end assertions."""

from __future__ import annotations

from typing import Any


def by_file(report: dict, fragment: str) -> dict:
    """The article whose source path contains `fragment`."""
    (found,) = [a for a in report["articles"] if fragment in a["source"]]
    return found


def story_of(report: dict, article_id: str) -> dict:
    (found,) = [s for s in report["stories"] if article_id in s["article_ids"]]
    return found


def entity_named(story: dict, *surface: str) -> list[dict]:
    """Entities having any of the surface forms (name or alias), case-insensitive."""
    wanted = {s.lower() for s in surface}
    return [e for e in story["entities"]
            if {e["name"].lower(), *(x.lower() for x in e["aliases"])} & wanted]


def conflicts(story: dict, kind: str) -> list[dict[str, Any]]:
    return [c for c in story["conflicts"] if c["kind"] == kind]
