"""Loader for PolNeAR (Newell, Margolin and Ruths 2018: political news attribution relations).

Layout on disk: `<root>/<split>/text/<name>.txt` and `<root>/<split>/attributions/
<name>_<annotator>.ann` (brat standoff). An .ann file has text-bound lines
`T7<TAB>Content 315 448;463 553<TAB>words` (discontinuous spans separated by `;`) with labels
Source, Cue, Content, Attribution (the cue, as the event anchor), Attribution-no-source,
Discuss and Discard, and event lines `E3<TAB>Attribution:T12 Cue:T11 Source:T10 Content:T9`
that tie them into one attribution (`Content2` continues a content; Source may be absent).
Some texts were annotated by two annotators; we read the first .ann by file name so each text
counts once. Offsets are character offsets into the .txt file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

Ranges = tuple[tuple[int, int], ...]
_ANN_NAME = re.compile(r"^(?P<base>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: Ranges
    cue: Ranges
    source: Ranges  # empty when the attribution has no source


@dataclass(frozen=True, slots=True)
class PolnearDoc:
    name: str
    annotator: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def _ranges(field: str) -> Ranges:
    out = []
    for part in field.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return tuple(out)


def parse_ann(ann: str) -> tuple[GoldAttribution, ...]:
    """Attributions of one brat .ann text (lines that do not parse are skipped)."""
    spans: dict[str, Ranges] = {}
    events: list[dict[str, list[str]]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label, _, rest = parts[1].partition(" ")
            try:
                spans[parts[0]] = _ranges(rest)
            except ValueError:
                continue
        elif parts[0].startswith("E"):
            roles: dict[str, list[str]] = {}
            for arg in parts[1].split():
                role, _, ref = arg.partition(":")
                if ref:
                    roles.setdefault(re.sub(r"\d+$", "", role), []).append(ref)
            events.append(roles)
    out: list[GoldAttribution] = []
    def collect(roles: dict[str, list[str]], role: str) -> Ranges:
        return tuple(sorted(r for ref in roles.get(role, ()) for r in spans.get(ref, ())))

    for roles in events:
        content = collect(roles, "Content")
        if content:
            out.append(GoldAttribution(content, collect(roles, "Cue"), collect(roles, "Source")))
    return tuple(out)


def split_dir(root: Path, split: str) -> Path:
    root = Path(root)
    if (root / "attributions").is_dir():
        return root
    if (root / split / "attributions").is_dir():
        return root / split
    raise FileNotFoundError(f"{root}: no PolNeAR split {split!r} (expected {root}/{split}/"
                            "attributions and text)")


def load_polnear(root: Path, split: str = "dev", limit: int | None = None,
                 problems: list[str] | None = None) -> list[PolnearDoc]:
    """Documents of one split, one annotator each, sorted by name."""
    base_dir = split_dir(root, split)
    chosen: dict[str, Path] = {}
    for ann in sorted((base_dir / "attributions").glob("*.ann")):
        m = _ANN_NAME.match(ann.name)
        base = m.group("base") if m else ann.stem
        chosen.setdefault(base, ann)
    out: list[PolnearDoc] = []
    for base, ann in sorted(chosen.items()):
        if limit is not None and len(out) >= limit:
            break
        text_path = base_dir / "text" / f"{base}.txt"
        try:
            text = text_path.read_text(encoding="utf-8")
            atts = parse_ann(ann.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            if problems is not None:
                problems.append(f"{ann}: skipped ({exc})")
            continue
        m = _ANN_NAME.match(ann.name)
        out.append(PolnearDoc(base, m.group("annotator") if m else "", text, atts))
    return out
