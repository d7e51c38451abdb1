"""Build `src/newsprism/lexicons/charged_words.tsv` (word -> intensity) from VADER's lexicon.

    pip install vaderSentiment==3.3.2   # MIT, (c) 2016 C.J. Hutto; also the `eval` extra
    python scripts/build_charged_words.py

VADER rates each word's valence from -4 to 4 (the mean of ten human raters). We keep the words
rated clearly charged, |valence| > `MIN_VALENCE` (outside 0.35-0.65 once scaled to 0..1), as
letters only (no emoticons), with the intensity |valence| / 4. The summary uses it to prefer,
of near-equal sentences, the one whose quoted words carry less charge (`summarize.select.
quoted_charge`). It is the same lexicon the summary eval's arousal proxy reads, so that proxy
is no independent check of this preference (docs/summary.md says so). The table is shipped so
that nothing needs vaderSentiment at run time.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

MIN_VALENCE = 1.2
OUT = Path(__file__).resolve().parents[1] / "src/newsprism/lexicons/charged_words.tsv"
_WORD = re.compile(r"[a-z][a-z'-]*")


def main() -> None:
    raw = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_bytes()
    rows = []
    for line in raw.decode("utf-8", errors="replace").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        word = parts[0].strip().lower()
        try:
            valence = float(parts[1])
        except ValueError:
            continue
        if _WORD.fullmatch(word) and abs(valence) > MIN_VALENCE:
            rows.append(f"{word}\t{abs(valence) / 4:.3f}")
    header = ("# word -> intensity (|valence| / 4), derived from the VADER lexicon of "
              "vaderSentiment 3.3.2 (MIT, (c) 2016 C.J. Hutto) by scripts/build_charged_words.py\n")
    OUT.write_text(header + "\n".join(sorted(set(rows))) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
