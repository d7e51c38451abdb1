"""The summary stage: a short neutral summary in which every sentence cites its articles, and a
timeline of dated events.

Order of the summary: what the sources agree on (the compare stage's consensus, then sentences
that several independent sources carry), then what is disputed with the sides named by outlet
("X and Y report hundreds of strikes; Z reports dozens"), then notable exclusives ("According
only to X, ..."). When compare found nothing, the summary is extractive: the most central
sentences, preferring content that several independent sources carry (copies of one wire text
count once). Wording passes through `summarize_neutral.Neutralizer`: loaded terms become plain
names or words, or stay only inside quote marks with the sentence attributed to its outlet.
Nothing here loads a model; all of it is rules over the earlier stages' findings.

Long because the draft builders for each summary part (consensus, disputes, exclusives, extractive)
sit beside the ordering that uses them; to be split with the summarize/ rework (issue 19).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

import numpy as np

from ..model import (
    Conflict,
    Consensus,
    Edit,
    Exclusive,
    Reuse,
    Span,
    Story,
    StoryContext,
    SummarySentence,
)
from ..settings import Settings
from ..text import fold
from .neutral import (
    QUOTED,
    Neutralizer,
    attribute,
    for_story,
    loaded_words,
    lower_first,
    name_outlets,
    outlet_name,
)
from .select import (
    SAME_CONTENT,
    Candidate,
    candidates,
    casual,
    content_terms,
    pick,
    quoted_charge,
    score_candidates,
    similarity_to,
)
from .standalone import Resolver, someones_words
from .support import (
    Evidence,
    check,
    frame_vocabulary,
    lower_vocabulary,
    readable_date,
    share_of,
    sort_words,
    vocabulary,
)
from .timeline import build_timeline

_KIND_VERB = {  # (plural, singular) verb phrase for one side of a conflict
    "quantity": ("report", "reports"),
    "other": ("report", "reports"),
    "attribution": ("attribute it to", "attributes it to"),
    "date": ("give the date as", "gives the date as"),
}
QUOTE_WEIGHT = 0.1  # notability an exclusive loses per quoted fragment
LOADED_PENALTY = 1.0  # score lost per loaded term: of two near equals, take the plainer
# Score lost by a sentence in the outlet's conversational voice (a contraction outside quotes:
# "isn't", "there's"): the register of commentary ("Kelby loves its dam, until it doesn't"),
# not of report. Set on NeuS train 1-400 (1.0 against 0.3 and 0).
CASUAL_PENALTY = 1.0
# Score lost per unit of charge in a sentence's quoted words (`select.quoted_charge`): of two
# near-equal sentences, the one that repeats a speaker's charged rhetoric ("“a disgrace and
# a disaster”") gives way to the one that reports. Set on NeuS train 1-400 and 1201-1400
# (0.3, 0.5, 0.7, 1.0, 2.0: ROUGE-1 rose on all three parts up to 1.0 and fell at 2.0).
QUOTED_CHARGE_PENALTY = 1.0
# An article carries a sentence when its own spans hold every name and number and this share
# of the other content words: the rest is wording, not a claim it would lack.
COMMON_SHARE = 0.8
# A sentence only one independent source carries says whose it is ("According to X, ...").
ATTRIBUTE_SINGLE = True
# ... also when its outlet has no name ("According to one outlet, ..."). Off: "one outlet"
# names nobody, and the sentence's citation and role ("context") already say it is one
# source's; on NeuS (no outlet names) it cost 2 points of ROUGE-1 for that.
COUNT_UNNAMED = False
# A compare consensus item whose versions no two independent sources carry word for word
# still gives the summary its lead, credited to the one outlet whose version it is; further
# ones only when stated plainly (no loaded word, no outlet named): one outlet's charged
# wording of a shared claim is not what the outlets agree on, and it competes in the
# extractive part like any sentence.
LEAD_UNSHARED = True
_ROLE_ORDER = {"consensus": 0, "context": 1, "conflict": 2, "exclusive": 3}


@dataclass(slots=True)
class _Draft:
    text: str
    article_ids: tuple[str, ...]
    role: str
    spans: tuple[Span, ...]
    terms: frozenset[str]
    rank: float  # order within a role


def summarize_story(ctx: StoryContext, settings: Settings) -> Story:
    """The story with `summary` and `timeline` filled (see module docstring)."""
    neutral = for_story(ctx)
    max_words = settings.summary_max_words or None  # 0: no cap
    summary = build_summary(ctx, settings.summary_sentences, neutral, max_words=max_words)
    timeline = build_timeline(ctx, neutral)
    return dataclasses.replace(ctx.story, summary=summary, timeline=timeline)


def build_summary(ctx: StoryContext, budget: int, neutral: Neutralizer | None = None,
                  attribute_single: bool = ATTRIBUTE_SINGLE, max_words: int | None = None,
                  count_unnamed: bool = COUNT_UNNAMED) -> tuple[SummarySentence, ...]:
    """At most `budget` sentences (and, with `max_words`, about that many words: extractive
    sentences that would overflow are skipped for shorter ones). `attribute_single` names the
    outlet of every sentence only one independent source carries, when it has a name (and,
    with `count_unnamed`, "one outlet" when it has none). Every sentence is made to
    stand alone and passes the support check, or is left out."""
    neutral = neutral or for_story(ctx)
    story = ctx.story
    members = {a.id for a in ctx.articles} & set(story.article_ids or
                                                 [a.id for a in ctx.articles])
    kit = _Kit(ctx, neutral, members, attribute_single, count_unnamed)
    cands = [c for c in candidates(ctx) if c.article_id in members]
    sim = score_candidates(ctx, cands)
    disputed = _disputed_values(story.conflicts)
    drafts: list[_Draft] = []

    findings = _ranked_findings(ctx, kit)
    n_findings = min(len(findings), max(1, budget // 3))
    # A summary shorter than five sentences has no room for what only one outlet reports.
    n_exclusive = min(_count_exclusive(story.exclusives), budget // 5)
    n_consensus = max(0, budget - n_findings - n_exclusive)

    in_dispute = _dispute_checker(story.conflicts)
    for cons in _ranked_consensus(story.consensus):
        if len(drafts) >= n_consensus:
            break
        d = kit.finish(_consensus_draft(ctx, cons, cands, kit, in_dispute))
        # Agreed in substance but no version two independent sources carry: the best version
        # still leads (compare found the claim shared), as a context sentence credited to
        # its one carrier, never as consensus.
        if d is None or _repeats(d, drafts):
            continue
        if d.role == "consensus" or (LEAD_UNSHARED and (not drafts or _plain(kit, d))):
            drafts.append(d)
    n_found = 0
    for make in findings:
        if n_found >= n_findings:
            break
        d = kit.finish(make())
        if d is not None:
            drafts.append(d)
            n_found += 1
    exclusive_drafts: list[_Draft] = []
    for ex in _ranked_exclusives(story.exclusives, cands):
        if len(exclusive_drafts) >= n_exclusive:
            break
        d = kit.finish(_exclusive_draft(ctx, ex, cands, kit))
        if d is not None and not _repeats(d, drafts + exclusive_drafts):
            exclusive_drafts.append(d)

    # Fill the rest of the budget extractively, around what is already said.
    room = budget - len(drafts) - len(exclusive_drafts)
    if room > 0 and cands:
        penalty = {c.vector_row: LOADED_PENALTY * len(neutral.loaded_in(c.text))
                   + (0.2 if _touches(c.text, disputed) else 0.0)
                   + (CASUAL_PENALTY if casual(c.text) else 0.0)
                   + QUOTED_CHARGE_PENALTY * quoted_charge(c.text) for c in cands}
        said = [c for c in cands if _covered(c, drafts + exclusive_drafts)]
        # Sentences holding a disputed value are left to the conflict sentence, which names
        # every side; stated alone they would take one side.
        pool = [c for c in cands if not (drafts_have_conflict(drafts) and (
            _touches(c.text, disputed) or in_dispute(c)))]
        ready: dict[int, _Draft | None] = {}
        used = sum(len(d.text.split()) for d in drafts + exclusive_drafts)
        same = _same_claim(sim, story.consensus, cands)
        picked = pick(pool, same, room, chosen=said, penalty=penalty, max_words=max_words,
                      used_words=used,
                      words=_drafting(ctx, cands, sim, kit, disputed, in_dispute, ready))
        drafts.extend(d for c in picked if (d := ready[c.vector_row]) is not None)
    drafts.extend(exclusive_drafts)
    drafts.sort(key=lambda d: (_ROLE_ORDER[d.role], d.rank))
    return tuple(SummarySentence(text=d.text, article_ids=d.article_ids, role=d.role,  # type: ignore[arg-type]
                                 spans=d.spans) for d in drafts[:budget])


# --- what every draft goes through ----------------------------------------------------------


class _Kit:
    """Per story: who carries a sentence, how outlets are named, and the final check."""

    def __init__(self, ctx: StoryContext, neutral: Neutralizer, members: set[str],
                 attribute_single: bool, count_unnamed: bool = COUNT_UNNAMED) -> None:
        from ..reuse.index import independent_groups

        self.ctx, self.neutral, self.members = ctx, neutral, members
        self.attribute_single, self.count_unnamed = attribute_single, count_unnamed
        self._evidence: dict[tuple[Span, ...], frozenset[str]] = {}  # spans -> vocabulary
        self.resolver = Resolver(ctx)
        self.evidence = Evidence(ctx, neutral)
        self.group_of = independent_groups(sorted(members), list(ctx.reuse))
        texts = [a.text for a in ctx.articles]
        self.lower = lower_vocabulary(texts)
        self.frame = frame_vocabulary(n for a in ctx.articles if (n := outlet_name(a)))

    def outlets(self, ids, other: bool = False) -> str:
        return name_outlets([self.ctx.article(i) for i in sorted(set(ids))], other)

    def independent(self, ids) -> int:
        return len({self.group_of.get(i, i) for i in ids})

    def carriers(self, text: str, spans: Sequence[Span]) -> list[str]:
        """The articles whose own spans hold the sentence: every name and number, and at
        least COMMON_SHARE of its other content words (spellings the entity stage joined
        count as one name)."""
        out = []
        parts = sort_words(text, self.lower, self.frame)  # once per sentence
        by_article: dict[str, set[Span]] = {}
        for s in spans:
            by_article.setdefault(s.article_id, set()).add(s)
        for aid in sorted(by_article):
            own = tuple(sorted(by_article[aid], key=lambda s: (s.start, s.end)))
            have = self._evidence.get(own)
            if have is None:  # the same spans are weighed for many variants
                have = self._evidence[own] = vocabulary(
                    sum(self.evidence.of(own), []))
            share, named = share_of(parts, have)
            if named and share >= COMMON_SHARE:
                out.append(aid)
        return out

    def finish(self, d: _Draft | None) -> _Draft | None:
        """The draft when its spans support every word of it (module support.py), else None."""
        if d is None or not d.text:
            return None
        evidence, derived = self.evidence.of(d.spans)
        return d if check(d.text, evidence, derived, self.lower, self.frame).ok else None


_SOURCE_CLAUSE = re.compile(r",?\s+according to [^,.;“”\"]{2,60}(?=[.;]?$)|^According to "
                            r"[^,“”\"]{2,60},\s*", re.IGNORECASE)


# A trailing clause or an opening phrase that can go without breaking the sentence: what one
# outlet adds to a claim others share ("..., drawing praise from Democrats").
_TRAILING = re.compile(r",\s+(?:according to|which|who|including|after|as|while|despite|amid|"
                       r"with|saying|adding|[a-z]+ing)\b[^,;“”\"]*$")
_OPENING = re.compile(r"^(?:In|On|At|After|During|Since|As|With|Despite|Amid) [^,;“”\"]{2,60},\s+")
MAX_CUTS = 3  # clauses cut from one sentence at most
MIN_KEPT_WORDS = 6  # a shorter remainder says too little to stand alone


def _variants(text: str) -> list[str]:
    """The sentence, then shorter versions without what one outlet may have added: its named
    source ("..., according to Al-Mayadeen"), trailing clauses, an opening phrase. What
    several outlets share is the claim; the cut parts are one outlet's."""
    out = [text]
    body = _SOURCE_CLAUSE.sub("", text).strip()
    for _ in range(MAX_CUTS + 1):
        core = body.rstrip(".!? ")
        for variant in (core, _OPENING.sub("", core)):
            if len(variant.split()) >= MIN_KEPT_WORDS and variant[0].isalpha():
                sentence = variant[0].upper() + variant[1:] + "."
                if sentence not in out and sentence.rstrip(".") != text.rstrip(".!? "):
                    out.append(sentence)
        cut = _TRAILING.sub("", core)
        if cut == core:
            break
        body = cut
    return out


def _claim(kit: _Kit, text: str, own: str, spans: Sequence[Span], named: Sequence[Span],
           force_attribution: bool, disputed: bool, rank: float, terms: frozenset[str]
           ) -> _Draft:
    """One sentence credited to the articles that carry it: a consensus when two or more
    independent sources do; else (or when asked) it says whose it is."""
    options = []
    for variant in _variants(text):
        carriers = set(kit.carriers(variant, list(spans) + list(named))) | {own}
        options.append((-kit.independent(carriers), -len(variant), variant, carriers))
    # The version most independent sources carry; of equals, the fullest (the sentence).
    _, _, text, carriers = min(options, key=lambda o: (o[0], o[1]))
    rewrite = kit.neutral.rewrite(text)
    out = rewrite.text
    shared = kit.independent(carriers) >= 2
    single = not shared and (force_attribution or (kit.attribute_single and (
        kit.count_unnamed or any(outlet_name(kit.ctx.article(i)) for i in carriers))))
    if rewrite.needs_attribution or disputed or single:
        out = attribute(out, kit.outlets(carriers), kit.neutral.common)
    role = "consensus" if shared and not disputed else "context"
    kept = {sp for sp in spans if sp.article_id in carriers} | set(named)
    return _Draft(out, tuple(sorted(carriers)), role,
                  tuple(sorted(kept, key=lambda sp: (sp.article_id, sp.start, sp.end))),
                  terms, rank)


# --- consensus -------------------------------------------------------------------------------


def _ranked_consensus(items: tuple[Consensus, ...]) -> list[Consensus]:
    return sorted(items, key=lambda c: (-c.independent_sources, -len(c.article_ids), c.text))


def _plain(kit: _Kit, d: _Draft) -> bool:
    """A sentence with no loaded word and no attribution: it reads as plain report."""
    return not kit.neutral.loaded_in(d.text) and not re.match(
        r"According to |[^,]{2,80} reports? that according to ", d.text)


def _same_claim(sim: np.ndarray, items: tuple[Consensus, ...], cands: list[Candidate]
                ) -> np.ndarray:
    """The similarity used against repeats, with the versions of one compare consensus item
    made one claim: its outlets word it too differently for the cosine to see a repeat, yet
    compare found they say the same, so a summary states it once."""
    groups = []
    for cons in items:
        rows = sorted({c.vector_row for c in (_sentence_at(cands, s) for s in cons.spans)
                       if c is not None})
        if len(rows) > 1:
            groups.append(rows)
    if not groups:
        return sim
    out = sim.copy()
    for rows in groups:
        block = np.ix_(rows, rows)
        out[block] = np.maximum(out[block], 1.0)
        out[rows, rows] = sim[rows, rows]  # the diagonal stays as it was
    return out


def _sentence_at(cands: list[Candidate], span: Span) -> Candidate | None:
    for c in cands:
        if c.article_id == span.article_id and c.start < max(span.end, span.start + 1) \
                and span.start < c.end:
            return c
    return None


def _spoken(kit: _Kit, c: Candidate) -> bool:
    """The sentence is quoted speech: inside a quotation opened before it, or mostly in quote
    marks itself."""
    if someones_words(kit.ctx.article(c.article_id).text, c.start):
        return True
    return sum(len(m.group()) for m in QUOTED.finditer(c.text)) * 2 >= len(c.text)


def _consensus_draft(ctx: StoryContext, cons: Consensus, cands: list[Candidate], kit: _Kit,
                     in_dispute: Callable[[Candidate], bool]) -> _Draft | None:
    ids = tuple(sorted(i for i in cons.article_ids if i in kit.members))
    if not ids:
        return None
    options = [c for c in (_sentence_at(cands, s) for s in cons.spans) if c is not None]
    if options and all(in_dispute(c) for c in options):
        # Agreed in substance, but every version holds something disputed (a quote whose
        # speaker differs by outlet, a number): the conflict sentence speaks for it.
        return None
    options = [c for c in options if not in_dispute(c)]
    # Someone's words in one outlet are someone's words in all: the summary never states
    # them in its own voice from the outlet that printed them without their marks.
    spoken = [c for c in options if _spoken(kit, c)]
    options = spoken or options
    spans = sorted({Span(c.article_id, c.start, c.end) for c in options},
                   key=lambda s: (s.article_id, s.start, s.end))
    best: tuple | None = None
    for c in options:
        st = kit.resolver.resolve(c.text, c.article_id, c.start, c.end)
        if st is None:
            continue
        d = _claim(kit, st.text, c.article_id, spans, st.spans, False, False,
                   -1000.0 - cons.independent_sources, frozenset(content_terms(c.text)))
        # The version most outlets carry; then the plainest; then the most central.
        key = (-kit.independent(d.article_ids), len(kit.neutral.loaded_in(c.text)), -c.score,
               c.article_id, c.start)
        if best is None or key < best[0]:
            best = (key, d)
    if best is not None:
        return best[1]
    if options:
        return None
    spans = [s for s in cons.spans if s.article_id in kit.members]
    # The item's text is one article's wording: resolved there, a pronoun after a name in it
    # is anchored as in any of that article's sentences.
    home = next((sp for sp in spans if fold(" ".join(kit.ctx.article(sp.article_id).text[
        sp.start:sp.end].split())).startswith(fold(cons.text)[:40])), None)
    st = kit.resolver.resolve(_as_sentence(cons.text), home.article_id if home else None,
                              home.start if home else 0, home.end if home else 0)
    if st is None:
        return None
    return _claim(kit, st.text, home.article_id if home else ids[0], spans, st.spans, False,
                  False,
                  -1000.0 - cons.independent_sources, frozenset(content_terms(st.text)))


# --- findings: disputes and loaded rewrites of shared copy -------------------------------------


def _ranked_findings(ctx: StoryContext, kit: _Kit) -> list[Callable[[], _Draft | None]]:
    """Attribution disputes first (one quote, different speakers), then loaded rewrites of
    shared copy, then the other disputes (numbers, dates)."""
    conflicts = _ranked_conflicts(ctx.story.conflicts)
    first = [partial(_conflict_draft, ctx, c, kit) for c in conflicts if c.kind == "attribution"]
    rewrites = [partial(_rewrite_draft, kit, r, e) for r, e in loaded_rewrites(ctx, kit.members)]
    rest = [partial(_conflict_draft, ctx, c, kit) for c in conflicts if c.kind != "attribution"]
    return [*first, *rewrites, *rest]


def loaded_rewrites(ctx: StoryContext, members: set[str]) -> list[tuple[Reuse, Edit]]:
    """Edits inside shared passages where one side holds a loaded term (lexicons/
    loaded_terms.txt) the other side lacks: the same copy, worded to judge. When the origin
    is known only the copier's side counts (the rewrite is its own)."""
    out = []
    for r in ctx.reuse:
        if r.a not in members or r.b not in members:
            continue
        for p in r.passages:
            for e in p.edits:
                a_terms, b_terms = set(loaded_words(e.a)), set(loaded_words(e.b))
                new_a, new_b = a_terms - b_terms, b_terms - a_terms
                if r.origin == r.a:
                    new_a = set()
                elif r.origin == r.b:
                    new_b = set()
                if new_a or new_b:
                    out.append((r, e))
    out.sort(key=lambda re_: -len(set(loaded_words(re_[1].a)) ^ set(loaded_words(re_[1].b))))
    return out


def _rewrite_draft(kit: _Kit, r: Reuse, e: Edit) -> _Draft | None:
    a_words, b_words = " ".join(e.a.split()), " ".join(e.b.split())
    a_out, b_out = kit.outlets([r.a]), kit.outlets([r.b], other=True)
    if a_words and b_words:
        text = f"In shared copy, {a_out} writes “{a_words}” where {b_out} writes “{b_words}”."
    else:
        who = a_out if a_words else kit.outlets([r.b])
        text = f"In shared copy, {who} adds “{a_words or b_words}”."
    spans = []
    if a_words:
        spans.append(Span(r.a, e.a_start, e.a_end))
    if b_words:
        spans.append(Span(r.b, e.b_start, e.b_end))
    return _Draft(text, tuple(sorted({r.a, r.b})), "conflict", tuple(spans),
                  frozenset(content_terms(text)), -2.0)


def _ranked_conflicts(items: tuple[Conflict, ...]) -> list[Conflict]:
    """The conflicts the summary states, widest first: confident ones only. A "possible"
    conflict is one compare doubts (the figures may count different things, a speaker is
    unsure); "Accounts differ" would assert it, so it stays on the page's list of possible
    conflicts with its reason (on real news most of them were not disagreements:
    docs/compare_checked.md)."""
    def size(c: Conflict) -> int:
        return len({i for v in c.versions for i in v.article_ids})
    return sorted((c for c in items if len(c.versions) >= 2 and c.status == "confident"),
                  key=lambda c: (-size(c), c.kind, c.about))


def _conflict_draft(ctx: StoryContext, conflict: Conflict, kit: _Kit) -> _Draft | None:
    plural, singular = _KIND_VERB.get(conflict.kind, _KIND_VERB["other"])
    about = " ".join(conflict.about.split())
    if conflict.kind == "other" and about.startswith("who "):
        plural, singular = "name", "names"  # versions are actors
    sides: list[str] = []
    ids: set[str] = set()
    spans: list[Span] = []
    versions = sorted(conflict.versions, key=lambda v: (-len(v.article_ids), v.value))
    for v in versions:
        v_ids = [i for i in v.article_ids if i in kit.members]
        if not v_ids or not v.value.strip():
            continue
        who = kit.outlets(v_ids, other=bool(sides))
        many = len(v_ids) > 1 or who.endswith("outlets")
        value = readable_date(v.value) if conflict.kind == "date" else v.value
        value = kit.neutral.rewrite(" ".join(value.split())).text.rstrip(".")
        value = lower_first(value, kit.neutral.common)  # "reports Tens of ..." was seen
        sides.append(f"{who} {plural if many else singular} {value}")
        ids.update(v_ids)
        spans.extend(_sentence_of(ctx, s) for s in v.spans if s.article_id in kit.members)
        spans.extend(_naming(ctx, v_ids, value))
    if len(sides) < 2:
        return None
    text = _conflict_lead(kit.neutral.rewrite(about).text.strip().rstrip("."), kit.neutral) \
        + "; ".join(sides) + "."
    return _Draft(text, tuple(sorted(ids)), "conflict", tuple(dict.fromkeys(spans)),
                  frozenset(content_terms(text)), -float(len(ids)))


def _sentence_of(ctx: StoryContext, span: Span) -> Span:
    """The sentence holding a version's span: what the dispute is about is written there."""
    try:
        sentences = ctx.facts_for(span.article_id).sentences
    except KeyError:
        return span
    for s in sentences:
        if s.start <= span.start and span.end <= max(s.end, span.start):
            return Span(span.article_id, s.start, s.end)
    return span


def _naming(ctx: StoryContext, ids: Sequence[str], value: str) -> list[Span]:
    """Where each article names who a version names ("attributes it to Ali Ayyoub"): the
    quote's span need not hold the speaker's name, the article does."""
    folded = f" {fold(value)} "
    out: list[Span] = []
    for aid in ids:
        for e in ctx.story.entities:
            names = {fold(e.name)} | {fold(a) for a in e.aliases}
            if not any(f" {n} " in folded for n in names if n):
                continue
            out.extend(Span(aid, m.start, m.end) for m in e.mentions if m.article_id == aid)
    return out


def _conflict_lead(about: str, neutral: Neutralizer) -> str:
    """"Accounts differ on how many strikes: ", or with the claim in question quoted when the
    compare stage gave one after a colon ("when: The talks began ...")."""
    if not about:
        return "Accounts differ: "
    head, sep, detail = about.partition(": ")
    if sep and detail:
        return f"Accounts differ on {lower_first(head, neutral.common)} (“{detail}”): "
    return f"Accounts differ on {lower_first(about, neutral.common)}: "


def _dispute_checker(conflicts: tuple[Conflict, ...]) -> Callable[[Candidate], bool]:
    """Whether a sentence holds the evidence of a conflict (a version's span lies in it)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for c in conflicts:
        for v in c.versions:
            for sp in v.spans:
                spans.setdefault(sp.article_id, []).append((sp.start, sp.end))

    def check(c: Candidate) -> bool:
        return any(s < c.end and c.start < e for s, e in spans.get(c.article_id, ()))
    return check


def drafts_have_conflict(drafts: list[_Draft]) -> bool:
    return any(d.role == "conflict" for d in drafts)


def _disputed_values(conflicts: tuple[Conflict, ...]) -> list[str]:
    return [fold(v.value) for c in conflicts for v in c.versions if len(fold(v.value)) >= 3]


def _touches(text: str, disputed: list[str]) -> bool:
    folded = f" {fold(text)} "
    return any(f" {v} " in folded for v in disputed)


# --- exclusives ------------------------------------------------------------------------------


def _count_exclusive(items: tuple[Exclusive, ...]) -> int:
    return sum(1 for e in items if e.kind == "exclusive")


def _ranked_exclusives(items: tuple[Exclusive, ...], cands: list[Candidate]) -> list[Exclusive]:
    def notability(e: Exclusive) -> float:
        # Concrete content (numbers, names) and centrality to the story make it notable.
        sims = similarity_to(e.text, cands)  # empty when there are no candidates
        centrality = max((c.centrality for c, s in zip(cands, sims, strict=True) if s >= 0.6),
                         default=0.0)
        concrete = len(re.findall(r"\d", e.text)) > 0
        names = len(re.findall(r"(?<!^)(?<![.!?] )\b[A-Z][a-z]+", e.text))
        # What one outlet alone reports is notable for its facts; quoted words are its
        # sources' rhetoric ("headed for “victory”"), which the summary should not lead with.
        quoted = len(QUOTED.findall(e.text))
        return centrality + 0.3 * concrete + 0.1 * min(names, 3) - QUOTE_WEIGHT * min(quoted, 3)
    chosen = [e for e in items if e.kind == "exclusive"]
    return sorted(chosen, key=lambda e: (-notability(e), e.article_id, e.start or 0, e.text))


def _exclusive_draft(ctx: StoryContext, ex: Exclusive, cands: list[Candidate], kit: _Kit
                     ) -> _Draft | None:
    if ex.article_id not in kit.members:
        return None
    text = _as_sentence(ex.text)
    spans: tuple[Span, ...] = ()
    start, end = ex.start or 0, ex.end or 0
    if ex.start is not None and ex.end is not None:
        spans = (Span(ex.article_id, ex.start, ex.end),)
        at = _sentence_at(cands, spans[0])
        if at is not None and len(text.split()) < 4:
            text, start, end = at.text, at.start, at.end
            spans = (Span(ex.article_id, at.start, at.end),)
    if not text or not spans:
        return None
    st = kit.resolver.resolve(text, ex.article_id, start, end)
    if st is None:
        return None
    body = kit.neutral.rewrite(st.text).text
    text_out = f"According only to {kit.outlets([ex.article_id])}, " \
        f"{lower_first(body, kit.neutral.common)}"
    return _Draft(text_out, (ex.article_id,), "exclusive", spans + st.spans,
                  frozenset(content_terms(text)), 0.0)


# --- extractive ------------------------------------------------------------------------------


def _drafting(ctx: StoryContext, cands: list[Candidate], sim: np.ndarray, kit: _Kit,
              disputed: list[str], in_dispute: Callable[[Candidate], bool],
              ready: dict[int, _Draft | None]) -> Callable[[Candidate], int | None]:
    """`pick`'s `words` for the extractive part: a candidate's draft is made (and kept in
    `ready`) only when `pick` reaches it, as most never are; one that fails the support check
    is passed over, as if it were not in the pool."""
    def words(c: Candidate) -> int | None:
        if c.vector_row not in ready:
            ready[c.vector_row] = kit.finish(_extractive_draft(
                ctx, c, cands, sim, kit, disputed, in_dispute(c)))
        d = ready[c.vector_row]
        return None if d is None else len(d.text.split())
    return words


def _extractive_draft(ctx: StoryContext, c: Candidate, cands: list[Candidate], sim: np.ndarray,
                      kit: _Kit, disputed: list[str], holds_dispute: bool) -> _Draft | None:
    st = kit.resolver.resolve(c.text, c.article_id, c.start, c.end)
    if st is None:
        return None
    supporters = set(c.supporters)
    spans = {Span(c.article_id, c.start, c.end)}
    for j in np.nonzero(sim[c.vector_row] >= SAME_CONTENT)[0]:
        other = cands[int(j)]
        if other.article_id in supporters:
            spans.add(Span(other.article_id, other.start, other.end))
    rank = -c.support * 10.0 + c.position * 0.01 - c.score
    return _claim(kit, st.text, c.article_id, sorted(spans, key=lambda s: (s.article_id,
                                                                          s.start)),
                  st.spans, holds_dispute, _touches(c.text, disputed), rank,
                  frozenset(c.terms))


# --- helpers ---------------------------------------------------------------------------------


def _as_sentence(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?\"”’" else text + "."


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / (len(a) * len(b)) ** 0.5 if a and b else 0.0


def _repeats(d: _Draft, drafts: list[_Draft]) -> bool:
    return any(_overlap(d.terms, o.terms) >= SAME_CONTENT for o in drafts)


def _covered(c: Candidate, drafts: list[_Draft]) -> bool:
    terms = frozenset(c.terms)
    return any(Span(c.article_id, c.start, c.end) in d.spans or _overlap(terms, d.terms)
               >= SAME_CONTENT for d in drafts)


__all__ = ["build_summary", "loaded_rewrites", "summarize_story"]
