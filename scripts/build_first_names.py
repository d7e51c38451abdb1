"""Build `src/newsprism/lexicons/first_names.tsv` (first name -> m/f) from nomquamgender.

    pip install nomquamgender==0.1.4   # MIT; its name_data.json pools 36 public name sources
    python scripts/build_first_names.py

nomquamgender gives, per first name, the number of sources, the number of people counted and
p(gf), the share gendered female. We keep the names that are common (at least `MIN_COUNT`
people in at least `MIN_SOURCES` sources) in two tiers:
- nearly one-sided (p(gf) <= `MAX_P` or >= 1 - `MAX_P`): "m" / "f", a gender that both
  agrees with a pronoun and rules out the other one;
- leaning one way (p(gf) <= `LEAN_P` or >= 1 - `LEAN_P`): "m?" / "f?", used only as
  evidence for a pronoun of that gender, never against the other (`names.name_leaning`).
  p(gf) pools 36 sources over many decades and countries, so very common names that are
  one-sided where and when today's public figures were born sit in this tier: "hillary"
  (0.922: conditionally gendered by country in the package's own taxonomy), "bernie" (0.151),
  "george" (0.066), "karen" (0.941), "jose", "jerry", "jane" all fell outside `MAX_P` and so
  were unknown (round 16). So do names that really are two-sided in the news ("lindsey", 0.902
  female, and Lindsey Graham is a man): a leaning never overrules what the article tells
  (titles, pronouns) and never stops "he" from reaching a "lindsey".
Every other name is unknown, and then pronoun agreement is not used. The table is shipped
(about 150 KB) so nothing loads the 22 MB package data at run time.

The data file is read where the package is installed, without importing the package (whose
module needs numpy, pandas and unidecode): `pip download nomquamgender==0.1.4`, unzip the
wheel and put its folder on PYTHONPATH also works.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

MIN_COUNT = 1000  # rarer names carry too little evidence to overrule recency
MIN_SOURCES = 10  # names seen in few national sources are often surnames or misparses
# Half nomquamgender's default (0.1): a wrong gender is worse than none ("Lindsey" is 0.90
# female, and Lindsey Graham is a man).
MAX_P = 0.05
# Four to one or more: enough to prefer a person of that gender, not to rule anyone out.
LEAN_P = 0.2
OUT = Path(__file__).resolve().parents[1] / "src/newsprism/lexicons/first_names.tsv"


def main() -> None:
    spec = importlib.util.find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("nomquamgender 0.1.4 is needed (see the module docstring)")
    path = Path(next(iter(spec.submodule_search_locations))) / "name_data.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    rows = []
    for name, (sources, count, pgf, *_) in sorted(data.items()):
        if not name.isalpha() or count < MIN_COUNT or sources < MIN_SOURCES:
            continue
        gender = tier(pgf)
        if gender:
            rows.append(f"{name}\t{gender}")
    header = ("# first name -> m/f (one-sided) or m?/f? (leaning), derived from nomquamgender "
              "0.1.4 (MIT, (c) 2022 Ian Van Buskirk) by scripts/build_first_names.py\n")
    OUT.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} names -> {OUT}")


def tier(pgf: float) -> str | None:
    """"m" / "f" for a nearly one-sided p(gf), "m?" / "f?" for one leaning one way, else
    None."""
    for limit, mark in ((MAX_P, ""), (LEAN_P, "?")):
        if pgf <= limit:
            return "m" + mark
        if pgf >= 1 - limit:
            return "f" + mark
    return None


if __name__ == "__main__":
    main()
