"""Geometry of the copy graph (who copied whom), drawn as inline SVG by the templates.

Only numbers are computed here; labels go through Jinja2 escaping like every other text.
Nodes sit on a circle in source order; an edge runs from the origin to the copier and stops at
the node's rim so the arrowhead stays visible.
"""

from __future__ import annotations

import math
from typing import Any

WIDTH, HEIGHT, RADIUS = 820, 340, 22


def copy_graph(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> dict[str, Any]:
    cx, cy = WIDTH / 2, HEIGHT / 2
    rx, ry = WIDTH / 2 - 210, HEIGHT / 2 - 50
    pos: dict[int, tuple[float, float]] = {}
    placed = []
    linked = {e["src"] for e in edges} | {e["dst"] for e in edges}
    for i, n in enumerate(nodes):
        angle = -math.pi / 2 + 2 * math.pi * i / max(1, len(nodes))
        x, y = (cx, cy) if len(nodes) == 1 else (cx + rx * math.cos(angle),
                                                  cy + ry * math.sin(angle))
        pos[n["n"]] = (x, y)
        # Labels go outward from the centre so they do not cross the edges.
        anchor = "middle" if abs(x - cx) < 20 else ("start" if x > cx else "end")
        lx = x + (0 if anchor == "middle" else (RADIUS + 6) * (1 if x > cx else -1))
        ly = y + (RADIUS + 16 if y >= cy and anchor == "middle" else
                  -(RADIUS + 8) if anchor == "middle" else 5)
        placed.append({"n": n["n"], "label": n["label"], "x": round(x, 1), "y": round(y, 1),
                       "lx": round(lx, 1), "ly": round(ly, 1), "anchor": anchor,
                       "linked": n["n"] in linked})
    lines = []
    for e in edges:
        if e["src"] not in pos or e["dst"] not in pos:
            continue
        (x1, y1), (x2, y2) = pos[e["src"]], pos[e["dst"]]
        d = math.hypot(x2 - x1, y2 - y1) or 1.0
        ux, uy = (x2 - x1) / d, (y2 - y1) / d
        pad = RADIUS + 4
        lines.append({"x1": round(x1 + ux * pad, 1), "y1": round(y1 + uy * pad, 1),
                      "x2": round(x2 - ux * (pad + 4), 1), "y2": round(y2 - uy * (pad + 4), 1),
                      "mx": round((x1 + x2) / 2 - uy * 10, 1),
                      "my": round((y1 + y2) / 2 + ux * 10, 1),
                      "directed": e["directed"], "pct": round(100 * float(e["share"])),
                      "width": round(1.5 + 5 * float(e["share"]), 1)})
    return {"width": WIDTH, "height": HEIGHT, "r": RADIUS, "nodes": placed, "edges": lines}
