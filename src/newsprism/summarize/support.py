"""The support check: every content word, name and number of a summary sentence must occur in
the spans the sentence cites (compared in a normalised form), or the sentence is not shown.

Normalised form: accents folded, lower case, possessive and plural endings stripped, digits
without thousands separators; hyphenated words count word by word ("air-defense" is "air" and
"defense"). Words the summary itself adds to frame a sentence ("According to", "Accounts
differ on", "reports", "one outlet") are not claims and are not checked; nor are the outlets'
own names, which come from the articles' metadata. `derived` holds words that are a normalised
form of the evidence without being written in it: a resolved date ("July 8, 2020" for
"Wednesday" in an article published that day), a plain word the neutral wording put in place
of a loaded one the span holds.

Names are capitalised words (the first word of a sentence too, unless the sources also write
it in lower case); numbers are words with a digit. A sentence fails when any of its content
words, names or numbers is missing from its evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..model import Span, StoryContext, SummarySentence
from ..text import fold
from .select import STOPWORDS

if TYPE_CHECKING:
    from .neutral import Neutralizer

# The summary's own framing words: they say where a claim comes from, not what it claims.
FRAME_WORDS = frozenset("""
according only accounts account differ differs report reports reported attribute attributes
give gives date name names said says outlet outlets another other others one two three four
five six seven eight nine ten shared copy wording wordings writes write where has have
article articles quoted as adds add in shared many
""".split())
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_NUMBER_SEP = re.compile(r"(?<=\d)[,.](?=\d{3}\b)")


@dataclass(frozen=True, slots=True)
class Support:
    """What a sentence says that its evidence does not hold (empty tuples: supported)."""

    words: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not (self.words or self.names or self.numbers)


@lru_cache(maxsize=1)
def _frame_norms() -> frozenset[str]:
    return frozenset(norm(w) for w in FRAME_WORDS)


@lru_cache(maxsize=1 << 15)
def norm(word: str) -> str:
    """One word's normalised form (see the module docstring)."""
    w = fold(word).lower().strip("'’")
    for end in ("'s", "’s"):
        w = w.removesuffix(end)
    if w.isdigit() or len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
            return w[:-len(suffix)]
    return w


def words_of(text: str) -> list[str]:
    """The text's words, raw, with numbers' thousands separators removed ("1,000" -> "1000")."""
    return _WORD.findall(_NUMBER_SEP.sub("", text))


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """The normalised words of the texts: the union of each text's (kept per text: the
    summary weighs the same spans, names and aliases as evidence many times over)."""
    return frozenset().union(*(_text_vocabulary(t) for t in texts))


@lru_cache(maxsize=1 << 12)  # a story's spans, names and aliases; bounded for the workers
def _text_vocabulary(text: str) -> frozenset[str]:
    return frozenset(norm(w) for w in words_of(text))


def lower_vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Normalised words the texts write in lower case: at a sentence start they are no name.
    Kept for the last few stories' texts: the summary and the timeline both ask."""
    return _lower_of(tuple(texts))


@lru_cache(maxsize=4)
def _lower_of(texts: tuple[str, ...]) -> frozenset[str]:
    # Each distinct word normalised once (the same set as normalising every occurrence).
    written = {w for t in texts for w in words_of(t) if w[:1].islower()}
    return frozenset(norm(w) for w in written)


@dataclass(frozen=True, slots=True)
class Sorted:
    names: tuple[str, ...]
    numbers: tuple[str, ...]
    words: tuple[str, ...]


def sort_words(text: str, lower: frozenset[str] = frozenset(),
               frame: frozenset[str] = frozenset()) -> Sorted:
    """The sentence's names, numbers and other content words (normalised, frame words out)."""
    names: list[str] = []
    numbers: list[str] = []
    content: list[str] = []
    frame_norms = _frame_norms()
    for i, raw in enumerate(words_of(text)):
        n = norm(raw)
        # (a word of letters only holds no digit: the character test only for the rest)
        if not raw.isalpha() and any(ch.isdigit() for ch in raw):
            numbers.append(n)
        elif n in frame_norms or n in frame or raw.lower() in STOPWORDS or len(n) < 2:
            continue
        elif raw[:1].isupper() and not (i == 0 and n in lower):
            names.append(n)
        else:
            content.append(n)
    return Sorted(tuple(dict.fromkeys(names)), tuple(dict.fromkeys(numbers)),
                  tuple(dict.fromkeys(content)))


def check(text: str, evidence: Iterable[str], derived: Iterable[str] = (),
          lower: frozenset[str] = frozenset(), frame: frozenset[str] = frozenset()) -> Support:
    """Which of `text`'s names, numbers and content words its evidence does not hold."""
    have = vocabulary(list(evidence) + list(derived))
    parts = sort_words(text, lower, frame)
    return Support(words=tuple(w for w in parts.words if w not in have),
                   names=tuple(w for w in parts.names if w not in have),
                   numbers=tuple(w for w in parts.numbers if w not in have))


def share_of(parts: Sorted, have: frozenset[str]) -> tuple[float, bool]:
    """(share of content words held, whether every name and number is held) of a sentence's
    sorted words (`sort_words`) in one article's evidence vocabulary (`vocabulary`): how the
    consensus decides which articles carry a sentence. Both are made once per sentence and per
    article, since the consensus weighs one sentence against every article of a story."""
    held = sum(w in have for w in parts.words)
    share = held / len(parts.words) if parts.words else 1.0
    return share, all(w in have for w in parts.names + parts.numbers)


def frame_vocabulary(labels: Iterable[str]) -> frozenset[str]:
    """The outlets' names, word by word, normalised: the summary may always name them."""
    return frozenset(norm(w) for label in labels for w in words_of(label))


# --- evidence of a story's sentences ----------------------------------------------------------

_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")


def readable_date(value: str) -> str:
    """"2020-07-08" -> "July 8, 2020"; anything else unchanged."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if m is None or not 1 <= int(m.group(2)) <= 12:
        return value
    return f"{_MONTH_NAMES[int(m.group(2)) - 1]} {int(m.group(3))}, {m.group(1)}"


def evidence_for(ctx: StoryContext, spans: Iterable[Span], neutral: Neutralizer
                 ) -> tuple[list[str], list[str]]:
    """(evidence, derived) for spans of the story's articles: the span texts and the names of
    the entities mentioned in them (every spelling the entity stage joined); the calendar form
    of the dates resolved in them, and the plain words the neutral wording puts for their
    loaded ones. One call; a caller weighing many spans of one story keeps an `Evidence`."""
    return Evidence(ctx, neutral).of(spans)


def _holds(span: Span, start: int, end: int) -> bool:
    """Whether `span` holds the characters start..end (an empty span holds its first one)."""
    return span.start <= start and end <= max(span.end, span.start + 1)


class _Places:
    """(start, end, key) rows of one article sorted by start: the keys of the rows inside
    any of a few spans (as `_holds` has it), found by bisection on the starts (h-few12: a pass
    over every row per span made the summary of one long article grow with the square of
    its length). A row inside a span starts at or after the span's start and, since it ends
    no later than the span (at least one character long), starts no later than that end; the
    rare row that ends before it starts is tried against every span."""

    __slots__ = ("starts", "rows", "odd")

    def __init__(self, rows: list[tuple[int, int, int]]) -> None:
        self.rows = sorted((r for r in rows if r[1] >= r[0]), key=lambda r: r[0])
        self.starts = [r[0] for r in self.rows]
        self.odd = [r for r in rows if r[1] < r[0]]

    def keys_inside(self, spans: Sequence[Span]) -> set[int]:
        keys: set[int] = set()
        for sp in spans:
            last = max(sp.end, sp.start + 1)
            lo = bisect_left(self.starts, sp.start)
            hi = bisect_right(self.starts, last, lo)
            keys.update(key for _, end, key in self.rows[lo:hi] if end <= last)
        keys.update(key for start, end, key in self.odd
                    if any(_holds(sp, start, end) for sp in spans))
        return keys


class Evidence:
    """`evidence_for` over one story, keeping what it finds per span (the entities mentioned
    and the dates resolved in it) and per text (the neutral wording's plain words): the
    summary weighs the same sentences' spans many times over (issue 25, the story stages'
    time). The same lists, in the same order, as finding them afresh on every call."""

    def __init__(self, ctx: StoryContext, neutral: Neutralizer) -> None:
        self.ctx, self.neutral = ctx, neutral
        self._texts = {a.id: a.text for a in ctx.articles}
        self._mentions: dict[str, _Places] | None = None
        self._date_places: dict[str, _Places] = {}
        self._entities_in: dict[Span, set[int]] = {}
        self._dates_in: dict[Span, set[int]] = {}
        self._plain: dict[str, list[str]] = {}
        self._dates: dict[str, list[str] | None] = {}

    def of(self, spans: Iterable[Span]) -> tuple[list[str], list[str]]:
        """(evidence, derived) of `spans`, as `evidence_for` documents."""
        by_article: dict[str, list[Span]] = {}
        for sp in spans:
            by_article.setdefault(sp.article_id, []).append(sp)
        evidence: list[str] = []
        derived: list[str] = []
        for aid, sps in by_article.items():
            text = self._texts.get(aid)
            if text is None:
                continue
            parts = [text[s.start:s.end] for s in sps]
            evidence.extend(parts)
            for part in parts:
                derived.extend(self._replaced(part))
            dates = self._dates_of(aid)
            if dates is None:
                continue
            held = set().union(*(self._dates_held(s) for s in sps))
            derived.extend(dates[k] for k in sorted(held))
        entities = self.ctx.story.entities
        found = set().union(*(self._entities_held(s) for sps in by_article.values()
                              for s in sps))
        for k in sorted(found):
            evidence.extend((entities[k].name, *entities[k].aliases))
        return evidence, derived

    def _replaced(self, part: str) -> list[str]:
        got = self._plain.get(part)
        if got is None:
            got = self._plain[part] = [plain for _, plain in self.neutral.rewrite(part).replaced]
        return got

    def _dates_of(self, aid: str) -> list[str] | None:
        """The article's resolved dates in calendar form (None: the story holds no facts of
        it)."""
        if aid not in self._dates:
            try:
                facts = self.ctx.facts_for(aid)
            except KeyError:
                self._dates[aid] = None
            else:
                self._dates[aid] = [f"{readable_date(d.date)} {d.date}" for d in facts.dates]
        return self._dates[aid]

    def _dates_held(self, span: Span) -> set[int]:
        held = self._dates_in.get(span)
        if held is None:
            places = self._date_places.get(span.article_id)
            if places is None:
                facts = self.ctx.facts_for(span.article_id)
                places = self._date_places[span.article_id] = _Places(
                    [(d.start, d.end, k) for k, d in enumerate(facts.dates)])
            held = self._dates_in[span] = places.keys_inside((span,))
        return held

    def _entities_held(self, span: Span) -> set[int]:
        held = self._entities_in.get(span)
        if held is None:
            if self._mentions is None:
                rows: dict[str, list[tuple[int, int, int]]] = {}
                for k, e in enumerate(self.ctx.story.entities):
                    for m in e.mentions:
                        rows.setdefault(m.article_id, []).append((m.start, m.end, k))
                self._mentions = {aid: _Places(r) for aid, r in rows.items()}
            places = self._mentions.get(span.article_id)
            held = self._entities_in[span] = (places.keys_inside((span,)) if places is not None
                                              else set())
        return held


@dataclass(frozen=True, slots=True)
class Audit:
    """The support figures of one or more summaries."""

    sentences: int = 0
    unsupported: int = 0  # sentences some word, name or number of which their spans lack
    names: int = 0  # names found in no source of the story
    numbers: int = 0  # numbers found in no source of the story
    examples: tuple[str, ...] = ()  # the failing sentences, with what they lack

    def __add__(self, other: Audit) -> Audit:
        return Audit(self.sentences + other.sentences, self.unsupported + other.unsupported,
                     self.names + other.names, self.numbers + other.numbers,
                     self.examples + other.examples)


def audit(ctx: StoryContext, sentences: Iterable[SummarySentence],
          neutral: Neutralizer | None = None) -> Audit:
    """Check each sentence against its own spans, and its names and numbers against every
    source of the story (the figures `newsprism eval summary` prints)."""
    from .neutral import for_story, outlet_name

    neutral = neutral or for_story(ctx)
    texts = [a.text for a in ctx.articles]
    lower = lower_vocabulary(texts)
    frame = frame_vocabulary(n for a in ctx.articles if (n := outlet_name(a)))
    everything = vocabulary(texts + [f"{e.name} {' '.join(e.aliases)}"
                                     for e in ctx.story.entities])
    out = Audit()
    for s in sentences:
        evidence, derived = evidence_for(ctx, s.spans, neutral)
        result = check(s.text, evidence, derived, lower, frame)
        parts = sort_words(s.text, lower, frame)
        names = [n for n in parts.names if n not in everything]
        numbers = [n for n in parts.numbers if n not in everything
                   and n not in vocabulary(derived)]
        lacks = ", ".join(result.names + result.numbers + result.words)
        example = () if result.ok else (f"{s.text}  [lacks: {lacks}]",)
        out = out + Audit(1, int(not result.ok), len(names), len(numbers), example)
    return out
