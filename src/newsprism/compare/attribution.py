"""Attribution conflicts: one quote, fuzzily matched across outlets (they translate and trim
quotes), given to different people. Every version lists the articles that hold it."""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

from ..dates import parse_iso
from ..model import Conflict, Entity, Quote, Span
from ..text import STOP, fold
from .budget import chosen_pairs, pair_budget, pairs_to_try, share
from .conflicts import BASE_CONFIDENCE, DOUBT, conflict_version, make_conflict, shorten
from .match import record_limit

log = logging.getLogger(__name__)

QUOTE_MATCH = 80.0  # rapidfuzz ratio (0-100) for "the same quote, slightly re-worded"
# Quotes of fewer words are mostly stock phrases ("second wave", "his own platform") that
# several people say or that reporters paraphrase: matching them gives false conflicts.
QUOTE_MIN_WORDS = 5
NEAR_SAME = 90.0  # rapidfuzz ratio above which two versions carry the same quote, not a rewording
# A side whose speaker is one word ("Francis", "Trump" with no full name in the story) may be
# a nickname or a surname the entity stage could not join: shown, but only as possible.
ONE_NAME_DOUBT = "a speaker known by one name only"
# A speaker resolved less surely than this (a shared surname, the only person near, a
# description matched by a modifier: extract.speakers) holds no side: a "he said" given to
# the wrong person is the commonest false attribution conflict.
MIN_SPEAKER_CONFIDENCE = 0.7
# A side whose speaker was resolved less surely than this (a he/she with someone else near, a
# role matched by a modifier) is a doubt: shown, but only as possible (real Baly text, stop 41:
# an answer given to the one who asked, a "he added" to a president named in passing).
SURE_SPEAKER = 0.9
WEAK_SPEAKER_DOUBT = "a speaker found through a pronoun or a description"
# A quote shorter than this (words) is a phrase two people may both have said ("Help is on the
# way", said by both Senate leaders of one bill): shown, but only as possible.
SHORT_QUOTE_WORDS = 8
SHORT_QUOTE_DOUBT = "a short phrase two people may both have said"
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "hers"}

# A passage the speaker quotes inside their own quote (‘...’, or '...' set off by spaces and
# punctuation, not an apostrophe): someone else's words, such as a law's.
_INNER_QUOTE = re.compile(r"‘[^‘\n]*?’(?!\w)|(?<![\w'])'[^'\n]{3,}?'(?![\w'])")

_TITLES = {"mr", "mrs", "ms", "dr", "gen", "maj", "lt", "col", "president", "minister",
           "general", "major", "sen", "rep", "gov", "secretary", "chief", "prime"}


def _surname(name: str) -> str | None:
    """The last capitalised word of the leading name in a speaker string ("Haddad at a press
    conference" -> "ayyoub"); None for descriptions ("the joint statement")."""
    last = None
    for w in name.replace("\u2019", "'").split():
        w = w.strip(",.;:()'\"")
        if w[:1].isupper():
            if fold(w) not in _TITLES and fold(w) not in STOP:
                last = fold(w)
        elif last is not None:
            break
    return last


def _speaker_key(q: Quote, entities: dict[str, Entity]) -> tuple[str, str] | None:
    """(key, display name) of a quote's speaker; None when unknown or not a name.

    With resolved entities the key is the entity; without them (entities stage absent) the
    surname; either way `_join_spellings` joins transliterations ("Qaderi"/"Kaderi")."""
    if entities:
        ent = entities.get(q.speaker_entity or "")
        # Only people: a quote "given" to a place or a paper ("Georgia", "Minnesota", "The
        # Hill") is the resolver reading "the Georgia office" or "told The Hill" as the
        # speaker, not an outlet's claim about who spoke. A person known by one name only
        # ("Francis") holds a side, as a doubt (`ONE_NAME_DOUBT`).
        if ent is None or ent.type != "PERSON" or not _name_words(ent.name):
            return None
        return "e:" + ent.id, ent.name
    if q.speaker and fold(q.speaker) not in _PRONOUNS:
        surname = _surname(q.speaker)
        if surname:
            return "s:" + surname, q.speaker
    return None


def _name_words(name: str) -> list[str]:
    return [w for w in fold(name).split() if w not in _TITLES and w not in ("the", "of")]



def _same_person(a: str, b: str) -> bool:
    """Two display names that are spellings of one person's name: fuzzy-equal surnames
    (Vodanova/Vodanowa, Qaderi/Kaderi) and no first names that clearly differ."""
    wa = [w for w in fold(a).split() if w not in _TITLES]
    wb = [w for w in fold(b).split() if w not in _TITLES]
    if not wa or not wb or fuzz.ratio(wa[-1], wb[-1]) < 75:
        return False
    if len(wa) > 1 and len(wb) > 1:
        return fuzz.ratio(wa[0], wb[0]) >= 60  # Elena/Yelena, Mohammad/Muhammad
    return True


def _join_spellings(keyed: list[tuple[str, str]]) -> dict[str, str]:
    """Speaker keys that are spellings of one name map to one key: surname keys always,
    entity keys when the resolver left two transliterations apart."""
    out: dict[str, str] = {}
    display: dict[str, str] = {}
    for k, name in sorted(set(keyed)):
        if k in out:
            continue
        name = k[2:] if k.startswith("s:") else name  # compare surnames when that is all
        for rep in sorted(set(out.values())):
            if _same_person(name, display[rep]):
                out[k] = rep
                break
        else:
            out[k] = k
            display[k] = name
    return out


# What is left of a folded contraction ("don't" -> "don t"): not a content word.
_CONTRACTED = {"don", "doesn", "didn", "isn", "wasn", "aren", "weren", "won", "wouldn",
               "couldn", "shouldn", "hasn", "haven", "hadn", "ain", "can", "ll", "ve", "re"}


def _content(words: set[str]) -> set[str]:
    return {w for w in words if len(w) > 2 and w not in STOP and w not in _CONTRACTED}


def _same_folded(fa: str, fb: str, wa: set[str], wb: set[str]) -> bool:
    na, nb = len(fa.split()), len(fb.split())
    # Cheap gate first: a re-worded quote still shares most of its words.
    if not wa or not wb or len(wa & wb) < 0.4 * min(len(wa), len(wb)):
        return False
    if min(na, nb) < QUOTE_MIN_WORDS:
        return False
    if min(na, nb) <= 7:  # short fragments must be the same words
        return fa == fb
    # ... and most of its content words: two different short quotes made of the same
    # function words ("don't say that, we don't ...") are not one quote re-worded.
    ca, cb = _content(wa), _content(wb)
    if len(ca & cb) < 0.6 * min(len(ca), len(cb)) or (ca and cb and not ca & cb):
        return False
    # partial_ratio lets a partial quote match the fuller one it was cut from.
    if max(na, nb) > 2 * min(na, nb):
        return fuzz.partial_ratio(fa, fb) >= QUOTE_MATCH + 5
    return fuzz.ratio(fa, fb) >= QUOTE_MATCH or fuzz.token_set_ratio(fa, fb) >= QUOTE_MATCH + 5


def _names(key: str, display: str, entities: dict[str, Entity]) -> list[str]:
    if key.startswith("e:") and key[2:] in entities:
        ent = entities[key[2:]]
        forms = [ent.name, *ent.aliases]
        return sorted({w for f in forms for w in fold(f).split() if len(w) > 3
                       and w not in _TITLES})
    return [key[2:]] if key.startswith("s:") else [fold(display)]


def _window(text: str, q: Quote) -> str:
    """The quote's own sentence and attribution: up to the nearest line breaks."""
    lo = text.rfind("\n", max(0, q.start - 150), q.start)
    hi = text.find("\n", q.end, q.end + 100)
    lo = max(0, q.start - 150) if lo < 0 else lo
    hi = min(len(text), q.end + 100) if hi < 0 else hi
    return fold(text[lo:q.start] + " " + text[q.end:hi])


def attribution_conflicts(quotes: Sequence[Quote], entities: dict[str, Entity],  # noqa: C901  (one guard per way a quote match is ambiguous; being reworked in compare/)
                          groups: dict[str, str], texts: dict[str, str] | None = None,
                          published: dict[str, str | None] | None = None) -> list[Conflict]:
    """Clusters of one quote (fuzzy text match) given to two or more people. An article that
    names the other version's speaker right beside the quote is ambiguous and left out."""
    texts = texts or {}
    usable = [q for q in quotes if q.kind in ("direct", "partial") and q.text.strip()]
    usable.sort(key=lambda q: (q.article_id, q.start))
    # Imported here: scipy.cluster takes about 0.6 s to import and only grouping needs it.
    from scipy.cluster.hierarchy import DisjointSet

    sets = DisjointSet(range(len(usable)))
    # Two speakers quoting one document ("'treason, bribery, or other high crimes'") say
    # nothing alike: a quote is matched on its own words, without the passages it quotes.
    folded = [fold(_INNER_QUOTE.sub(" ", q.text)) for q in usable]
    wordsets = [set(f.split()) for f in folded]
    characters = sum(map(len, texts.values())) or sum(len(q.text) for q in usable)
    pairs, partial = _quote_pairs(usable, wordsets, characters)
    edges = {(i, j) for i, j in pairs if _same_folded(folded[i], folded[j], wordsets[i],
                                                       wordsets[j])}
    for i, j in edges:
        sets.merge(i, j)
    clusters: dict[int, list[Quote]] = defaultdict(list)
    for i, q in enumerate(usable):
        clusters[sets[i]].append(q)
    out: list[Conflict] = []
    for members in clusters.values():
        by_speaker: dict[str, list[tuple[str, Span]]] = defaultdict(list)
        names: dict[str, str] = {}
        keyed = [(q, _speaker_key(q, entities)) for q in members]
        shown: dict[str, list[str]] = defaultdict(list)
        # A name inside the quote is never its speaker ("'... the Hillary Clinton Email
        # Scandal,' he wrote" given to Clinton): such a resolution holds no side.
        keyed = [(q, None if k is None or _named_inside(q, k, entities) or _weak(q) else k)
                 for q, k in keyed]
        same = _join_spellings([k for _, k in keyed if k is not None])
        for q, key in keyed:
            if key is None:
                continue
            k = same[key[0]]
            by_speaker[k].append((q.article_id, Span(q.article_id, q.start, q.end)))
            shown[k].append(key[1])
        for k, seen in shown.items():  # the commonest spelling, then the fullest
            names[k] = max(sorted(set(seen)), key=lambda n: (seen.count(n), len(n)))
        if len(by_speaker) >= 2 and texts:
            forms = {k: _names(k, names[k], entities) for k in by_speaker}
            for k in list(by_speaker):
                kept = []
                for art, span in by_speaker[k]:
                    q = next(m for m in members if m.article_id == art and m.start == span.start)
                    window = _window(texts.get(art, ""), q).split()
                    if any(fuzz.ratio(w, f) >= 85 for other in by_speaker if other != k
                           for f in forms[other] for w in window):
                        continue
                    kept.append((art, span))
                by_speaker[k] = kept
            by_speaker = defaultdict(list, {k: v for k, v in by_speaker.items() if v})
        # An article that gives the quote to two speakers (a joint statement) holds no side.
        count = Counter(a for v in by_speaker.values() for a in {a for a, _ in v})
        by_speaker = defaultdict(list, {k: kept for k, v in by_speaker.items()
                                        if (kept := [(a, sp) for a, sp in v if count[a] == 1])})
        by_speaker = _linked_sides(by_speaker, usable, edges)
        if len(by_speaker) < 2 or _names_shared(list(by_speaker), names):
            continue
        versions = sorted((conflict_version(names[k], v, groups) for k, v in by_speaker.items()),
                          key=lambda v: (-len(v.article_ids), v.value))
        longest = max(members, key=lambda q: len(q.text)).text
        about = "who said \u201c" + shorten(longest, 12) + "\u201d"
        confidence, why = _attribution_confidence(members, by_speaker, names, published or {})
        if partial:  # other quotes of the story might have joined this one (a joint statement)
            confidence = confidence * DOUBT
            why += (", " if "; doubts: " in why else "; doubts: ") + PART_DOUBT
        out.append(make_conflict("attribution", about, versions, confidence, why))
    return out


def _linked_sides(by_speaker: dict[str, list[tuple[str, Span]]], usable: Sequence[Quote],
                  edges: set[tuple[int, int]]) -> dict[str, list[tuple[str, Span]]]:
    """The sides whose quotes match a quote of another side directly. Matching is one link at
    a time, so a cluster can chain two different quotes through a third that shares words with
    each ("work as hard as I can to make sure that Trump does not become president" and "I'm
    ready to jump in this fight and make sure that Clinton is the next president", both like a
    third version of neither): two speakers with no quote in common are no conflict."""
    at = {(q.article_id, q.start): i for i, q in enumerate(usable)}
    side_of = {at[(a, sp.start)]: k for k, v in by_speaker.items() for a, sp in v}
    linked = {side_of[i] for e in edges if all(x in side_of for x in e)
              and side_of[e[0]] != side_of[e[1]] for i in e}
    return {k: v for k, v in by_speaker.items() if k in linked}


# The doubt of an attribution conflict found in a story over its quote-pair budget.
PART_DOUBT = "judged on part of the story's quote pairs (compare limit)"


def _quote_pairs(usable: Sequence[Quote], wordsets: list[set[str]], characters: int
                 ) -> tuple[Iterable[tuple[int, int]], bool]:
    """The pairs of quotes of different articles to match, and whether they are only part of
    them: every pair while a story's text allows them (`budget.pair_budget`), else each
    quote with at most a share of the budget of quotes of each other article, those sharing
    its rarest words first (`budget.chosen_pairs`); the limit is then recorded."""
    articles = [q.article_id for q in usable]
    tried = pairs_to_try([list(range(len(usable)))], articles, [(0, 0)])
    allowed = pair_budget(characters)
    if tried <= allowed:
        return ((i, j) for i in range(len(usable)) for j in range(i + 1, len(usable))
                if articles[i] != articles[j]), False
    k = share(allowed, len(usable), len(set(articles)))
    note = (f"compare limit: {tried:,} quote pairs among its {len(usable):,} quotes, over the "
            f"{allowed:,} its text allows; each quote was matched with at most {k:,} quotes "
            f"of each other article (the likeliest), and its attribution conflicts are "
            f"possible")
    log.warning("attribution conflicts: %s", note)
    record_limit(note)
    return chosen_pairs(articles, [[] for _ in usable], [frozenset(w) for w in wordsets],
                        [0] * len(usable), {(0, 0)}, k), True


def _attribution_confidence(members: Sequence[Quote], by_speaker: dict[str, list],
                            names: dict[str, str], published: dict[str, str | None]
                            ) -> tuple[float, str]:
    """How sure: the weakest side's speaker confidence (from speaker resolution; 1.0 for a
    resolved speaker until it says otherwise), and whether the sides carry the same quote or
    only a re-worded one."""
    at = {(q.article_id, q.start): q for q in members}
    sides = [[at[(a, sp.start)] for a, sp in v] for v in by_speaker.values()]
    best_of = [max(side, key=lambda q: getattr(q, "speaker_confidence", None) or 1.0)
               for side in sides]
    weakest = min(best_of, key=lambda q: getattr(q, "speaker_confidence", None) or 1.0)
    speaker = getattr(weakest, "speaker_confidence", None) or 1.0
    best = max(fuzz.ratio(fold(x.text), fold(y.text)) for i, a in enumerate(sides)
               for b in sides[i + 1:] for x in a for y in b)
    doubts = []
    if best < NEAR_SAME:
        doubts.append(f"the quotes are only similar (best match {best:.0f}/100)")
    if speaker < SURE_SPEAKER and not _named(weakest.speaker_text):
        doubts.append(f"{WEAK_SPEAKER_DOUBT} (resolution {speaker:.2f})")
    elif speaker < 1.0:
        doubts.append(f"weakest speaker resolution {speaker:.2f}")
    if any(len(_name_words(names[k])) < 2 for k in by_speaker):
        doubts.append(ONE_NAME_DOUBT)
    if max(len(q.text.split()) for q in members) < SHORT_QUOTE_WORDS:
        doubts.append(SHORT_QUOTE_DOUBT)
    if (apart := _days_apart(by_speaker, published)) is not None:
        doubts.append(apart)
    why = ("attribution: one quote (same words, fuzzy match) given to "
           + " vs ".join(names[k] for k in by_speaker)
           + ", each speaker resolved to a named person"
           + (f"; doubts: {', '.join(doubts)}" if doubts else ""))
    confidence = BASE_CONFIDENCE * speaker * DOUBT ** sum(
        d.startswith(("the quotes", ONE_NAME_DOUBT, WEAK_SPEAKER_DOUBT, SHORT_QUOTE_DOUBT,
                      DAYS_APART_DOUBT))
        for d in doubts)
    return confidence, why


# Sides whose outlets wrote this many days apart or more may report two occasions. Chosen
# between the two real cases read (stop 41): the seeds' wire story republished two days later
# (one saying, the defining conflict) and a stock line said on two occasions three days apart.
DAYS_APART = 3
DAYS_APART_DOUBT = "the outlets wrote days apart"


def _days_apart(by_speaker: dict[str, list[tuple[str, Span]]],
                published: dict[str, str | None]) -> str | None:
    """A doubt when two sides' outlets published days apart (real Baly text, stop 41: "The
    United States is fully supportive of Japan", said by a State Department spokeswoman one day
    and by a White House spokesman three days later): the same words said twice."""
    firsts = []
    for v in by_speaker.values():
        days = sorted(d for a, _ in v if (d := parse_iso(published.get(a))) is not None)
        if not days:
            return None
        firsts.append(days[0])
    if (max(firsts) - min(firsts)).days < DAYS_APART:
        return None
    return (f"{DAYS_APART_DOUBT} ({min(firsts)} / {max(firsts)}): the words may have been "
            "said twice")


def _named(words: str | None) -> bool:
    """Whether a speaker phrase is a name as written ("Trump", "James Wilson"), not a pronoun
    or a description ("he", "the president")."""
    parts = (words or "").split()
    return bool(parts) and parts[0].lower() not in _PRONOUNS | {"the", "a", "an"} \
        and all(w[:1].isupper() for w in parts)


def _weak(q: Quote) -> bool:
    conf = q.speaker_confidence
    return conf is not None and conf < MIN_SPEAKER_CONFIDENCE


def _names_shared(keys: list[str], names: dict[str, str]) -> bool:
    """Whether two sides' speakers share a name word ("Tomas Reyes" / "Reyes's State", a
    name the entity stage ran on into the next word): one person, or too close to tell."""
    words = [{w for w in _name_words(names[k]) if len(w) > 2} for k in keys]
    return any(words[i] & words[j] for i in range(len(words)) for j in range(i + 1, len(words)))


def _named_inside(q: Quote, key: tuple[str, str], entities: dict[str, Entity]) -> bool:
    """Whether the speaker's name is inside the quote: for a speaker found through a pronoun
    or a description, any of their names; for one named at the cue, their first name alone
    ("I am heartbroken for Tomas," given to Tomas Reyes): nobody speaks of themself so. A speaker
    named at the cue ("..., Trump said") may name themself or their own organisation in the
    quote ("the Trump campaign")."""
    forms = [f for f in _names(key[0], key[1], entities) if len(f) > 3]
    words = set(fold(q.text).split())
    if set(fold(q.speaker_text or "").split()) & set(forms):
        full = _name_words(key[1])
        return len(full) > 1 and len(full[0]) > 2 and full[0] in words \
            and full[-1] not in words
    return any(f in words for f in forms)
