"""The planted-conflict generator behind `newsprism eval compare`: which sentence of a real
multi-outlet story is changed, how, and into which other article (B) it is put.

A real multi-outlet story; one sentence of article A is copied, changed, into article B (its
own paragraph, inside B's full text). Changed: the quantity (digits, words, vague, units), the
date, or the speaker of a quote. Controls copy it unchanged (or a unit converted, or the same
speaker). Running a plant and scoring it is `eval/compare.py`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from ..compare.match import content_words
from ..extract.quantities import SMALL
from ..model import Article
from ..text import dice

_SENT = re.compile(r"[^.!?\n]*[.!?]")
_WORD_NUM = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
             "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
             "thirty": 30, "forty": 40, "fifty": 50}
_NUM_WORD = {v: k for k, v in _WORD_NUM.items()}
# A change far outside any rounding or vague range: the figure times three plus seven.
PLANT_FACTOR, PLANT_ADD = 3, 7
# Each swap gives a range that cannot overlap the original one.
_VAGUE_SWAP = {"dozens": "thousands", "scores": "thousands", "hundreds": "dozens",
               "thousands": "hundreds", "tens of thousands": "hundreds",
               "hundreds of thousands": "thousands", "tens of millions": "thousands",
               "hundreds of millions": "thousands", "millions": "thousands"}
# Chains first: "hundreds of thousands of X" is one figure, not "hundreds" of "thousands"
# (which made "dozens of thousands of immigrants", a count no outlet writes).
_VAGUE_WORDS = "|".join(sorted(_VAGUE_SWAP, key=len, reverse=True))
_NOT_COUNTED = ("(?:years|months|days|weeks|hours|minutes|seconds|decades|seasons|nights|points|"
                "percent|times|dollars|cents|miles|kilometers|kilometres|meters|metres|feet|"
                "inches|pounds|kilograms|acres|hectares|tons|tonnes|dozens|scores|hundreds|"
                "thousands|millions|billions)")
# Plain counts only: no bound or approximation before them (a changed "over 1,100" or
# "upwards of 300" can still overlap: two open bounds are no conflict), no figure glued to
# another, no time or measure nouns (those are not things).
# Not a year written "’18" / "'61", nor a day number beside any month ("June 26 remarks").
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_BOUNDS = ("over", "than", "least", "about", "nearly", "some", "almost", "around", "to", "as",
           "or", "and", "upwards of", "upward of", "excess of", "under", "below", "above",
           "exceeding", "beyond", "roughly", "approximately", "estimated", *_MONTHS)
_COUNT = re.compile(r"(?<![\d,.\-$'\u2019])" + "".join(f"(?<!{b} )" for b in _BOUNDS) + r"\b"
                    r"(?P<num>\d{1,3}(?:,\d{3})+|\d{2,6}|" + "|".join(_WORD_NUM) +
                    r"|" + _VAGUE_WORDS + r")\s+(?:of\s+)?"
                    r"(?P<noun>(?!" + _NOT_COUNTED + r"\b)(?-i:[a-z]{4,}s))\b", re.I)
# A vague figure also counts a noun with up to two words before it ("hundreds of Syrian
# refugees", "thousands of people"): vague figures are mostly written that way.
_FUNCTION = ("(?:the|a|an|those|these|them|their|its|his|her|our|your|which|who|that|and|or|of|"
             "in|on|at|to|for|from|with|by|were|was|are|is|have|has|had|more|such)")
_VAGUE_COUNT = re.compile(r"(?<![\w-] of )" + "".join(f"(?<!{b} )" for b in _BOUNDS) +
                          r"\b(?P<num>" + _VAGUE_WORDS + r")\s+of\s+(?:(?!" + _FUNCTION +
                          r"\b)[\w'.-]+\s+){0,2}?(?P<noun>(?!" + _NOT_COUNTED + r"\b)"
                          r"(?-i:[a-z]{4,}s|people))\b", re.I)
_MEASURE = re.compile(r"(?<![\d,.\-])(?<!by )\b(?P<num>\d{1,4}(?:\.\d)?)\s+"
                      r"(?P<unit>miles|kilometers|kilometres|"
                      r"feet|meters|metres|pounds|kilograms|acres|hectares)\b(?!\s+(?:per|an|a)\b)",
                      re.I)
_TO_OTHER = {"miles": ("kilometers", 1.609344), "kilometers": ("miles", 0.621371),
             "kilometres": ("miles", 0.621371), "feet": ("meters", 0.3048),
             "meters": ("feet", 3.28084), "metres": ("feet", 3.28084),
             "pounds": ("kilograms", 0.453592), "kilograms": ("pounds", 2.20462),
             "acres": ("hectares", 0.404686), "hectares": ("acres", 2.47105)}
_MONTH_DAY = re.compile(r"\b(?P<month>January|February|March|April|May|June|July|August|"
                        r"September|October|November|December)\s+(?P<day>\d{1,2})\b")
_NAME = (r"(?!(?:President|Mr|Ms|Mrs|Dr|Sen|Rep|Gov|The|He|She|They|It|We|I|House|Senate|"
         r"Colonel|General|Oxford|Colorado|White)\b)"
         r"(?:[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+)?(?!(?:University|Department|Committee|Resources|"
         r"Civil|Council|Office|Party|Court|Agency|Ministry|News|Times|Post)\b)[A-Z][a-z]+")
_QUOTE_SAID = re.compile(r"[\u201c\"](?P<quote>[^\u201d\"]{40,300})[\u201d\"]\s*,?\s*"
                         r"(?:said|says|told reporters)\s+(?P<name>" + _NAME + r")\b"
                         r"|[\u201c\"](?P<quote2>[^\u201d\"]{40,300})[\u201d\"]\s*,?\s*"
                         r"(?P<name2>" + _NAME + r")\s+(?:said|says|told)\b")
_WEEKDAY = re.compile(r"\bon (?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_ANY_WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_OTHER_DAY = {"Monday": "Thursday", "Tuesday": "Friday", "Wednesday": "Saturday",
              "Thursday": "Monday", "Friday": "Tuesday", "Saturday": "Wednesday",
              "Sunday": "Wednesday"}
CARRIED_DICE = 0.5  # a host sentence this close to the planted one already states the fact
# Who a swapped quote is given to: common full names no story of the data is about (names
# found in the data by a pattern were as often offices: "House Resources", "Oxford University").
SWAP_NAMES = ("Maria Lopez", "David Miller", "Sarah Johnson", "James Wilson", "Anna Schmidt",
              "Robert Brown", "Laura Chen", "Michael Davis")
# The data carries no publish dates: every article of a planted story gets this one, so
# "July 8" and "on Tuesday" resolve (the same day for all outlets).
PLANT_PUBLISHED = "2020-07-08"


@dataclasses.dataclass(frozen=True, slots=True)
class Plant:
    kind: str  # digits, words, vague, units, date, attribution; "control-..." for controls
    story: str  # where the story comes from ("neus:17", "ecb:3")
    source: str  # article A's id
    start: int  # the sentence in A
    end: int
    inserted: str  # the sentence put into B
    host: str = ""  # B's article id


_YEAR = re.compile(r"(?:19|20)\d\d")
_CUT = re.compile(r"(?:\b[A-Z]|\d|\s|\b(?:Rep|Sen|Gov|Gen|Mr|Mrs|Ms|Dr|St|No|Lt|Col|Sgt|"
                  r"Jan|Feb|Aug|Sept|Oct|Nov|Dec|Inc|Co|Corp|Jr|vs))\.$")


def _sentences(text: str):
    for m in _SENT.finditer(text):
        s = m.group().strip()
        # Cut at an abbreviation ("the U.", "Rep.") or a figure's point: not a whole sentence.
        # Two figures in one sentence make a plant ambiguous ("10 feet ... 20 feet").
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        before = text[:start].rstrip(" ")
        whole = not before or before.endswith("\n") or not re.search(_CUT, before)
        if whole and 8 <= len(s.split()) <= 60 and not re.search(_CUT, s) and \
                s.lstrip("\"\u201c\u2018'")[:1].isupper() and \
                len([x for x in re.findall(r"\d[\d,.]*", s) if not _YEAR.fullmatch(x)]) <= 1 and \
                len(_ANY_WEEKDAY.findall(s)) + len(_MONTH_DAY.findall(s)) <= 1:
            yield start, s


def _holds(text: str, num: str) -> bool:
    """Whether a text already states a figure, in digits or words ("18" / "eighteen")."""
    num = num.lower()
    words = {v: k for k, v in SMALL.items() if k not in ("a", "an")}
    value = _WORD_NUM.get(num) or (int(num.replace(",", "")) if num.replace(",", "").isdigit()
                                   else None)
    forms = {num} | ({str(value), words[value]} if value in words else set())
    return any(re.search(r"\b" + re.escape(f) + r"\b", text, re.I) for f in forms)


_ANY_FIGURE = (r"\b(?:\d[\d,.]*|" + "|".join(_WORD_NUM) + r"|a|one|dozens|hundreds|thousands|"
               r"millions|dozen|hundred|thousand|million)\s+(?:[\w-]+\s+){0,3}?")


def _counts(text: str, noun: str) -> bool:
    """Whether a text gives a figure for the counted noun ("about 20 students"): it would
    then hold a version of its own beside the plant."""
    return bool(re.search(_ANY_FIGURE + re.escape(noun[:-1]), text, re.I))


def _changed_count(m: re.Match[str]) -> tuple[str, str] | None:
    """(kind, replacement) for a count: digits and words times three plus seven, vague
    plurals swapped for a range that cannot overlap."""
    num = m.group("num").lower()
    # A figure opening its sentence keeps its capital ("Hundreds of ..." -> "Dozens of ..."):
    # a lower-case opening is parsed differently, and no outlet writes it.
    case = str.capitalize if m.group("num")[:1].isupper() else str
    if num in _VAGUE_SWAP:
        return "vague", case(_VAGUE_SWAP[num])
    if num in _WORD_NUM:
        value = _WORD_NUM[num] * PLANT_FACTOR + PLANT_ADD
        return "words", case(_NUM_WORD.get(value, _NUM_WORD[max(v for v in _NUM_WORD
                                                                if v >= 2 * _WORD_NUM[num])]))
    value = int(num.replace(",", ""))
    if 1900 <= value <= 2100:
        return None  # a year
    return "digits", f"{value * PLANT_FACTOR + PLANT_ADD:,}"


def plants_for(story: str, articles: Sequence[Article], names: Sequence[str]) -> list[Plant]:
    """At most one plant of each kind, and its control: the first sentence of any article
    that has one, put into the first other article (B) that does not already state it."""
    out: list[Plant] = []
    done: set[str] = set()
    carried = {a.id: [content_words(h) for _, h in _sentences(a.text)] for a in articles}
    for art in articles:
        hosts = [h for h in articles if h.id != art.id]
        for start, sent in _sentences(art.text):
            words = content_words(sent)
            for kind, changed, control, span, fits in _candidates(story, art, start, sent,
                                                                  names):
                if kind in done:
                    continue
                # B must not already state the fact or the figure: it would then hold two
                # versions itself, and no outlet would contradict another.
                host = next((h for h in hosts if fits(h.text) and not any(
                    dice(words, w) >= CARRIED_DICE for w in carried[h.id])), None)
                if host is None:
                    continue
                done.add(kind)
                out.append(Plant(kind, story, art.id, span[0], span[1], changed, host.id))
                out.append(Plant("control-" + kind, story, art.id, span[0], span[1], control,
                                 host.id))
    return out


def _count_candidate(m: re.Match[str] | None, sent: str, span: tuple[int, int]):
    if m and (got := _changed_count(m)):
        num, noun = m.group("num"), m.group("noun")
        yield (got[0], sent[:m.start("num")] + got[1] + sent[m.end("num"):], sent, span,
               lambda text, num=num, noun=noun: not _holds(text, num)
               and not _counts(text, noun))


def _candidates(story: str, art: Article, start: int, sent: str, names: Sequence[str]):
    """(kind, changed sentence, control sentence, span in A, host test) for one sentence."""
    end = start + len(sent)
    m = _COUNT.search(sent)
    if m is None or m.group("num").lower() not in _VAGUE_SWAP:
        yield from _count_candidate(m, sent, (start, end))
        m = _VAGUE_COUNT.search(sent)
    yield from _count_candidate(m, sent, (start, end))
    m = _MEASURE.search(sent)
    if m:
        value, unit = float(m.group("num")), m.group("unit").lower()
        other, factor = _TO_OTHER[unit]
        keep = f"{value * factor:.1f} {other}"
        moved = f"{value * factor * PLANT_FACTOR + PLANT_ADD:.1f} {other}"
        # B gives no distance, weight or area of its own.
        yield ("units", sent[:m.start()] + moved + sent[m.end():],
               sent[:m.start()] + keep + sent[m.end():], (start, end),
               lambda text: not _MEASURE.search(text))
    m = _MONTH_DAY.search(sent)
    if m and int(m.group("day")) <= 28:
        day = int(m.group("day"))
        new_day = day + 9 if day <= 14 else day - 9
        yield ("date", sent[:m.start("day")] + str(new_day) + sent[m.end("day"):], sent,
               (start, end), lambda text: True)
    m = _WEEKDAY.search(sent)
    if m:
        yield ("weekday", sent[:m.start("day")] + _OTHER_DAY[m.group("day")]
               + sent[m.end("day"):], sent, (start, end), lambda text: True)
    m = _QUOTE_SAID.search(art.text[max(0, start - 2):end + 60])
    if m and names:
        quote = m.group("quote") or m.group("quote2")
        name = m.group("name") or m.group("name2")
        k = sum(map(ord, story)) % len(names)  # a different real name per story
        swap = next((n for n in [*names[k:], *names[:k]]
                    if n.split()[-1] != name.split()[-1]), None)
        q0 = art.text.find(quote)
        if swap and q0 >= 0:
            said = quote.rstrip(",")
            # B does not carry the quote already (it would name its own speaker).
            yield ("attribution", f"\u201c{said},\u201d {swap} said.",
                   f"\u201c{said},\u201d {name} said.", (q0, q0 + len(quote)),
                   lambda text, said=said: said[:30] not in text)
