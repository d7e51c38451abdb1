"""Framing: the words each outlet uses to name or describe an entity, and loaded terms per
outlet with a tone score.

Descriptors (appositions, "of" nouns, modifiers, predicate nominals) are read at extract time
from the article's own parse (`extract/descriptors.py`, stored in `ArticleFacts.descriptors`);
the story stage (`framing`) picks those of the story's framed entities and drops the ones that
may describe another entity.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache

from ..extract.descriptors import FRAMED_TYPES
from ..lexicons import load_lexicon
from ..model import (
    Article,
    ArticleFacts,
    Descriptor,
    Entity,
    Framing,
    OutletTone,
    Reuse,
    Span,
)
from ..text import fold

# Bounds: outlets describe an entity mostly where they first name it, and a story page shows
# the most-covered entities.
MAX_ENTITIES = 40
MAX_MENTIONS_PER_ARTICLE = 4
_DETS = {"the", "a", "an", "this", "that", "these", "those"}


# --- lexicon -----------------------------------------------------------------------------

_Trie = dict[str, "_Trie"]


@lru_cache(maxsize=1)
def _lexicon_re() -> re.Pattern[str]:
    return re.compile(terms_pattern(load_lexicon()))


def terms_pattern(terms: Iterable[str]) -> str:
    """A regex for whole-word `terms` (group 1 the term), the longest one where several
    start at the same place: the same matches as `\\b(t1|t2|...)\\b` with the terms
    longest first, written as a trie of their characters (one branch per next character,
    a longer term tried before the end of a shorter), which the regex engine scans far
    faster than hundreds of alternatives at every position."""
    root: _Trie = {}
    for term in terms:
        node = root
        for ch in term:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: _Trie) -> str:
        alts = [re.escape(ch) + branch(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            alts.append("")  # the term ending here, tried after every longer one
        if len(alts) <= 1:
            return alts[0] if alts else ""
        return "(?:" + "|".join(alts) + ")"

    return r"\b(" + branch(root) + r")\b"


# Capitalised only because they open a sentence.
_LEADERS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their",
            "our", "my", "your", "in", "on", "at", "for", "but", "and", "as", "by", "with"}
_CAP_WORD = re.compile(r"[A-Z][\w'\u2019-]*")


def _in_name(text: str, start: int, end: int) -> bool:
    """A capitalised word inside a run of capitalised words mid-sentence is part of a name
    ("National Front for Liberation", "Tahrir al-Sham"), not the outlet's own label."""
    if not text[start:start + 1].isupper():
        return False
    before = re.split(r"[.!?;:\n\"\u201c\u201d]", text[max(0, start - 40):start])[-1]
    words_before = before.split()[-2:]
    after = text[end:end + 30].split()[:1]
    caps = [w for w in words_before + after
            if (_CAP_WORD.match(w) and fold(w) not in _LEADERS) or w.startswith("al-")]
    return bool(caps)


def lexicon_hits(article: Article, skip: Sequence[tuple[int, int]] = ()
                 ) -> list[tuple[str, Span, float]]:
    """Lexicon terms the article uses in its own voice: not inside `skip` ranges (quotes,
    names) and not as part of a capitalised name."""
    low = article.text.lower()
    low = re.sub(r"[-\u2010-\u2015]", " ", low)  # "so-called" ~ "so called"; same length
    lex = load_lexicon()
    hits = []
    for m in _lexicon_re().finditer(low):
        s, e = m.start(), m.end()
        if any(a < e and s < b for a, b in skip) or _in_name(article.text, s, e):
            continue
        hits.append((m.group(1), Span(article.id, s, e), lex.get(m.group(1), 0.0)))
    return hits


def _edit_terms(article_id: str, reuse: Sequence[Reuse]) -> list[tuple[str, Span]]:
    """Words this article put in place of the text it copied (its side of each edit): only
    when it is the known copier, or when its words are in the lexicon; spelling, names and
    inflection changes are not framing."""
    out = []
    lex_re = _lexicon_re()
    for r in reuse:
        if article_id not in (r.a, r.b) or r.origin == article_id:
            continue
        for p in r.passages:
            for e in p.edits:
                mine, theirs = (e.a, e.b) if r.a == article_id else (e.b, e.a)
                start, end = (e.a_start, e.a_end) if r.a == article_id else (e.b_start, e.b_end)
                if not mine.strip() or fold(mine) == fold(theirs) or not fold(mine):
                    continue
                words = [w for w in fold(mine).split() if w not in _DETS]
                if not words or len(words) > 3:
                    continue
                if lex_re.search(" ".join(words)) is None:
                    if r.origin is None or mine.strip()[:1].isupper():
                        continue
                    if {w[:4] for w in words} == {w[:4] for w in fold(theirs).split()
                                                  if w not in _DETS}:
                        continue  # "shows" / "showed"
                out.append((" ".join(words), Span(article_id, start, end)))
    return out


def outlet_tones(articles: Sequence[Article], reuse: Sequence[Reuse],
                 facts: Sequence[ArticleFacts] = ()) -> tuple[OutletTone, ...]:
    """Loaded terms each outlet uses in its own voice (quotes and names excluded), plus the
    words it substituted into copied text, and a tone score from the lexicon polarities."""
    skip: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for f in facts:
        skip[f.article_id].extend((q.start, q.end) for q in f.quotes if q.kind != "indirect")
        skip[f.article_id].extend((m.start, m.end) for m in f.mentions)
    by_outlet: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        by_outlet[a.outlet_label].append(a)
    tones = []
    for outlet in sorted(by_outlet):
        terms: list[str] = []
        spans: list[Span] = []
        score = 0.0
        words = 0
        for a in by_outlet[outlet]:
            words += max(1, a.word_count)
            for term, span, pol in lexicon_hits(a, skip.get(a.id, ())):
                terms.append(term)
                spans.append(span)
                score += pol
            for term, span in _edit_terms(a.id, reuse):
                terms.append(term)
                if span.end > span.start:
                    spans.append(span)
        # Per 100 words, squashed to -1..1: a few loaded words in a long piece weigh less.
        density = score * 100.0 / words
        tone = max(-1.0, min(1.0, density / 3.0))
        seen: dict[str, None] = {}
        for t in terms:
            seen.setdefault(t, None)
        tones.append(OutletTone(outlet=outlet, tone=round(tone, 3), loaded_terms=tuple(seen),
                                spans=tuple(spans)))
    return tuple(tones)


# Words around a name that say nothing of how an outlet frames it (stop 43, real text: "Mr.",
# "Ms.", "Dr.", "Sens" and "D", "R-Iowa" were shown as descriptors of people, "Reuters" of
# Texas from the dateline "EL PASO, Texas (Reuters)", and a page's markup
# `video.foxnews.com">http://...` of Obama): courtesy titles, party-and-state codes, markup,
# and another entity's or an outlet's name.
_COURTESY = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "madam", "messrs", "mssrs",
                       "sens", "reps", "drs"})
_PARTY_CODE = re.compile(r"^\(?[DRIL](?:-[A-Z][\w.]*)?\)?$")
_NAMED_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
_MARKUP = re.compile(r"https?:|www\.|\.com\b|[<>]|\"")


def worth_showing(text: str, other_names: frozenset[str]) -> bool:
    """Whether a descriptor or title `text` tells something of the entity (see above);
    `other_names`: the folded names of the story's other entities and of its outlets."""
    t = text.strip()
    folded = fold(t).strip(" .")
    return bool(folded) and folded not in _COURTESY and not _PARTY_CODE.match(t) \
        and not _MARKUP.search(t) and folded not in other_names


def framing(entities: Sequence[Entity], articles: Sequence[Article],  # noqa: C901  (rank, collect and per-outlet terms in one pass; split tracked in issue 19)
            facts: Sequence[ArticleFacts]) -> tuple[Framing, ...]:
    """Names and descriptors per outlet for entities that two or more outlets mention."""
    by_id = {a.id: a for a in articles}
    ranked: list[tuple[int, int, Entity]] = []
    for e in entities:
        outlets = {by_id[m.article_id].outlet_label for m in e.mentions if m.article_id in by_id}
        if e.type in FRAMED_TYPES and len(outlets) >= 2:
            ranked.append((len(outlets), len(e.mentions), e))
    ranked.sort(key=lambda t: (-t[0], -t[1], t[2].id))
    chosen = [e for _, _, e in ranked[:MAX_ENTITIES]]
    # Which entity each mention belongs to, to judge a descriptor's blockers.
    entity_at: dict[tuple[str, int, int], str] = {
        (m.article_id, m.start, m.end): e.id for e in entities for m in e.mentions}
    descs: dict[tuple[str, int, int], list[Descriptor]] = defaultdict(list)
    for f in facts:
        for d in f.descriptors:
            descs[(f.article_id, d.mention_start, d.mention_end)].append(d)
    found: dict[str, dict[str, list[tuple[str, Span]]]] = defaultdict(lambda: defaultdict(list))
    names: dict[str, dict[str, list[tuple[str, Span]]]] = defaultdict(lambda: defaultdict(list))
    outlet_names = {fold(a.outlet or "") for a in articles} | {fold(a.outlet_label)
                                                               for a in articles}
    for e in chosen:
        # (a party or a nationality, "Republican", "Democrat", frames a person: kept)
        others = frozenset(outlet_names | {fold(n) for o in entities
                                           if o.id != e.id and o.type in _NAMED_TYPES
                                           for n in (o.name, *o.aliases)}) - {""}
        taken: dict[str, int] = defaultdict(int)
        for m in sorted(e.mentions, key=lambda m: (m.article_id, m.start)):
            art = m.article_id
            if art not in by_id or taken[art] >= MAX_MENTIONS_PER_ARTICLE:
                continue
            taken[art] += 1
            outlet = by_id[art].outlet_label
            names[e.id][outlet].append((m.text, Span(art, m.start, m.end)))
            if m.title and worth_showing(m.title, others):
                found[e.id][outlet].append((m.title, Span(art, m.start, m.end)))
            for d in descs.get((art, m.start, m.end), ()):
                if any(entity_at.get((art, a, b), e.id) != e.id for a, b in d.blockers):
                    continue  # it may describe the other entity standing beside it
                if worth_showing(d.text, others):
                    found[e.id][outlet].append((d.text, Span(art, d.start, d.end)))
    out = []
    for e in chosen:
        described = found.get(e.id, {})
        if e.type not in ("PERSON", "ORG", "GPE") and not described:
            continue  # a bare "Iranian" in every outlet says nothing about framing
        per = names.get(e.id, {})
        if not per and not described:
            continue
        by_outlet = []
        spans: list[Span] = []
        for outlet in sorted(set(per) | set(described)):
            terms: dict[str, str] = {}
            for text, span in per.get(outlet, []):
                terms.setdefault(fold(text), text)
                spans.append(span)
            outlet_descs = described.get(outlet, [])
            folded = [fold(t) for t, _ in outlet_descs]
            for (text, span), key in zip(outlet_descs, folded, strict=True):
                # "Major General" inside "Iranian Armed Forces Major General": keep the longer.
                if any(key != g and key in g for g in folded):
                    continue
                terms.setdefault(key, text)
                spans.append(span)
            by_outlet.append((outlet, tuple(terms.values())))
        out.append(Framing(entity=e.id, by_outlet=tuple(by_outlet),
                           spans=tuple(sorted(set(spans),
                                              key=lambda s: (s.article_id, s.start, s.end)))))
    return tuple(out)
