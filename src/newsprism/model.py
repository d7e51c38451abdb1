"""The one vocabulary: frozen, slotted dataclasses passed between stages.

Everything a stage returns is built from these types; JSON appears only at the edges
(`report.py` writes the CONTRACT.md form, `codec.py` round-trips any of these for storage).
Offsets are character offsets into the cleaned `Article.text`, start inclusive, end exclusive.
Collections are tuples so that values stay hashable and immutable; derive with
`dataclasses.replace`.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Literal

QuoteKind = Literal["direct", "indirect", "partial"]
ConflictKind = Literal["attribution", "quantity", "date", "other"]
ConflictStatus = Literal["confident", "possible"]


@dataclass(frozen=True, slots=True)
class Span:
    """Evidence: a stretch of one article's cleaned text."""

    article_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    source: str  # input path or URL the article came from
    text: str  # cleaned article text; all offsets refer to it
    outlet: str | None = None
    title: str | None = None
    byline: str | None = None
    published: str | None = None  # "YYYY-MM-DD[THH:MM[:SS][+HH:MM]]"
    url: str | None = None
    language: str | None = None  # ISO 639-1 code, None when unknown
    # Other keys from the input, as (key, JSON-encoded value) pairs, sorted by key.
    metadata: tuple[tuple[str, str], ...] = ()

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    @property
    def outlet_label(self) -> str:
        """The outlet to group by: its normalised name ("fox" and "FOX" are one), else the URL's
        host, else a neutral "unknown outlet <id>"; never a file name (outlets.outlet_label)."""
        return _outlet_label()(self)

    @property
    def published_date(self) -> str | None:
        """The calendar day of `published` (YYYY-MM-DD), or None."""
        return self.published[:10] if self.published else None


def _outlet_label() -> Any:
    """outlets.outlet_label, imported on first use (outlets imports this module)."""
    # Lazy: a module-level import would be a cycle (outlets -> model -> outlets).
    from .outlets import outlet_label

    globals()["_outlet_label"] = lambda: outlet_label
    return outlet_label


@dataclass(frozen=True, slots=True)
class Outlet:
    """A publisher as one entity (outlets.py): every spelling and domain of it, and the
    profile the user keeps for it. `known=False`: a neutral label, no name was recovered."""

    id: str
    name: str
    domains: tuple[str, ...] = ()
    country: str | None = None
    lean: str | None = None  # "left", "lean-left", "center", "lean-right", "right"
    owner: str | None = None
    lean_source: str | None = None  # who rated the lean
    known: bool = True


@dataclass(frozen=True, slots=True)
class InputProblem:
    """A bad file or item: reported on one line, counted, and the run goes on."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


# --- reuse -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Edit:
    """Words changed inside a reused passage: `a` in article a became `b` in article b."""

    a: str
    b: str
    a_start: int = 0
    a_end: int = 0
    b_start: int = 0
    b_end: int = 0


@dataclass(frozen=True, slots=True)
class Passage:
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    edits: tuple[Edit, ...] = ()


@dataclass(frozen=True, slots=True)
class Reuse:
    """Two articles that share passages. `a` < `b` by id so every pair has one form."""

    a: str
    b: str
    share_a: float  # fraction of a's words inside shared passages
    share_b: float
    origin: str | None  # id of the article the text came from, when it can be told
    passages: tuple[Passage, ...] = ()
    near_duplicate: bool = False  # the same article posted twice or syndicated whole
    origin_basis: str | None = None  # why origin was chosen: "published", "wire credit", ...


# --- per-article extraction ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sentence:
    article_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention in one article, as the NER (plus our fixes) found it."""

    article_id: str
    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, NORP, LOC, ...
    entity_id: str | None = None  # filled when resolved across the story
    title: str | None = None  # title/role words written before a PERSON name ("Maj. Gen.")
    sense: str | None = None  # "government" when a capital stands for its state


@dataclass(frozen=True, slots=True)
class Descriptor:
    """Words an article uses to name or describe one of its mentions ("Key regional ally"
    before "Norland", "the rogue regime of" Norland), read from the extract stage's parse.

    `blockers`: spans of other mentions that stand between the words and the mention, or (for
    a person) other person names inside the words: the words may describe that other entity,
    so the story stage drops the descriptor when a blocker belongs to a different entity.
    """

    mention_start: int
    mention_end: int
    text: str
    start: int
    end: int
    blockers: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    article_id: str
    start: int  # span of the quoted content (without the quote marks for direct quotes)
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None = None  # resolved name in this article ("Karim Qaderi"), or a
    # group/document speaker ("a joint statement"); None when unknown
    speaker_entity: str | None = None  # story entity id, filled when resolved across articles
    speaker_text: str | None = None  # the words in the text that point at the speaker ("he")
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None  # "said", "according to", "was quoted as saying"
    cue_start: int | None = None
    cue_end: int | None = None
    # Provenance of a nested attribution ("“…,” X said, according to CNN"): the outlet or
    # document the writer has the quote from; the speaker stays X. None when not stated.
    via_text: str | None = None
    via_start: int | None = None
    via_end: int | None = None
    # How sure `speaker` is (0..1; contract: quotes[].speaker_confidence); None in data made
    # before it existed. `speaker` stays None below extract.speakers.SPEAKER_MIN_CONFIDENCE.
    speaker_confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in the text, normalised to a range. `high` None means open-ended."""

    article_id: str
    start: int
    end: int
    text: str  # "hundreds of strikes", "more than 380,000 people"
    low: float | None
    high: float | None
    unit: str | None = None  # the counted noun, lemmatised: "strike", "people"
    exact: bool = False  # "7 others" is exact; "dozens" is not
    # What narrows the counted noun: its modifiers' lemmas ("syrian", "public"), the heads of
    # "from/of/in" phrases on it, and "+crew" for a noun joined by "and" (a larger whole).
    modifiers: tuple[str, ...] = ()
    verb: str | None = None  # lemma of the verb the counted noun hangs on ("died", "marched")
    # Named places, organisations, people the figure hangs on ("GPE:ohio", "PERSON:northam"):
    # figures about different ones are not versions of one fact (extract.anchors).
    anchors: tuple[str, ...] = ()
    # What kind of figure beyond its noun ("need", "future", "capacity", "stock", "rate",
    # "since:curfew"; extract.qualifiers): figures of different kinds state different facts.
    qualifiers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date expression resolved to a calendar day against the publish date."""

    article_id: str
    start: int
    end: int
    text: str  # "on Wednesday", "July 8", "last week"
    date: str  # YYYY-MM-DD (for a week or month: its first day)
    granularity: Literal["day", "week", "month", "year"] = "day"
    event: str | None = None  # what happened then, as "noun verb-class" ("talk start")
    anchors: tuple[str, ...] = ()  # as Quantity.anchors
    speech: bool = False  # dates the act of saying ("X said Friday"), not the reported event


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement an article makes, normalised so versions can be matched across outlets."""

    id: str
    article_id: str
    start: int
    end: int
    text: str
    subject: str | None = None  # surface text of the actor
    predicate: str | None = None  # lemma of the main verb
    object: str | None = None
    subject_entity: str | None = None  # story entity id, when resolved
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateRef, ...] = ()
    attributed_to: str | None = None  # who the article says made the statement, if anyone


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """Everything the per-article stages extract from one parsed article.

    This is what crosses process boundaries (Dask workers): no spaCy objects in it.
    """

    article_id: str
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateRef, ...] = ()
    claims: tuple[Claim, ...] = ()
    # Lemmatised content words with counts, for clustering: (term, count), sorted by term.
    terms: tuple[tuple[str, int], ...] = ()
    # Descriptors of the framed mentions (compare_framing.mention_descriptors), so the story
    # stage needs no second parse.
    descriptors: tuple[Descriptor, ...] = ()


# --- story-level findings --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str  # canonical name: the fullest common form
    type: str  # PERSON, ORG, GPE, ...
    aliases: tuple[str, ...] = ()  # every other surface form seen
    article_ids: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class ConflictVersion:
    value: str
    article_ids: tuple[str, ...]
    spans: tuple[Span, ...] = ()
    independent_sources: int = 0


@dataclass(frozen=True, slots=True)
class Conflict:
    kind: ConflictKind
    about: str
    versions: tuple[ConflictVersion, ...]
    confidence: float = 1.0  # 0..1: how sure we are the versions are one thing and disagree
    status: ConflictStatus = "confident"  # "possible": shown apart, not by default
    why: str = ""  # the rule that fired and what it compared


@dataclass(frozen=True, slots=True)
class Consensus:
    text: str
    article_ids: tuple[str, ...]
    independent_sources: int
    spans: tuple[Span, ...] = ()
    disputed: bool = False  # its wording is agreed, who said it is in an attribution conflict


@dataclass(frozen=True, slots=True)
class Exclusive:
    """What only one outlet reports (`kind="exclusive"`), or what it leaves out that most
    others carry (`kind="omission"`, `article_id` is the outlet's article that omits it)."""

    text: str
    article_id: str
    start: int | None = None
    end: int | None = None
    kind: Literal["exclusive", "omission"] = "exclusive"


@dataclass(frozen=True, slots=True)
class Framing:
    """How each outlet names or describes one entity."""

    entity: str  # entity id
    by_outlet: tuple[tuple[str, tuple[str, ...]], ...]  # (outlet, terms), sorted by outlet
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class OutletTone:
    """Loaded terms and a tone score for one outlet within one story."""

    outlet: str
    tone: float  # -1 (hostile) .. +1 (favourable); 0 neutral
    loaded_terms: tuple[str, ...] = ()
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class SummarySentence:
    text: str
    article_ids: tuple[str, ...]
    role: Literal["consensus", "conflict", "exclusive", "context"] = "consensus"
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str  # YYYY-MM-DD
    text: str
    article_ids: tuple[str, ...]
    spans: tuple[Span, ...] = ()
    # Told as background (an earlier event the story recalls), not one of the story's own.
    background: bool = False


@dataclass(frozen=True, slots=True)
class RelatedStory:
    """Another story of the same saga (the same people and subject, another event): linked,
    not merged, so its figures and statements are not compared with this story's."""

    story_id: str
    relation: Literal["earlier", "later", "same topic"]


@dataclass(frozen=True, slots=True)
class Story:
    """A cluster of articles on one event, and everything found about it."""

    id: str
    title: str
    article_ids: tuple[str, ...]
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    consensus: tuple[Consensus, ...] = ()
    exclusives: tuple[Exclusive, ...] = ()
    framing: tuple[Framing, ...] = ()
    tones: tuple[OutletTone, ...] = ()
    summary: tuple[SummarySentence, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    related: tuple[RelatedStory, ...] = ()  # chapters of the same saga, strongest first


@dataclass(frozen=True, slots=True)
class StoryContext:
    """What the story-level stages read: one story, its articles, their facts and reuse."""

    story: Story
    articles: tuple[Article, ...]
    facts: tuple[ArticleFacts, ...]  # same order as `articles`
    reuse: tuple[Reuse, ...] = ()  # only pairs with both articles in the story

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)

    def facts_for(self, article_id: str) -> ArticleFacts:
        for f in self.facts:
            if f.article_id == article_id:
                return f
        raise KeyError(article_id)


@dataclass(frozen=True, slots=True)
class Correction:
    """An analyst's correction of a finding (see `corrections.py` for the kinds and what each
    `target` and `value` hold). Anchored to what survives a re-analysis (article ids, quote
    offsets, finding keys), never to a story id alone."""

    id: str
    kind: str
    target: str
    value: Any
    made: str  # UTC timestamp, ISO 8601
    undone: bool = False


@dataclass(frozen=True, slots=True)
class Report:
    articles: tuple[Article, ...]
    reuse: tuple[Reuse, ...]
    # A tuple, or stories a store decodes one at a time (`storage.packed.PackedStories`).
    stories: Sequence[Story]
    problems: tuple[InputProblem, ...] = field(default=())
    corrections: tuple[Correction, ...] = field(default=())  # from the store, when there is one


def pickle_by_fields(cls: type) -> type:
    """Pickle a frozen dataclass as (class, field values): rebuilt through `__init__` from a
    tuple instead of the default state dict set slot by slot. Facts, story tasks and stories
    cross between Dask processes as pickles; this made pickling them 2.2x and unpickling
    2.5x faster (the 1k real articles' facts: docs/scale.md). The classes have no
    `__post_init__` and no `init=False` field, so `__init__` rebuilds them exactly."""
    get = operator.attrgetter(*(f.name for f in fields(cls)))
    single = len(fields(cls)) == 1

    def __reduce__(self):
        values = get(self)
        return cls, ((values,) if single else values)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign, assignment]
    return cls


for _cls in list(globals().values()):
    if isinstance(_cls, type) and is_dataclass(_cls) and _cls.__module__ == __name__:
        pickle_by_fields(_cls)
del _cls
