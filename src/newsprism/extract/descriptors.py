"""Descriptors: the words an article uses to name or describe a mention, read from the
article's own dependency parse at extract time (the story stage has no `Doc`).

Appositions ("Key regional ally Norland", "Norland, Tarland's old rival,"), the noun an entity
is "of" ("the rogue regime of Norland"), adjectival and compound modifiers, loaded nouns with
"in" ("the Western-backed regime in X") and predicate nominals ("Norland is a strong
partner"). Each descriptor keeps the spans of other mentions that could own it (its blockers);
`compare_framing.framing` drops it when one belongs to a different entity.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..dates import YEAR_NUMBER
from ..lexicons import load_lexicon
from ..model import Descriptor, Mention
from ..text import STOP, fold

FRAMED_TYPES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
_DETS = {"the", "a", "an", "this", "that", "these", "those"}
_MAX_DESC_WORDS = 8


# Modifiers that locate or date rather than describe ("southern Velmar", "former minister").
_PLAIN_MODS = {"northern", "southern", "eastern", "western", "central", "north", "south",
               "east", "west", "northeastern", "northwestern", "southeastern", "southwestern",
               "northwest", "northeast", "southwest", "southeast", "greater", "upper", "lower",
               "new", "old", "former", "current", "then", "late", "own", "other", "same",
               "whole", "entire", "rest", "part", "state", "city", "country", "capital"}


# What a place is ("the crucial state of Florida"): with "of", a name for the place.
_PLACE_KINDS = frozenset("state nation country territory island city town village region "
                         "province kingdom republic emirate enclave county district "
                         "archipelago peninsula".split())


# Nouns that count or part a group ("54 percent of Republicans", "about a quarter of voters",
# "a majority of Democrats"): they say how many, not what the group is (real text, stop 48).
_COUNT_NOUNS = frozenset("percent percentage quarter half third fifth majority minority "
                         "plurality number share proportion fraction handful dozen dozens "
                         "hundreds thousands millions".split())
_COUNTS = frozenset({"CARDINAL", "PERCENT", "QUANTITY"})


def _counts(toks: list) -> bool:
    """The words count the group rather than describe it: a number on the descriptor's head or
    on the mention ("16 Senate Republicans"; not "three-term governor", nor a year, "the 2016
    nominee"), a count noun as the head ("54 percent of"), or nothing but a number
    ("Sixteen", tagged a name)."""
    ids = {t.i for t in toks}
    if fold(toks[-1].lemma_) in _COUNT_NOUNS:
        return True
    words = [t for t in toks if t.is_alpha or t.like_num]
    if words and all(t.ent_type_ in _COUNTS for t in words):
        return True
    # A year is no count: "a possible 2020 candidate".
    return any(t.dep_ == "nummod" and t.ent_type_ != "DATE"
               and not YEAR_NUMBER.fullmatch(t.text)
               and (t.head.i == toks[-1].i or t.head.i not in ids) for t in toks)


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
    keeping in-word hyphens ("long-time") and possessives ("Tarland's")."""
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


_BRACKETS = frozenset({"(", ")", "[", "]"})


def _parted(doc, left: int, start: int) -> bool:
    """Whether a bracket stands between a noun and a name after it: then the parse's
    apposition is a misreading ("to discuss adoption (the Kremlin, characteristically, ...").
    (A full stop does not part them: "Lt. Col. Peter Lerner" is tokenised with its stops.)"""
    return any(t.text in _BRACKETS for t in doc[left + 1:start + 1])


def descriptors_in(doc, offset: int, mention: Mention,  # noqa: C901  (one case per dependency form of a descriptor)
                   others_typed: Sequence[tuple[int, int, str]] = ()
                   ) -> list[tuple[str, int, int, tuple[tuple[int, int], ...]]]:
    """Descriptors of one mention in a parsed text (the article, or a sentence of it starting
    at `offset`); offsets are article offsets. `others_typed`: (start, end, label) of the
    article's other mentions. A descriptor with another mention standing between it and this
    one, or (for a person) another person's name inside it, may describe that other entity
    ("Defence Minister Lena Haddad" next to "Qaderi"): such mentions come back as its blockers,
    and `framing` drops it when one belongs to a different entity.
    (For places and bodies only a name standing between the two counts: "Key regional ally
    Norland" is fine; "the capital of Iran, Tehran" is not about Tehran's framing.)"""
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
        if _counts(toks):
            return  # "Sixteen Republicans", "54 percent of Republicans": how many, not who
        if len(words) == 1 and words[0] in STOP:
            return  # "one", "this": pronoun-like heads say nothing
        if kind == "in" and not _has_loaded(words):
            return
        if kind == "of" and not _has_loaded(words) and not (
                mention.label in ("GPE", "LOC") and fold(toks[-1].lemma_) in _PLACE_KINDS):
            # "the destabilization of Syria", "a complete stonewalling of Congress", "acting
            # director of the FBI" (stop 56, real story pages) are about it, not names for it;
            # "the US Pacific territory of Guam", "the African nation of Sudan" name a place.
            return
        out.append((text, lo, hi, tuple(sorted(blockers))))

    # "Key regional ally Norland": the mention is the apposition of a describing noun.
    if head.dep_ == "appos" and head.head.pos_ in ("NOUN", "PROPN") and head.head.i < head.i \
            and head.head.dep_ != "pobj" and not _parted(doc, head.head.i, span.start):
        add(_left_run(head.head, inside), "appos")
    # Pre-modifiers outside the name: "the Zionist regime", "Major General Karim Qaderi".
    mods = [c for c in head.lefts if c.i not in inside and c.dep_ in
            ("amod", "compound", "nmod", "poss")]
    if mods:
        first = min(min(t.i for t in m.subtree) for m in mods)
        add([t for t in doc[first:span.start]], "mod")
    for child in head.rights:
        if child.dep_ == "appos" and child.i not in inside:  # "Norland, Tarland's old rival,"
            add(_left_run(child, set()), "appos")
    # "the rogue regime of Norland"; "the Western-backed regime in X" only when loaded:
    # "farmers in X" is a place, not a name for it.
    noun = head.head.head
    # ... unless that noun stands beside another name ("Tarland, a close partner of the EU"
    # describes Tarland, not the EU).
    beside = noun.dep_ in ("appos", "attr") or any(c.dep_ == "appos" for c in noun.children)
    if head.dep_ == "pobj" and noun.pos_ == "NOUN" and not beside:
        if head.head.lower_ == "of":
            add(_left_run(head.head.head, set()), "of")
        elif head.head.lower_ == "in":  # ("outrage from Democrats": theirs, stop 56)
            add(_left_run(head.head.head, set()), "in")
    # "Norland is a strong partner in ...": a predicate nominal describes the subject.
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
