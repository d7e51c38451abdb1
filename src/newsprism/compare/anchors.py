"""Whether two figures or dates hang on the same named place, organisation or person.

`extract.anchors.anchors_at` gives each figure and date the names it hangs on ("GPE:ohio",
"PERSON:northam"). Two versions of one fact must agree on them: a margin in New Jersey and a
margin in Virginia are two facts. When only one side names its anchor, the other may just
leave it implicit: that is a doubt, not a difference.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..text import fold

ONE_SIDED = "only one side says whose or where the figure is ({name})"


# People and organisations are one kind here, actors: the model often types a person's name
# ORG ("Northam defeated ..."), and a figure on a person differs from one on an organisation.
_KIND = {"PERSON": "actor", "ORG": "actor", "GPE": "place"}


def _split(anchors: Iterable[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for a in anchors:
        kind, _, name = a.partition(":")
        out.setdefault(_KIND.get(kind, kind), set()).add(name)
    return out


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w)


def _same_name(a: str, b: str) -> bool:
    """"northam" / "ralph northam", "associated press" / "ap", "state health department" /
    "health department": one name written two ways."""
    if a == b:
        return True
    wa, wb = set(a.split()), set(b.split())
    if wa <= wb or wb <= wa:
        return True
    return a.replace(" ", "") in (_initials(b), b) or b.replace(" ", "") in (_initials(a), a) \
        or _abbreviates(a, b) or _abbreviates(b, a)


# US states as news copy writes them short: AP style ("Fla.", "Calif.", folded without the
# period) and the postal codes. Letters in order are not enough ("ga" would be Guatemala,
# "cuba" Columbia, "niger" Nigeria), so only these count; Louisiana ("La.", "la") is left
# out: "L.A." folds to it too.
_STATE_SHORT = {
    "alabama": "ala al", "alaska": "ak", "arizona": "ariz az", "arkansas": "ark ar",
    "california": "calif ca", "colorado": "colo co", "connecticut": "conn ct",
    "delaware": "del de", "florida": "fla fl", "georgia": "ga", "hawaii": "hi", "idaho": "id",
    "illinois": "ill il", "indiana": "ind in", "iowa": "ia", "kansas": "kan ks",
    "kentucky": "ky", "maine": "me", "maryland": "md",
    "massachusetts": "mass ma", "michigan": "mich mi", "minnesota": "minn mn",
    "mississippi": "miss ms", "missouri": "mo", "montana": "mont mt", "nebraska": "neb ne",
    "nevada": "nev nv", "new hampshire": "nh", "new jersey": "nj", "new mexico": "nm",
    "new york": "ny", "north carolina": "nc", "north dakota": "nd", "ohio": "oh",
    "oklahoma": "okla ok", "oregon": "ore or", "pennsylvania": "pa", "rhode island": "ri",
    "south carolina": "sc", "south dakota": "sd", "tennessee": "tenn tn", "texas": "tex tx",
    "utah": "ut", "vermont": "vt", "virginia": "va", "washington": "wash wa",
    "west virginia": "wva wv", "wisconsin": "wis wi", "wyoming": "wyo wy",
}
_STATE_OF = {short: state for state, shorts in _STATE_SHORT.items() for short in shorts.split()}


def _abbreviates(short: str, long: str) -> bool:
    """"fla" / "florida", "calif" / "california", "pa" / "pennsylvania": a US state and the
    short form news copy gives it (the period of "Fla." is gone once folded)."""
    return _STATE_OF.get(short) == long


def anchors_clash(a: Sequence[str], b: Sequence[str]) -> bool:
    """True when both sides name an anchor of one kind (a place; an actor: organisation or
    person) and no name of that kind is shared: the figures are about different things."""
    sa, sb = _split(a), _split(b)
    for kind in sa.keys() & sb.keys():
        if not any(_same_name(x, y) for x in sa[kind] for y in sb[kind]):
            return True
    return False


def one_sided(a: Sequence[str], text_b: str, b: Sequence[str]) -> str | None:
    """The first anchor of `a` that side b neither anchors nor names in its sentence
    (`text_b`), when b anchors nothing of that kind; None when there is none."""
    sb = _split(b)
    words = fold(text_b).replace(".", "")
    for kind, names in sorted(_split(a).items()):
        if kind in sb:
            continue
        for name in sorted(names):
            if not re.search(r"\b" + re.escape(name) + r"\b", words):
                return name
    return None


def anchor_doubt(a: Sequence[str], text_a: str, b: Sequence[str], text_b: str
                 ) -> tuple[str, ...]:
    """A doubt when one side's figure hangs on a name the other side does not mention."""
    name = one_sided(a, text_b, b) or one_sided(b, text_a, a)
    return (ONE_SIDED.format(name=name),) if name else ()
