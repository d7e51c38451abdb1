"""Framing: the words each outlet uses to name or describe an entity, and loaded terms per
outlet with a tone score.

Descriptors come from the dependency parse of the sentences that mention the entity:
appositions ("Key US ally Israel", "Israel, Iran's arch-enemy,"), the noun an entity is "of"
("the occupying regime of Israel"), adjectival and compound modifiers ("the Zionist regime"),
and predicate nominals ("Israel is a powerful partner"). They are read at extract time from the
article's own parse (`mention_descriptors`, stored in `ArticleFacts.descriptors`); the story
stage (`framing`) picks those of the story's framed entities and drops the ones that may
describe another entity.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from .compare_match import STOP
from .model import (
    Article,
    ArticleFacts,
    Descriptor,
    Entity,
    Framing,
    Mention,
    OutletTone,
    Reuse,
    Span,
)
from .text import fold

FRAMED_TYPES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
# Bounds: outlets describe an entity mostly where they first name it, and a story page shows
# the most-covered entities.
MAX_ENTITIES = 40
MAX_MENTIONS_PER_ARTICLE = 4
_DETS = {"the", "a", "an", "this", "that", "these", "those"}
_MAX_DESC_WORDS = 8


# --- lexicon -----------------------------------------------------------------------------

@lru_cache(maxsize=1)
def load_lexicon() -> dict[str, float]:
    """term (folded) -> polarity (-1 pejorative .. +1 favourable; 0 loaded but two-sided)."""
    text = resources.files("newsprism.lexicons").joinpath("loaded_terms.txt").read_text(
        encoding="utf-8")
    out: dict[str, float] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        term, _, pol = line.partition("\t")
        out[fold(term)] = float(pol.strip() or 0)
    return out


@lru_cache(maxsize=1)
def _lexicon_re() -> re.Pattern[str]:
    terms = sorted(load_lexicon(), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(t) for t in terms) + r")\b")


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


# --- descriptors ---------------------------------------------------------------------------

# Modifiers that locate or date rather than describe ("southern Idlib", "former minister").
_PLAIN_MODS = {"northern", "southern", "eastern", "western", "central", "north", "south",
               "east", "west", "northeastern", "northwestern", "southeastern", "southwestern",
               "northwest", "northeast", "southwest", "southeast", "greater", "upper", "lower",
               "new", "old", "former", "current", "then", "late", "own", "other", "same",
               "whole", "entire", "rest", "part", "state", "city", "country", "capital"}


def _text_of(doc, toks: list) -> str:
    """The original text of a contiguous run of tokens, determiners and edge punctuation cut."""
    while toks and (toks[0].lower_ in _DETS or not any(c.isalnum() for c in toks[0].text)):
        toks = toks[1:]
    while toks and not any(c.isalnum() for c in toks[-1].text):
        toks = toks[:-1]
    if not toks or len(toks) > _MAX_DESC_WORDS:
        return ""
    return " ".join(doc[toks[0].i:toks[-1].i + 1].text.split())


def _left_run(head, exclude: set[int]) -> list:
    """The head noun and its contiguous pre-modifiers (words left of it in its subtree),
    keeping in-word hyphens ("arch-enemy") and possessives ("Iran's")."""
    toks = sorted((t for t in head.subtree if t.i <= head.i and t.i not in exclude and (
        t.dep_ not in ("relcl", "acl", "punct", "cc", "conj", "prep", "appos")
        or t.text in ("-", "\u2010", "\u2011") or t.i == head.i)), key=lambda t: t.i)
    run: list = []
    for t in reversed(toks):
        if run and t.i != run[0].i - 1:
            break
        run.insert(0, t)
    return run


def _has_loaded(words: list[str]) -> bool:
    lex = load_lexicon()
    return any(" ".join(words[i:j]) in lex for i in range(len(words))
               for j in range(i + 1, min(len(words), i + 3) + 1))


def descriptors_in(doc, offset: int, mention: Mention,
                   others_typed: Sequence[tuple[int, int, str]] = ()
                   ) -> list[tuple[str, int, int, tuple[tuple[int, int], ...]]]:
    """Descriptors of one mention in a parsed text (the article, or a sentence of it starting
    at `offset`); offsets are article offsets. `others_typed`: (start, end, label) of the
    article's other mentions. A descriptor with another mention standing between it and this
    one, or (for a person) another person's name inside it, may describe that other entity
    ("Defense Minister Ali Ayoub" next to "Baqeri"): such mentions come back as its blockers,
    and `framing` drops it when one belongs to a different entity.
    (For places and bodies only a name standing between the two counts: "Key US ally Israel"
    is fine; "the capital of Iran, Tehran" is not about Tehran's framing.)"""
    span = doc.char_span(mention.start - offset, mention.end - offset, alignment_mode="expand")
    if span is None:
        return []
    head = span.root
    inside = {t.i for t in span}
    own = (mention.start, mention.end)
    others = [(a, b, lab) for a, b, lab in others_typed if (a, b) != own]
    out: list[tuple[str, int, int, tuple[tuple[int, int], ...]]] = []

    def add(toks: list, kind: str) -> None:
        text = _text_of(doc, toks)
        if not text or fold(text) == fold(mention.text):
            return
        lo = min(t.idx for t in toks) + offset
        hi = max(t.idx + len(t.text) for t in toks) + offset
        gap = (hi, mention.start) if hi <= mention.start else (mention.end, lo)
        blockers = {(a, b) for a, b, _ in others if gap[0] < b and a < gap[1]}
        if mention.label == "PERSON":
            blockers |= {(a, b) for a, b, lab in others if lab == "PERSON" and lo < b and a < hi}
        words = fold(text).split()
        if kind in ("mod", "of", "attr") and all(w in _PLAIN_MODS for w in words):
            return
        if text.isupper() and len(text) > 3:
            return  # a dateline ("PORT SELIN (Agencies) --") parsed as a modifier
        if len(words) == 1 and words[0] in STOP:
            return  # "one", "this": pronoun-like heads say nothing
        if kind == "in" and not _has_loaded(words):
            return
        if kind == "of" and len(words) < 2 and fold(text) not in load_lexicon():
            return  # "the destabilization of Syria" is about it, not a name for it
        out.append((text, lo, hi, tuple(sorted(blockers))))

    # "Key US ally Israel": the mention is the apposition of a describing noun.
    if head.dep_ == "appos" and head.head.pos_ in ("NOUN", "PROPN") and head.head.i < head.i \
            and head.head.dep_ != "pobj":
        add(_left_run(head.head, inside), "appos")
    # Pre-modifiers outside the name: "the Zionist regime", "Major General Mohammad Bagheri".
    mods = [c for c in head.lefts if c.i not in inside and c.dep_ in
            ("amod", "compound", "nmod", "poss")]
    if mods:
        first = min(min(t.i for t in m.subtree) for m in mods)
        add([t for t in doc[first:span.start]], "mod")
    for child in head.rights:
        if child.dep_ == "appos" and child.i not in inside:  # "Israel, Iran's arch-enemy,"
            add(_left_run(child, set()), "appos")
    # "the occupying regime of Israel"; "the Western-backed regime in X" only when loaded:
    # "farmers in X" is a place, not a name for it.
    noun = head.head.head
    # ... unless that noun stands beside another name ("Tarland, a close partner of the EU"
    # describes Tarland, not the EU).
    beside = noun.dep_ in ("appos", "attr") or any(c.dep_ == "appos" for c in noun.children)
    if head.dep_ == "pobj" and noun.pos_ == "NOUN" and not beside:
        if head.head.lower_ == "of":
            add(_left_run(head.head.head, set()), "of")
        elif head.head.lower_ in ("in", "on", "from"):
            add(_left_run(head.head.head, set()), "in")
    # "Israel is a strong partner in ...": a predicate nominal describes the subject.
    if head.dep_ == "nsubj" and head.head.lemma_ == "be":
        for child in head.head.children:
            if child.dep_ == "attr" and child.pos_ == "NOUN":
                add(_left_run(child, set()), "attr")
    return out


def mention_descriptors(doc, mentions: Sequence[Mention]) -> tuple[Descriptor, ...]:
    """The extract stage's part of framing: the descriptors of every mention of a framed type,
    from the article's own parse (so the story stage parses nothing again)."""
    typed = [(m.start, m.end, m.label) for m in mentions]
    out: list[Descriptor] = []
    for m in mentions:
        if m.label not in FRAMED_TYPES:
            continue
        for text, lo, hi, blockers in descriptors_in(doc, 0, m, typed):
            out.append(Descriptor(m.start, m.end, text, lo, hi, blockers))
    return tuple(out)


def framing(entities: Sequence[Entity], articles: Sequence[Article],
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
    for e in chosen:
        taken: dict[str, int] = defaultdict(int)
        for m in sorted(e.mentions, key=lambda m: (m.article_id, m.start)):
            art = m.article_id
            if art not in by_id or taken[art] >= MAX_MENTIONS_PER_ARTICLE:
                continue
            taken[art] += 1
            outlet = by_id[art].outlet_label
            names[e.id][outlet].append((m.text, Span(art, m.start, m.end)))
            if m.title:
                found[e.id][outlet].append((m.title, Span(art, m.start, m.end)))
            for d in descs.get((art, m.start, m.end), ()):
                if any(entity_at.get((art, a, b), e.id) != e.id for a, b in d.blockers):
                    continue  # it may describe the other entity standing beside it
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
            descs = described.get(outlet, [])
            folded = [fold(t) for t, _ in descs]
            for (text, span), f in zip(descs, folded, strict=True):
                # "Major General" inside "Iranian Armed Forces Major General": keep the longer.
                if any(f != g and f in g for g in folded):
                    continue
                terms.setdefault(f, text)
                spans.append(span)
            by_outlet.append((outlet, tuple(terms.values())))
        out.append(Framing(entity=e.id, by_outlet=tuple(by_outlet),
                           spans=tuple(sorted(set(spans), key=lambda s: (s.article_id, s.start)))))
    return tuple(out)
