"""A person name the NER ran on into the lower-case words after it (issue 20, round 16, real
Baly draw 401): "she finds Trump un-presidential" was tagged PERSON "Trump un-presidential",
a person of its own with no gender, and a later "she said" went to it. English names hold
lower-case words only as particles ("Ludwig van Beethoven", "Odile de Rugal", "Khalid bin
Salman", "Ali al-Hamid")."""

from __future__ import annotations

NAME_PARTICLES = frozenset("de van von da di du le la del della der den des dos das bin ben "
                           "ibn bint binti bat al el y e ter ten zu st".split())


def lower_tail_end(doc, start: int, end: int) -> int:
    """Token end of the person span `doc[start:end]` cut before its first lower-case word
    that is not a name particle (the span keeps at least its first token)."""
    for k in range(start + 1, end):
        t = doc[k]
        # (after a space: "Soon-jik", "Ki-moon" are one hyphenated name)
        if t.is_alpha and t.is_lower and t.lower_ not in NAME_PARTICLES \
                and doc[k - 1].whitespace_:
            return k
    return end


def role_apposed(doc, start: int, end: int, tagged: set[int]) -> int | None:
    """The first token of a person's name typed otherwise by the NER whose last word takes a
    person's role as an apposition ("Reince Priebus, the GOP chairman, this past week
    announced ...": "Priebus" typed ORG, "Reince" untagged; stop 58, PolNeAR train, where his
    “…,” he said went to Trump), with up to two untagged title-case proper nouns before it
    (`tagged`: tokens of other entities). None when the words are no such name."""
    from .names import PERSON_ROLE_NOUNS, is_title_token

    span = doc[start:end]
    last = span[-1]
    if not all(t.pos_ == "PROPN" and t.is_title and not is_title_token(t.text) for t in span) \
            or end >= len(doc) or doc[end].text != ",":
        return None
    if not any(c.dep_ == "appos" and c.i > end and c.lemma_.lower() in PERSON_ROLE_NOUNS
               and any(d.dep_ == "det" and d.lower_ in ("the", "a", "an") for d in c.children)
               for c in last.children):
        return None
    k = start
    while k > 0 and start - k < 2 and k - 1 not in tagged and doc[k - 1].pos_ == "PROPN" \
            and doc[k - 1].is_title and not is_title_token(doc[k - 1].text):
        k -= 1
    return k
