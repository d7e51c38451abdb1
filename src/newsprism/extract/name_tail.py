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
