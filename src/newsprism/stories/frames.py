"""The event frame of an article: what its headline and lead say happened, as predicates and
their objects from a dependency parse ("confirm" + "nominee", "hold" + "hearing").

Two chapters of one saga share their people and their nouns (the nominee, the court, the
committee) and differ in what happened: the hearings against the vote, one week's report
against another's. The words of the two articles barely show it; the main verb and its object
do. An article's frame is read from two sentences: its headline (`Article.title`) and the
first sentence of its text (`ArticleFacts.sentences[0]`, which the store's lean facts keep),
parsed once here with the line's own spaCy pipeline (the per-article stage parses the text
but keeps no tree, and never parses the title).

From each sentence: the root predicate (a verb's lemma, or the head noun of a headline
without a verb: "vote", "hearing"), the clausal complements a reporting verb ("say", "tell")
or an intention ("vow to", "vote to") governs, and conjoined predicates; for each of them the
heads of its direct object, attribute, complement and prepositional objects. A light verb
("hold", "make", "take") also takes its object as a predicate (to hold a hearing is a
hearing). Reporting verbs with a complement are dropped (every report "says"). Each word is
cut to its family root (`features.family`), so "vote", "voted" and "votes" meet, and
"confirm" meets "confirmation".

`frames_conflict` is the test `cluster.similarity_graph` uses: two frames conflict when each
has both predicates and objects, they share no predicate family and share no object family,
and no predicate of one is an object of the other ("hearing" as an event noun in one headline
and as the object of "hold" in the other). Missing evidence (no headline, an unparsed
sentence) is no conflict.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from ..model import Article, ArticleFacts
from .features import family
from .link import average_linkage

if TYPE_CHECKING:
    from ..settings import Settings

# A pair whose frames conflict and whose event parts (`features.RawFeatures.event_counts`)
# have a cosine below FRAME_EVENT_BELOW (they share little besides their people) counts
# FRAME_DISCOUNT of its cosine. Chosen on ECB+ and NeuS lines 1-1226 (docs/stories.md,
# 2026-12-03, fifth session): a lower discount or a wider gate cuts ECB+ events.
FRAME_DISCOUNT = 0.7
FRAME_EVENT_BELOW = 0.25

# Verbs that report another clause: the clause is what happened.
REPORTING = frozenset("say tell add note write state insist argue suggest "
                      "acknowledge admit".split())
# Verbs that say little alone: their object is the event ("hold a hearing", "take a vote").
LIGHT = frozenset("be have do make take give get hold go come put set keep see "
                  "face".split())
_OBJECT_DEPS = frozenset(("dobj", "attr", "oprd", "dative", "acomp", "nsubjpass"))
_CLAUSE_DEPS = frozenset(("ccomp", "xcomp", "parataxis"))
_PREDICATE_POS = frozenset(("VERB", "NOUN", "AUX", "ADJ"))
# When, not what: "on Tuesday", "last week" are no objects of what happened.
TEMPORAL = frozenset("monday tuesday wednesday thursday friday saturday sunday january february "
                     "march april may june july august september october november december "
                     "today yesterday tomorrow tonight week weekend month year day time "
                     "morning afternoon evening night hour decade".split())
_MIN_LETTERS = 3
# Family roots are compared on their first letters: "acquire" and "acquisition" strip to
# "acquir" and "acquis", one family.
PREFIX = 5
_LEAD_CHARS = 400  # a first sentence longer than this is cut (a run-on dateline block)
_CACHE = 200_000


@dataclass(frozen=True, slots=True)
class Frame:
    """What an article says happened: predicate families and object families."""

    predicates: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.predicates) and bool(self.objects)


EMPTY = Frame()


def frames_conflict(x: Frame, y: Frame) -> bool:
    """Whether two frames tell of different happenings: both complete, no predicate family
    shared, no object family shared, and no predicate of one among the other's objects."""
    if not x or not y:
        return False
    if x.predicates & y.predicates or x.objects & y.objects:
        return False
    return not (x.predicates & y.objects or y.predicates & x.objects)


def _word(token: Any) -> str | None:
    lemma = token.lemma_.lower()
    if (len(lemma) < _MIN_LETTERS or not lemma.isalpha() or lemma in ENGLISH_STOP_WORDS
            or lemma in TEMPORAL):
        return None
    return family(lemma)[:PREFIX]


def _predicates(root: Any) -> list[Any]:
    """The predicate tokens of a sentence: its root, the clauses a reporting verb or an
    intention governs, and conjoined predicates (one level each)."""
    heads = [root]
    for child in root.children:
        if child.dep_ in _CLAUSE_DEPS and child.pos_ in ("VERB", "AUX"):
            heads.append(child)
        elif child.dep_ == "conj" and child.pos_ == "VERB":
            heads.append(child)
        elif child.dep_ in ("acl", "appos") and child.pos_ == "VERB" and \
                root.pos_ in ("NOUN", "PROPN"):
            heads.append(child)  # "Mayor in court: aide admits leak"
    if len(heads) > 1 and root.lemma_.lower() in REPORTING:
        heads = heads[1:]
    return heads


def _objects(head: Any) -> list[Any]:
    out = []
    for child in head.children:
        if child.dep_ in _OBJECT_DEPS:
            out.append(child)
        elif child.dep_ in ("prep", "agent"):
            out.extend(g for g in child.children if g.dep_ == "pobj")
    if head.pos_ in ("NOUN", "PROPN"):  # a headline without a verb: "Senate vote on bill"
        out.extend(c for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN")
    elif not out:  # "jobless claims drop": what dropped
        out.extend(c for c in head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN")
    return out


def sentence_frame(sent: Any) -> Frame:
    """The frame of one parsed sentence (a spaCy `Span`)."""
    predicates: set[str] = set()
    objects: set[str] = set()
    for head in _predicates(sent.root):
        if head.pos_ not in _PREDICATE_POS:
            continue
        lemma = head.lemma_.lower()
        light = lemma in LIGHT
        word = _word(head)
        if word and not light:
            predicates.add(word)
        for obj in _objects(head):
            w = _word(obj)
            if w is None:
                continue
            objects.add(w)
            if light and obj.dep_ in ("dobj", "attr", "xcomp"):
                predicates.add(w)
    return Frame(frozenset(predicates), frozenset(objects))


def merge(frames: Iterable[Frame]) -> Frame:
    predicates: set[str] = set()
    objects: set[str] = set()
    for f in frames:
        predicates |= f.predicates
        objects |= f.objects
    return Frame(frozenset(predicates), frozenset(objects))


def sentence_case(title: str, names: Iterable[str]) -> str:
    """A Title Case headline ("Senate Confirms Nominee To Court") in sentence case, its
    name words kept: the parser reads capitalised words as names."""
    tokens = title.split()
    caps = sum(1 for t in tokens if t[:1].isupper())
    if len(tokens) < 3 or caps < 0.6 * len(tokens):
        return title
    keep = {n.lower() for n in names}
    out = [tokens[0]]
    for t in tokens[1:]:
        core = t.strip("\"'‘’“”(),.:;!?").lower()
        out.append(t if core in keep or t.isupper() else t.lower())
    return " ".join(out)


def lead_sentence(article: Article, facts: ArticleFacts) -> str:
    if not facts.sentences:
        return ""
    s = facts.sentences[0]
    return article.text[s.start:s.end][:_LEAD_CHARS]


def _names(facts: ArticleFacts) -> set[str]:
    return {w for m in facts.mentions for w in m.text.split()}


class FrameReader:
    """Frames of articles, parsed with `nlp` (a spaCy pipeline), memoised by sentence."""

    def __init__(self, nlp: Any, batch_size: int = 64):
        self.nlp = nlp
        self.batch_size = batch_size
        self.memo: dict[str, Frame] = {}

    def sentences(self, texts: Sequence[str]) -> list[Frame]:
        todo = [t for t in dict.fromkeys(texts) if t and t not in self.memo]
        if todo:
            disable = [p for p in ("ner",) if p in self.nlp.pipe_names]
            for text, doc in zip(todo, self.nlp.pipe(todo, batch_size=self.batch_size,
                                                     disable=disable), strict=True):
                # A headline parses into several "sentences" at a colon or semicolon.
                self.memo[text] = merge(sentence_frame(s) for s in doc.sents)
            if len(self.memo) > _CACHE:
                self.memo.clear()
        return [self.memo.get(t, EMPTY) if t else EMPTY for t in texts]

    def frames(self, articles: Sequence[Article], facts: Sequence[ArticleFacts]
               ) -> list[Frame]:
        heads = [sentence_case(a.title, _names(f)) if a.title else ""
                 for a, f in zip(articles, facts, strict=True)]
        leads = [lead_sentence(a, f) for a, f in zip(articles, facts, strict=True)]
        parsed = self.sentences(heads + leads)
        n = len(articles)
        return [merge((parsed[i], parsed[n + i])) for i in range(n)]


def article_frames(articles: Sequence[Article], facts: Sequence[ArticleFacts],
                   settings: Settings) -> list[Frame] | None:
    """Each article's frame, or None when frames are off (`FRAME_DISCOUNT` 1) or the
    pipeline is not installed."""
    if FRAME_DISCOUNT >= 1.0:
        return None
    reader = reader_for(settings.spacy_model, settings.spacy_fast_rules)
    return reader.frames(articles, facts) if reader is not None else None


def discount_clashes(weight: np.ndarray, frames: Sequence[Frame], a: np.ndarray,
                     b: np.ndarray, event_cosines: np.ndarray) -> np.ndarray:
    """Weigh down (in place) the pairs (a, b) whose frames conflict and whose event parts'
    cosine is below `FRAME_EVENT_BELOW` to `FRAME_DISCOUNT` of their weight; returns which."""
    out = np.zeros(len(a), dtype=bool)
    for k in np.flatnonzero(event_cosines < FRAME_EVENT_BELOW).tolist():
        out[k] = frames_conflict(frames[int(a[k])], frames[int(b[k])])
    weight[out] *= FRAME_DISCOUNT
    return out


def rejoin_lone(labels: Sequence[int], edges: Sequence[tuple[int, int, float]],
                clashes: Mapping[tuple[int, int], float] | frozenset[tuple[int, int]],
                threshold: float,
                vetoes: Sequence[tuple[int, int]]) -> list[int]:
    """Average-linkage `labels` over `edges` (clashing pairs discounted), with each article
    the discount left alone put back: when the linkage over the plain edges (the discount
    undone) puts it in a larger cluster, it joins the part of that cluster it has the most
    edge weight with. One article whose headline tells its story differently (an injured
    player's absence beside the playoff win, an opinion piece) is an angle on the story; two
    groups of articles, each telling its own happening, are two stories. Labels stay the
    smallest member index."""
    factor = clashes if isinstance(clashes, Mapping) else dict.fromkeys(clashes, FRAME_DISCOUNT)
    plain = [(i, j, w / factor[(i, j)] if (i, j) in factor else w) for i, j, w in edges]
    whole = average_linkage(len(labels), plain, threshold, vetoes)
    size, wsize = Counter(labels), Counter(whole)
    lone = {i for i, lab in enumerate(labels) if size[lab] == 1 and wsize[whole[i]] > 1}
    if not lone:
        return list(labels)
    barred: dict[int, set[int]] = {i: set() for i in lone}  # parts holding a veto's end
    for i, j in vetoes:
        for x, y in ((i, j), (j, i)):
            if x in barred:
                barred[x].add(labels[y])
    pull: dict[int, dict[int, float]] = {i: {} for i in lone}
    for i, j, w in plain:
        if whole[i] != whole[j]:
            continue
        for x, y in ((i, j), (j, i)):
            if x in lone and y not in lone and labels[y] not in barred[x]:
                pull[x][labels[y]] = pull[x].get(labels[y], 0.0) + w
    out = list(labels)
    for i, p in pull.items():
        if p:
            out[i] = max(p, key=lambda k: (p[k], -k))
    low: dict[int, int] = {}
    for i, lab in enumerate(out):
        low.setdefault(lab, i)
    return [low[lab] for lab in out]


@lru_cache(maxsize=4)
def reader_for(model: str, fast_rules: bool) -> FrameReader | None:
    """One reader per pipeline; None when the pipeline is not installed (no frames)."""
    from ..errors import ModelError
    from ..nlp.loader import load_pipeline

    try:
        return FrameReader(load_pipeline(model, fast_rules))
    except ModelError:
        return None


# Opposed predicates: two chapters of one saga often tell of the same thing going the other
# way ("claims rise" / "claims fall", a rule imposed / lifted, a bill passed / signed /
# vetoed). Each axis lists its sides (lemmas); two frames are opposed on an axis when each
# holds a predicate of a side the other frame lacks entirely (a frame holding both sides,
# "stocks fall as yields rise", opposes nothing). Such a pair weighs OPPOSED_DISCOUNT of its
# edge (1: off), when one of the pair has no publish day (`undated.OPPOSED_UNDATED_ONLY`).
# Chosen on NeuS lines 1-1226 and ECB+ (docs/stories.md, seventh session): a veto, or axes
# of court stages ("sue" / "rule"), cost ECB+ recall.
OPPOSED_DISCOUNT = 0.7
OPPOSED_AXES: tuple[tuple[str, ...], ...] = (
    ("rise climb jump increase surge soar spike rebound grow",
     "fall drop decline plunge sink dip slide tumble plummet shrink slump"),
    ("impose require mandate tighten reinstate wear",
     "lift ease ditch scrap relax loosen rescind revoke"),
    ("resign quit oust", "appoint nominate hire"),
    ("propose unveil introduce", "pass approve adopt", "sign", "veto"),
    ("indict arrest", "convict", "acquit", "sentence"),
    ("open reopen", "close shut"),
)


@lru_cache(maxsize=1)
def _axes() -> tuple[tuple[frozenset[str], ...], ...]:
    return tuple(tuple(frozenset(family(w)[:PREFIX] for w in side.split()) for side in axis)
                 for axis in OPPOSED_AXES)


def frames_opposed(x: Frame, y: Frame) -> bool:
    """Whether two frames' predicates take different sides of one `OPPOSED_AXES` axis."""
    if not x.predicates or not y.predicates:
        return False
    for xs, ys in zip(sides_taken(x.predicates), sides_taken(y.predicates), strict=True):
        if xs and ys and not xs & ys:
            return True
    return False


@lru_cache(maxsize=1 << 14)
def sides_taken(predicates: frozenset[str]) -> tuple[frozenset[int], ...]:
    """For each `OPPOSED_AXES` axis, the sides (their numbers) the predicates take. Cached:
    the clustering weighs each article's frame against many others."""
    return tuple(frozenset(k for k, side in enumerate(axis) if predicates & side)
                 for axis in _axes())
