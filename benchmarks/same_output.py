"""Does a change for speed leave every output as it was? Reports before and after, compared.

    python benchmarks/same_output.py run OUT_DIR          # with the tree on PYTHONPATH
    python benchmarks/same_output.py compare BEFORE_DIR AFTER_DIR

`run` analyses, through the CLI users run (`newsprism analyze`, in a child process with this
interpreter and environment), the example corpus (`make demo`'s) and the seeds
(`$NEWSPRISM_SHARED/seeds`, skipped when absent), each without a store, into a new SQLite
store, and with the Dask runner into a new store; it writes each report's JSON with any
timing field removed (`strip_timing`; the report has none today). Run it once on the tree
before the change (`git archive BASE | tar -x -C /tmp/base`, then PYTHONPATH=/tmp/base/src)
and once after, then `compare`: byte-identical files, or the names of those that differ
and exit status 1. `tests/test_same_output.py` runs the same comparison against a reference
directory named by `NEWSPRISM_SAME_OUTPUT_REF`.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSPRISM_SHARED", REPO.parent / "shared"))
TIMING = ("seconds", "elapsed", "duration", "timing", "generated_at", "took")


def strip_timing(value: Any) -> Any:
    """`value` without the keys that hold a time measured while running."""
    if isinstance(value, dict):
        return {k: strip_timing(v) for k, v in value.items()
                if not any(w in k.lower() for w in TIMING)}
    if isinstance(value, list):
        return [strip_timing(v) for v in value]
    return value


def corpora() -> dict[str, Path]:
    out = {"demo": REPO / "examples" / "corpus"}
    if (SHARED / "seeds").is_dir():
        out["seeds"] = SHARED / "seeds"
    return out


def analyze(corpus: Path, out: Path, extra: list[str]) -> None:
    subprocess.run([sys.executable, "-m", "newsprism.cli", "analyze", str(corpus),
                    "--out", str(out), *extra], check=True, capture_output=True,
                   env=dict(os.environ))


def run(out_dir: Path, modes: tuple[str, ...] = ("plain", "sqlite", "dask")) -> list[Path]:
    """Each corpus's report in each mode, timing removed, written to `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, corpus in corpora().items():
            for mode in modes:
                raw = Path(tmp) / f"{name}_{mode}.raw.json"
                extra = [] if mode == "plain" else [
                    "--db", f"sqlite:///{Path(tmp) / f'{name}_{mode}.db'}"]
                if mode == "dask":
                    extra += ["--runner", "dask"]
                analyze(corpus, raw, extra)
                data = strip_timing(json.loads(raw.read_text(encoding="utf-8")))
                path = out_dir / f"{name}_{mode}.json"
                path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n",
                                encoding="utf-8")
                written.append(path)
    return written


def compare(before: Path, after: Path) -> list[str]:
    """Names of the reports that differ (or are missing from `after`)."""
    return [p.name for p in sorted(before.glob("*.json"))
            if not (after / p.name).exists() or (after / p.name).read_bytes() != p.read_bytes()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("out_dir", type=Path)
    r.add_argument("--modes", default="plain,sqlite,dask")
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = ap.parse_args()
    if args.cmd == "run":
        for p in run(args.out_dir, tuple(args.modes.split(","))):
            print(p)
        return
    differ = compare(args.before, args.after)
    print(json.dumps({"compared": len(list(args.before.glob("*.json"))), "differ": differ}))
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
