"""Transcript turns ("SMITH: We will ..." on its own line) and the capitalised labels before a
colon that are not turns: kickers ("UPDATE:") and section heads ("PHOTO GALLERY: ..."); and a
newsletter's all-capitals headline right before a quote, which names no speaker."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Callable

from .direct import Attribution


def turn_label(turn: re.Match) -> str:
    return turn.group(1).strip(" .").upper()


TRANSCRIPT = re.compile(r"^[\"“]?([A-Z][A-Z.'’ -]{1,30}):\s")
# Capitalised kickers that are no speaker ("UPDATE: ...").
KICKERS = frozenset({"UPDATE", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "VIDEO", "WATCH",
                     "PHOTOS", "PHOTO", "BREAKING", "EXCLUSIVE", "CORRECTION", "LIVE", "READ",
                     "ANALYSIS", "OPINION", "RELATED", "SPONSORED", "ADVERTISEMENT", "LISTEN",
                     # (stop 45: "ADDENDUM: Without going into …" was read as a turn)
                     "ADDENDUM", "POSTSCRIPT", "CLARIFICATION", "DISCLOSURE", "FULL DISCLOSURE",
                     "DISCLAIMER", "UPDATED", "DEVELOPING", "FLASHBACK", "BACKGROUND"})


def crosses_turn(text: str, a: Attribution, turn: Attribution) -> bool:
    """`a` runs out of the transcript turn `turn` ("SMITH: ..." on its own line), or takes
    its cue from outside it."""
    line = text.rfind("\n", 0, turn.start) + 1
    return (a.start < line or a.end > turn.end
            or a.cue is not None and not line <= a.cue[0] < turn.end) \
        and TRANSCRIPT.match(text[line:turn.start]) is not None


def headline_case(line: str) -> bool:
    """A headline line: no final full stop, or most words capitalised (some sources end every
    headline with one)."""
    if not line.rstrip().endswith("."):
        return True
    words = [w for w in line.split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def speaker_headline(line: str) -> bool:
    """A headline line whose words before its colon may name a speaker: in headline case
    (`headline_case`) and not led by a kicker ("Exclusive: Two advisers met ...": no one
    called Exclusive said it)."""
    return headline_case(line) and line.split(": ", 1)[0].strip(" .").upper() not in KICKERS


def plausible_turn(turn: re.Match, line: str, labels: Counter,
                   names_person: Callable[[str], bool]) -> bool:
    """A capitalised label before a colon is a transcript turn when it is no kicker
    ("UPDATE:") and names a person of the article, or opens more than one line (a dialogue),
    or is one word ("HALE:") followed by a sentence. A lone label of several words that names
    nobody ("PHOTO GALLERY: Storms batter the town", "TAX REFORM: THE SENATE FACTOR.") is a
    section head, no speaker. `labels`: how many lines each label opens."""
    label = turn_label(turn)
    if label in KICKERS:
        return False
    if labels[label] >= 2 or names_person(turn.group(1)):
        return True
    rest = line[turn.end():].strip(" \"“”")
    first = rest.split(". ")[0].rstrip(".") + "."  # its first sentence, closed
    return len(label.split()) == 1 and not headline_case(first) and not _SAYS_ITSELF.match(rest)


# A line after a label that names its own speaker and verb of saying: "UK: PM Boris Johnson
# said cafes ... will be closed" (stop 62, a BBC list of countries' measures; "UK" had been
# the speaker). Not a speaker's own "I said", "we told them".
_SAYS_ITSELF = re.compile(r"(?!(?:I|We|we)\b)(?:[\w.'’-]+\s+){1,5}?(?:said|says|announced|told)\b")


# Words no person's name or title is made of: an all-capitals label holding one is a headline.
_FUNCTION_WORDS = frozenset("""a an the of in on at to from for with by as and or but if is are
was were be been has have had will would can do does did how why what who when where which more
most one your yourself you i we it its this that these those not no new after over up out
""".split())
_MIN_KICKER_LETTERS = 6
_KICKER_REACH = 200  # characters from a line's start to its quote


def caps_kicker(text: str, quote_start: int) -> tuple[int, int] | None:
    """`FARMERS BRACE FOR A DROUGHT “The reservoirs are …”`, `MORE FROM THE MAYOR: ‘…’`: the
    line from its start to the quote (at `quote_start`, past its mark and an optional colon) is
    two or more words in capitals, a newsletter's headline for the item the quote belongs to.
    Its char span, or None. A label closed by a dash (`ART BEAT—“Title,” by X: …`) is a
    section's name before a headline and its byline, not the item's headline."""
    lo = max(0, quote_start - _KICKER_REACH)
    line_start = text.rfind("\n", lo, quote_start) + 1
    if line_start == 0 and lo > 0:
        return None  # (a headline is short: the look-back stays bounded on a huge line)
    j = quote_start
    while j > line_start and (text[j - 1].isspace() or text[j - 1] in "\"'“”‘’:«»"):
        j -= 1
    i = line_start
    while i < j and (text[i].isspace() or text[i] in "-–—•*"):
        i += 1
    seg = text[i:j]
    words = [w for w in seg.split() if any(ch.isalpha() for ch in w)]
    if len(words) < 2 or any(ch.islower() for ch in seg) or seg[-1:] in ("-", "–", "—") \
            or sum(ch.isalpha() for ch in seg) < _MIN_KICKER_LETTERS \
            or not any(ch in "\"'“”‘’«»" for ch in text[j:quote_start + 1]):
        return None
    return i, j


def names_someone(label: str, speaker: str | None, labels: Counter,
                  names_person: Callable[[str], bool]) -> bool:
    """A capitalised label is a speaker's name, not a headline ("MAYOR JANE DOE:", or a label
    that opens two lines of a transcript): no function word ("MORE FROM DOE" is a headline),
    and the label holds every word of the speaker read from it, or names a person of the
    article, or is a dialogue's label."""
    words = [w.strip(".,’'").lower() for w in label.split()]
    if any(w in _FUNCTION_WORDS for w in words):
        return False
    if speaker and all(w.lower() in words for w in speaker.split()):
        return True
    return labels[label.strip(" .").upper()] >= 2 or names_person(label)


def _at(names_person: Callable[[str, int], bool], pos: int, label: str) -> bool:
    return names_person(label, pos)


def headline_kickers(text: str, atts: list[Attribution],
                     names_person: Callable[[str, int], bool]) -> list[Attribution]:
    """A quote right after a newsletter's all-capitals headline (`caps_kicker`) that has no
    speaker phrase, or only words of the headline as one ("ONE QUESTION" of `ASK YOURSELF ONE
    QUESTION: ‘…’`): the headline is its source as written and no one is its speaker. A
    label that names a person (`names_someone`) keeps its reading."""
    labels = Counter(turn_label(t) for line in text.split("\n") if (t := TRANSCRIPT.match(line)))
    out = []
    for a in atts:
        k = caps_kicker(text, a.start)
        sp = a.speaker_span
        if k is not None and (sp is None or k[0] <= sp[0] and sp[1] <= k[1]) \
                and not names_someone(text[k[0]:k[1]], a.speaker, labels,
                                      functools.partial(_at, names_person, k[0])):
            a = dataclasses.replace(a, speaker_span=k, speaker=None)
        out.append(a)
    return out


def object_of_preposition(lead) -> bool:
    """The last word of `lead` (the words of a headline line before its colon) is governed by
    a preposition among them: in `Fauci with a subtle rebuke of Trump: “…”` the name before
    the colon is whom the line is about, not who speaks. (A preposition the parser found on
    the line before does not count: "... / Stewart: “…”".)"""
    t = lead[-1]
    while t.dep_ in ("compound", "flat") and t.head.i != t.i:
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ != "according" and lead[0].i <= t.head.i


def initials_of(label: str, names: list[str]) -> str:
    """A transcript label as a name: the one person of `names` whose initials it is ("RE:"
    with "Robert Epstein" named: stop 58, an interview on a Baly page, where "Re" had been
    the speaker), else an acronym as written ("RT", "CNN"), else the label's words
    capitalised ("PENCE" -> "Pence", "Kate Doe")."""
    letters = label.replace(".", "").replace(" ", "")
    if 2 <= len(letters) <= 3 and letters.isalpha() and letters.isupper():
        hits = {n for n in names if len(n.split()) == len(letters)
                and "".join(w[0] for w in n.split()).upper() == letters}
        if len(hits) == 1:
            return hits.pop()
        # "RT:", "CNN:", "NPR:": capitals with no vowel are an acronym (an outlet
        # interviewing, stop 63: "RT" had been shown as "Rt"); "LEE:", "WU:" are names.
        if not set(letters) & set("AEIOUY"):
            return label.strip()
    return " ".join(w.capitalize() for w in label.split())
