"""The story stages' fast paths give exactly what the plain computations give (made-up texts
and names; no timing)."""

from __future__ import annotations

import dataclasses
import random
import re

from newsprism.compare.framing import terms_pattern
from newsprism.entities import _generation, _Lookup, linked_mention, person_name, same_person
from newsprism.extract.names import same_name_token
from newsprism.lexicons import load_lexicon
from newsprism.model import Entity, Mention
from newsprism.stories.features import family
from newsprism.stories.frames import OPPOSED_AXES, PREFIX, Frame, frames_opposed, sides_taken
from newsprism.summarize.support import lower_vocabulary, norm, sort_words, vocabulary, words_of


def _plain(terms: list[str]) -> re.Pattern[str]:
    ordered = sorted(terms, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(t) for t in ordered) + r")\b")


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[str, int, int]]:
    return [(m.group(1), m.start(), m.end()) for m in pattern.finditer(text)]


def test_terms_pattern_matches_the_plain_alternation_on_nested_terms():
    terms = ["alt", "alt right", "alt rights", "alter", "al", "so called", "so",
             "regime", "regimes", "re", "thug", "thugs", "a.b", "x+y"]
    texts = ["the alt right and the alt rights, alter egos, an al, so called so",
             "regimes regime reg re regime's thugs thug thugged", "a.b x+y a.bc alt-right",
             "alt righteous alternate also so calledx", ""]
    fast = re.compile(terms_pattern(terms))
    plain = _plain(terms)
    for text in texts:
        assert _matches(fast, text) == _matches(plain, text)
    assert _matches(fast, texts[0])[:3] == [("alt right", 4, 13), ("alt rights", 22, 32),
                                            ("alter", 34, 39)]


def test_terms_pattern_matches_the_plain_alternation_on_the_shipped_lexicon():
    terms = list(load_lexicon())
    rng = random.Random(7)
    fillers = ["the", "report", "said", "s", "ed", "un", "-", ",", "'s", "ly", "x"]
    pieces = terms + fillers
    fast = re.compile(terms_pattern(terms))
    plain = _plain(terms)
    for _ in range(200):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", " ", ". "])
                       for _ in range(40))
        assert _matches(fast, text) == _matches(plain, text)


# --- entities: the lookup's indexes, the direct link -----------------------------------------

def _plain_person_hits(people: list[Entity], article_id: str, text: str) -> list[Entity]:
    """`_Lookup.person_hits` as it was: every person compared with the name, every call."""
    name = person_name(text)
    hits = [e for e in people if name == e.name or name in {person_name(a) for a in e.aliases}]
    if not hits and len(name.split()) > 1:
        hits = [e for e in people if same_person(name, e.name)]
    elif not hits and name:
        hits = [e for e in people if same_name_token(name, e.name.split()[-1])]
    base, gen = _generation(text)
    if gen:
        hits = [e for e in people if _generation(e.name) == (base, gen)] or hits
    if len(hits) > 1:
        hits = [e for e in hits if article_id in e.article_ids]
    return hits


def _person(name: str, aliases: tuple[str, ...], articles: tuple[str, ...]) -> Entity:
    return Entity(id=name.lower().replace(" ", "-"), name=name, type="PERSON", aliases=aliases,
                  article_ids=articles)


def test_person_hits_match_the_plain_scan_on_made_up_people():
    people = [
        _person("Karim Qaderi", ("Gen. Karim Qaderi", "Qaderi's"), ("a1", "a2")),
        _person("Kareem Ghaderi", (), ("a3",)),
        _person("Lina Vanterpool", ("Mrs. Vanterpool",), ("a2",)),
        _person("Ken Vanterpool", ("Vanterpool",), ("a1", "a3")),
        _person("Dana Holt Jr.", ("Holt Jr.",), ("a1",)),
        _person("Dana Holt", ("Holt",), ("a2",)),
        _person("Mohammed bin Tarek", ("Muhammad bin Tarek",), ("a3",)),
        _person("Olu", (), ("a2",)),
    ]
    others = [Entity(id="norland", name="Norland", type="GPE", article_ids=("a1",))]
    find = _Lookup(people + others)
    names = ["Karim Qaderi", "K. Qaderi", "Qaderi", "Ghaderi", "Kareem Ghaderi", "Vanterpool",
             "Mrs. Vanterpool", "L. Vanterpool", "Ken Vanterpool", "Holt", "Dana Holt Jr.",
             "Holt Jr.", "Dana Holt", "Muhammad bin Tarek", "Tarek", "Olu", "Norland",
             "the ministry", "Gen. Qaderi's", "", "Dana"]
    for article_id in ("a1", "a2", "a3", "a9"):
        for text in names * 2:  # the second round is answered from the lookup's memory
            assert find.person_hits(article_id, text) == _plain_person_hits(
                people, article_id, text), (article_id, text)
    assert [e.name for e in find.person_hits("a1", "Vanterpool")] == ["Ken Vanterpool"]
    assert [e.name for e in find.person_hits("a9", "Vanterpool")] == []


def test_linked_mention_is_replace_with_every_field_kept():
    values = {"article_id": "a1", "start": 3, "end": 9, "text": "Gen. Ivo Brandt",
              "label": "PERSON", "entity_id": "old", "title": "Gen.", "sense": "government"}
    assert [f.name for f in dataclasses.fields(Mention)] == list(values)  # a new field: add it
    m = Mention(**values)
    assert linked_mention(m, "e7") == dataclasses.replace(m, entity_id="e7")


# --- stories: opposed frames through each frame's sides ---------------------------------------

def _plain_opposed(x: Frame, y: Frame) -> bool:
    """`frames_opposed` as it was: the sides of both frames counted again for every pair."""
    if not x.predicates or not y.predicates:
        return False
    for axis in OPPOSED_AXES:
        sides = [frozenset(family(w)[:PREFIX] for w in side.split()) for side in axis]
        xs = {k for k, side in enumerate(sides) if x.predicates & side}
        ys = {k for k, side in enumerate(sides) if y.predicates & side}
        if xs and ys and not xs & ys:
            return True
    return False


def test_frames_opposed_matches_the_plain_count_on_made_up_frames():
    words = [w for axis in OPPOSED_AXES for side in axis for w in side.split()[:3]]
    pool = [family(w)[:PREFIX] for w in words] + ["visit", "sign", "meet"]
    rng = random.Random(11)
    made = [Frame(frozenset(rng.sample(pool, rng.randint(0, 3))), frozenset({"thing"}))
            for _ in range(60)]
    made += [Frame(frozenset({family("rise")[:PREFIX]})),
             Frame(frozenset({family("fall")[:PREFIX]}))]
    assert frames_opposed(made[-2], made[-1]) and _plain_opposed(made[-2], made[-1])
    for x in made:
        for y in made:
            assert frames_opposed(x, y) == _plain_opposed(x, y)
    assert sides_taken(made[-2].predicates)[0] == frozenset({0})


# --- summarize: the words' sets, made per text or per distinct word --------------------------

def test_vocabularies_match_the_plain_sets_on_made_up_texts():
    texts = ["Officials in Norland said 1,200 people were evacuated on Tuesday.",
             "the officials said; THE people, evacuated: écoles closed 1.5 km away",
             "", "Crowds gathered. crowds dispersed, Running and running's end"]
    plain = frozenset(norm(w) for t in texts for w in words_of(t))
    assert vocabulary(texts) == plain and vocabulary(texts * 2) == plain
    assert vocabulary([]) == frozenset()
    lower = frozenset(norm(w) for t in texts for w in words_of(t) if w[:1].islower())
    assert lower_vocabulary(texts) == lower and "crowd" in lower and "norland" not in lower
    parts = sort_words("In 2020 the 3rd Officials evacuated ² people", lower)
    assert parts.numbers == ("2020", "3rd", "2") and parts.names == ("official",)  # "²" a digit
