"""Sentence candidates for the summary: centrality, cross-source support, redundancy.

Every article sentence becomes a `Candidate`. Its *support* is the number of independent
sources that carry a similar sentence (copies of one wire text count once: two articles that
match only inside a reused passage are one source). Its *centrality* is LexRank-style degree
centrality over TF-IDF cosine similarity, so sentences about the story's core score high.
Selection prefers central, widely supported sentences and skips near-repeats (MMR).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from ..extract.quotemarks import DOUBLED_MARKS
from ..lexicons import charged_words
from ..model import Article, Reuse, Sentence, StoryContext
from ..text import fold, word_count, word_norms
from .neutral import QUOTED, compress

# Words that carry no content for sentence matching. Kept small and general on purpose.
STOPWORDS = frozenset("""
a an the and or but if of to in on at by for with from as is are was were be been being it its
this that these those he she they we you i his her their our your them him us me my not no so
than then there here has have had do does did will would can could should may might must also
into over after before about up out said says say who whom which what when where while how all
any some more most other such only own same too very just one two new
""".split())
_SENT_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"'“‘(]?[A-Z0-9])")
MIN_WORDS = 5  # shorter "sentences" are datelines, captions or menu lines
MAX_WORDS = 60  # longer ones are usually run-on paragraphs the parser failed to split
MAX_CANDIDATES = 2000  # a 2000 x 2000 similarity matrix is 32 MB
SAME_CONTENT = 0.5  # cosine at which two sentences count as carrying the same content
# Long sentences gather overlap (and so centrality) by length alone; past the pivot their score
# shrinks. A sentence opening on a pronoun leans on one before it that the summary may lack.
LENGTH_PIVOT = 30
LENGTH_WEIGHT = 0.5
DANGLING = 0.7
LEAD_WEIGHT = 0.7
_DANGLING_START = re.compile(r"^(?:he|she|it|they|this|these|that|those|his|her|their|its|but|"
                             r"and|also|however)\b", re.I)


@dataclass(slots=True)
class Candidate:
    article_id: str
    start: int
    end: int
    text: str
    position: int  # index of the sentence within its article
    outlet: str
    terms: tuple[str, ...]
    centrality: float = 0.0
    supporters: tuple[str, ...] = ()  # article ids (incl. own) carrying similar content
    support: int = 1  # independent sources among `supporters`
    score: float = 0.0
    vector_row: int = -1
    extra: dict[str, float] = field(default_factory=dict)


@lru_cache(maxsize=1 << 14)
def content_terms(text: str) -> tuple[str, ...]:
    """Lower-cased content words with a light plural strip, for matching across outlets
    (cached: the same sentences are scored several times per story)."""
    out = []
    for norm in word_norms(text):
        t = norm.strip(".,'")
        if not t or t in STOPWORDS or (len(t) < 2 and not t.isdigit()):
            continue
        if len(t) > 4 and t.endswith("s") and not t.endswith("ss"):
            t = t[:-1]
        out.append(t)
    return tuple(out)


# Case-sensitive on purpose: "US" and "U.S." are the country, not "us".
_OWN_VOICE = re.compile(r"\b(?:[Ww]e|[Uu]s|[Oo]urs?|[Yy]ou|[Yy]ours?|I(?!\.)|[Mm]e|[Mm]y|WE|YOU)\b")
_NOT_FACT = re.compile(r"[?\]]\s*[\"”’]?$|^[\"“]?(?:click|sign up|subscribe|read more|watch|"
                       r"keep up|follow|note|consider|remember|imagine)\b", re.I)


# The writer's feeling about the fact, set off as a sentence adverb ("Sadly, the Republicans
# have no Nancy Pelosis", a real summary sentence of stop 56; "..., unfortunately, ...").
_STANCE = re.compile(r"(?:^|[,;—–]\s*)(?:sadly|unfortunately|fortunately|thankfully|mercifully|"
                     r"regrettably|alas|happily|shamefully|disgracefully|shockingly|tragically|"
                     r"ironically|predictably|frankly|of course|needless to say)\s*(?:[,;—–]|$)",
                     re.I)


def own_voice(text: str) -> bool:
    """A question, a call to the reader, the outlet speaking as "we"/"you", or the writer's
    feeling as a sentence adverb ("Sadly, ..."), outside quotes: not a statement a neutral
    summary can repeat."""
    if _NOT_FACT.search(text):
        return True
    outside = QUOTED.sub(" ", text)
    if outside.count('"') % 2 or outside.count("“") != outside.count("”"):
        return True  # a quote cut by the sentence splitter: its speaker is elsewhere
    if _OWN_VOICE.search(outside) is not None:
        return True
    # (not in a clause of its own: "... where, fortunately, nobody was hurt" reports a fact)
    return any(not (words := outside[:m.start()].split())
               or words[-1].lower() not in _SUBORDINATORS for m in _STANCE.finditer(outside))


_SUBORDINATORS = frozenset("where when while because although though if after before since "
                           "who whom which that as so".split())


# A sentence about the article or the outlet itself, not the news: "This article is
# co-published with ...", "This story was produced in partnership with ...", and (with the
# outlet's own name, `about_itself`) "ProPublica is a nonprofit newsroom that ..." (stop 43,
# real text: it was a summary sentence).
_ABOUT_THE_PAGE = re.compile(r"^This (?:article|story|report|piece|post)\b.{0,40}?\b(?:is|was|"
                             r"has been)\s+(?:co-?published|produced|published|originally|"
                             r"updated|republished|reprinted|adapted|written|made possible)\b",
                             re.I)


# An author's line: "Katie Glueck is a national political reporter at Politico." (stop 43,
# real text: a summary sentence), with the outlet or the byline's name in it.
_BIO = re.compile(r"^(?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}) is (?:a|an|the) (?:[\w'’-]+ )"
                  r"{0,6}(?:reporter|correspondent|editor|writer|columnist|contributor|"
                  r"producer|journalist|anchor|host|fellow|author)s?\b")
BIO_WORDS = 25


def about_itself(text: str, outlet: str | None, byline: str | None = None) -> bool:
    """A sentence about the page, the outlet or the author rather than the news (see
    `_ABOUT_THE_PAGE`, `_BIO`); `outlet`: the article's outlet name, whose "<outlet> is a
    ..." describes itself; `byline`: its author's, whose short bio is no news either."""
    if _ABOUT_THE_PAGE.search(text):
        return True
    name = fold(outlet or "")
    if name and fold(text[:len(name) + 12]).startswith((name + " is a", name + " is the")):
        return True
    bio = _BIO.match(text)
    return bio is not None and word_count(text) <= BIO_WORDS and (
        bool(name) and name in fold(text)
        or bool(byline) and fold(bio.group("name")) in fold(byline or ""))


# A live blog's clock before an entry ("11:55 p.m. ET: Baltimore police have made ..."), left
# at the sentence's start when the splitter cuts after "p.m.": "ET: Baltimore police ...".
_CLOCK = re.compile(r"^(?:-\s*)?(?:\d{1,2}(?::\d\d)?\s*)?(?:[ap]\.m\.\s*)?"
                    r"(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|BST|UTC)\s*:\s+"
                    r"(?=[A-Z])")


_BULLET = re.compile(r"^[-•–]\s+(?=\S)")


def plain_sentence(text: str) -> str:
    """The sentence without a list bullet ("- Police said late Tuesday ...") or a live blog's
    clock label (`_CLOCK`) before it, and with a double mark written as two single ones ('',
    `` and the others `extract.quotemarks` reads; real text: `"... calm today,'' Batts said.`)
    written as the straight mark it pairs with."""
    text = _CLOCK.sub("", _BULLET.sub("", text))
    for mark in _TYPEWRITER:
        if mark in text:
            text = text.replace(mark, '"')
    return text


# A double quote mark written as two single ones: the extractor's (`quotemarks`), and `` .
_TYPEWRITER = (*sorted(DOUBLED_MARKS), "``")


def headless(text: str) -> bool:
    """The sentence opens on a lower-case word: a piece of a sentence whose start the page or
    the splitter lost ("is an existing law that has been underfunded", stop 46, real text), or
    the narration of a quote cut at its "!" or "?" (`"This has been an amazing evening!" the
    billionaire declared ...`, stop 43), not a statement alone. A word with a capital inside
    ("iPhone", "eBay") is a name."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    return first[:1].islower() and first == first.lower()


def subhead(article_text: str, start: int, end: int) -> bool:
    """`article_text[start:end]` is a paragraph of its own with no closing punctuation, and
    more text follows: a subhead ("What Trump said he supports on gun control (for now)", stop
    46, real text), which names a section and states nothing as a sentence. Not summarised.
    (The last line of a text cut off by the page is not one: `summarize.cutoff` trims it.)
    Consensus keeps such lines: two outlets' subheads, highlights or a lead-in ("It has
    previously declared five global public health emergencies:") can state one fact."""
    line_start = article_text.rfind("\n", 0, start) + 1
    line_end = article_text.find("\n", end)
    line_end = len(article_text) if line_end < 0 else line_end
    if article_text[line_start:start].strip() or article_text[end:line_end].strip():
        return False
    return article_text[start:line_end].rstrip()[-1:] not in _CLOSING \
        and bool(article_text[line_end:].strip())


_CLOSING = frozenset(".!?\"”’'…")


# A contraction outside quotes ("doesn't", "there's", "they've"): news copy writes them out.
_CONTRACTION = re.compile(r"\b(?:\w+n[’']t|(?:there|here|it|that|what|who|he|she|they|we|you|i)"
                          r"[’'](?:s|re|ve|ll|d|m))\b", re.IGNORECASE)


def casual(text: str) -> bool:
    """The outlet's own conversational voice (a contraction outside quotes), the register of
    commentary rather than report. Quoted speech is the speaker's, not the outlet's."""
    return _CONTRACTION.search(QUOTED.sub(" ", text)) is not None


def quoted_charge(text: str) -> float:
    """The summed intensity of the charged words inside the sentence's quote marks (each word
    once; function words and words under three letters aside): the speaker's rhetoric, which
    a summary can report without repeating."""
    inside = " ".join(m.group() for m in QUOTED.finditer(text))
    if not inside:
        return 0.0
    lex = charged_words()
    found = {w.lower() for w in word_norms(inside)}
    return sum(lex.get(w, 0.0) for w in found if len(w) >= 3 and w not in STOPWORDS)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """A fallback splitter for articles without parsed sentences (facts missing)."""
    spans = []
    for para in re.finditer(r"[^\n]+", text):
        pos = para.start()
        chunk = para.group()
        cuts = [m.start() for m in _SENT_END.finditer(chunk)] + [len(chunk)]
        prev = 0
        for cut in cuts:
            piece = chunk[prev:cut]
            lead = len(piece) - len(piece.lstrip())
            s, e = pos + prev + lead, pos + prev + len(piece.rstrip())
            if e > s:
                spans.append((s, e))
            prev = cut
    return spans


_PARAGRAPH = re.compile(r"\n\s*\n")


def article_sentences(ctx: StoryContext, article: Article) -> list[Sentence]:
    """The article's sentences, each cut at paragraph breaks: a parser that misses a full
    stop ("... fighting in Kel" then a new paragraph) must not splice two paragraphs into
    one summary or timeline sentence."""
    try:
        facts = ctx.facts_for(article.id)
        sents = list(facts.sentences)
    except KeyError:
        sents = []
    if not sents:
        sents = [Sentence(article.id, s, e) for s, e in split_sentences(article.text)]
    out = []
    for s in sents:
        pos = s.start
        for m in _PARAGRAPH.finditer(article.text, s.start, s.end):
            if article.text[pos:m.start()].strip():
                out.append(Sentence(article.id, pos, m.start()))
            pos = m.end()
        if article.text[pos:s.end].strip():
            out.append(Sentence(article.id, pos, s.end))
    return out


def candidates(ctx: StoryContext) -> list[Candidate]:
    """Candidate sentences of every article; in a very large story only the leading ones
    (news comes first), so the similarity matrix stays small."""
    out: list[Candidate] = []
    for article in ctx.articles:
        stated = _statement_ends(ctx, article.id)
        for i, s in enumerate(article_sentences(ctx, article)):
            # The span stays the whole sentence (the evidence); the text loses its asides.
            text = plain_sentence(compress(" ".join(article.text[s.start:s.end].split())))
            n_words = word_count(text)
            if n_words < MIN_WORDS or n_words > MAX_WORDS or own_voice(text) \
                    or headless(text) \
                    or about_itself(text, article.outlet, article.byline) \
                    or subhead(article.text, s.start, s.end) \
                    or stated is not None and not _states(stated, s.start, s.end):
                continue
            out.append(Candidate(article.id, s.start, s.end, text, i, article.outlet_label,
                                 content_terms(text)))
    if len(out) > MAX_CANDIDATES:
        out = sorted(out, key=lambda c: (c.position, c.article_id))[:MAX_CANDIDATES]
        out.sort(key=lambda c: (c.article_id, c.start))
    return out


def _statement_ends(ctx: StoryContext, article_id: str) -> list[tuple[int, int]] | None:
    """(start, end) of the article's claims, the statements with a verb the parse found,
    sorted; None when its facts hold none (not parsed: nothing to tell)."""
    try:
        claims = ctx.facts_for(article_id).claims
    except KeyError:
        return None
    return sorted((c.start, c.end) for c in claims) or None


def _states(stated: list[tuple[int, int]], start: int, end: int) -> bool:
    """A claim overlaps the sentence: it has a verb. A list the parser cut off its lead-in
    ("Among the news organizations cited:" | "CNN, The New York Times, ... and Time
    Magazine.", real text, stop 48) or a caption without one states nothing alone."""
    k = bisect.bisect_left(stated, (end, end))
    return any(a < end and start < b for a, b in stated[max(0, k - 8):k])


def _similarity(cands: Sequence[Candidate]) -> np.ndarray:
    """Cosine between every two candidates over TF-IDF vectors (sparse: stories can be big)."""
    from scipy.sparse import csr_matrix, diags

    vocab: dict[str, int] = {}
    rows, cols = [], []
    for r, c in enumerate(cands):
        for t in c.terms:
            rows.append(r)
            cols.append(vocab.setdefault(t, len(vocab)))
    if not vocab:
        return np.zeros((len(cands), len(cands)))
    counts = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(cands), len(vocab)))
    df = np.asarray((counts > 0).sum(axis=0)).ravel()
    m = counts @ diags(np.log((1 + len(cands)) / (1 + df)) + 1.0)
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    m = diags(1.0 / norms) @ m
    return np.asarray((m @ m.T).todense())


def _copied_pairs(reuse: Iterable[Reuse]) -> dict[tuple[str, str], list[tuple[int, int, int, int]]]:
    out: dict[tuple[str, str], list[tuple[int, int, int, int]]] = {}
    for r in reuse:
        out.setdefault((r.a, r.b), []).extend(
            (p.a_start, p.a_end, p.b_start, p.b_end) for p in r.passages)
        if r.near_duplicate:
            out[(r.a, r.b)].append((0, 10**12, 0, 10**12))
    return out


def _inside_copy(a: Candidate, b: Candidate, copies: dict) -> bool:
    """True when a and b match because one copied the other (inside a reused passage)."""
    if (a.article_id, b.article_id) in copies:
        x, y, key = a, b, (a.article_id, b.article_id)
    elif (b.article_id, a.article_id) in copies:
        x, y, key = b, a, (b.article_id, a.article_id)
    else:
        return False
    for a_s, a_e, b_s, b_e in copies[key]:
        if x.start < a_e and a_s < x.end and y.start < b_e and b_s < y.end:
            return True
    return False


def score_candidates(ctx: StoryContext, cands: list[Candidate]) -> np.ndarray:
    """Fill centrality, supporters, support and score; return the similarity matrix."""
    if not cands:
        return np.zeros((0, 0))
    sim = _similarity(cands)
    np.fill_diagonal(sim, 0.0)
    n = len(cands)
    # Degree centrality over edges above a small threshold (LexRank's "degree" variant).
    centrality = (sim > 0.1).sum(axis=1).astype(float) + sim.sum(axis=1)
    top = centrality.max() if n else 1.0
    copies = _copied_pairs(ctx.reuse)
    from ..reuse.index import independent_groups

    group_of = independent_groups(sorted({c.article_id for c in cands}), list(ctx.reuse))
    n_articles = len({c.article_id for c in cands})
    for r, c in enumerate(cands):
        c.vector_row = r
        c.centrality = float(centrality[r] / top) if top > 0 else 0.0
        support_ids = {c.article_id}
        copy_of: dict[str, str] = {}
        for j in np.nonzero(sim[r] >= SAME_CONTENT)[0]:
            other = cands[int(j)]
            if other.article_id == c.article_id:
                continue
            support_ids.add(other.article_id)
            if _inside_copy(c, other, copies):
                copy_of[other.article_id] = c.article_id
        c.supporters = tuple(sorted(support_ids))
        independent = [i for i in c.supporters if i not in copy_of]
        c.support = len({group_of[i] for i in independent})
        # Early sentences carry the news in news writing (the inverted pyramid).
        lead_bonus = 1.0 / (1.0 + 0.25 * c.position)
        share = c.support / max(1, n_articles)
        c.score = c.centrality * (0.5 + share) + LEAD_WEIGHT * lead_bonus
        n_words = len(c.text.split())
        c.score /= 1.0 + LENGTH_WEIGHT * max(0, n_words - LENGTH_PIVOT) / LENGTH_PIVOT
        if _DANGLING_START.match(c.text):
            c.score *= DANGLING
    return sim


def pick(cands: Sequence[Candidate], sim: np.ndarray, k: int,
         chosen: Sequence[Candidate] = (), redundancy: float = SAME_CONTENT,
         penalty: dict[int, float] | None = None, max_words: int | None = None,
         used_words: int = 0, lengths: dict[int, int] | None = None,
         words: Callable[[Candidate], int | None] | None = None) -> list[Candidate]:
    """Up to k candidates by score, skipping any too similar to one already chosen, and (with
    `max_words`) any that would take the summary past that many words (`lengths`: the words
    each will have in the summary, by vector row, when not those of its text). `words`, when
    given, is asked instead of `lengths`, and only for a candidate reached and not too
    similar: None passes it over as if it were not among `cands` (the summary makes a
    sentence's draft only when it may be picked)."""
    penalty = penalty or {}
    order = sorted(cands, key=lambda c: (-(c.score - penalty.get(c.vector_row, 0.0)),
                                         c.article_id, c.start))
    picked: list[Candidate] = []
    taken = [c.vector_row for c in chosen if c.vector_row >= 0]
    for c in order:
        if len(picked) >= k:
            break
        if c.vector_row in taken or any(sim[c.vector_row, t] >= redundancy for t in taken):
            continue
        if words is not None:
            counted = words(c)
            if counted is None:
                continue
            n_words = counted
        else:
            n_words = (lengths or {}).get(c.vector_row, len(c.text.split()))
        if max_words is not None and used_words + n_words > max_words and (picked or
                                                                          used_words):
            continue
        used_words += n_words
        picked.append(c)
        taken.append(c.vector_row)
    return picked


def similarity_to(text: str, cands: Sequence[Candidate]) -> list[float]:
    """Cosine (on content-term sets) between free text and each candidate."""
    a = set(content_terms(text))
    out = []
    for c in cands:
        b = set(c.terms)
        out.append(len(a & b) / (len(a) * len(b)) ** 0.5 if a and b else 0.0)
    return out
