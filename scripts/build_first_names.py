"""Build `src/newsprism/lexicons/first_names.tsv` (first name -> m/f) from nomquamgender.

    pip install nomquamgender==0.1.4   # MIT; its name_data.json pools 36 public name sources
    python scripts/build_first_names.py

nomquamgender gives, per first name, the number of sources, the number of people counted and
p(gf), the share gendered female. We keep the names that are common (at least `MIN_COUNT`
people in at least `MIN_SOURCES` sources) and nearly one-sided (p(gf) <= `MAX_P` or >=
1 - `MAX_P`); every other name is unknown, and then pronoun agreement is not used. The table is
shipped (about 100 KB) so nothing loads the 22 MB package data at run time.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

MIN_COUNT = 1000  # rarer names carry too little evidence to overrule recency
MIN_SOURCES = 10  # names seen in few national sources are often surnames or misparses
# Half nomquamgender's default (0.1): a wrong gender is worse than none ("Lindsey" is 0.90
# female, and Lindsey Graham is a man).
MAX_P = 0.05
OUT = Path(__file__).resolve().parents[1] / "src/newsprism/lexicons/first_names.tsv"


def main() -> None:
    data = json.loads(resources.files("nomquamgender").joinpath("name_data.json")
                      .read_text(encoding="utf-8"))
    rows = []
    for name, (sources, count, pgf, *_) in sorted(data.items()):
        if not name.isalpha() or count < MIN_COUNT or sources < MIN_SOURCES:
            continue
        if pgf <= MAX_P:
            rows.append(f"{name}\tm")
        elif pgf >= 1 - MAX_P:
            rows.append(f"{name}\tf")
    header = ("# first name -> m/f, derived from nomquamgender 0.1.4 (MIT, (c) 2022 Ian Van "
              "Buskirk) by scripts/build_first_names.py\n")
    OUT.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} names -> {OUT}")


if __name__ == "__main__":
    main()
