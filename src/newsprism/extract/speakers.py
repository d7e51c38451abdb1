"""Who a speaker phrase points at, within one article.

People named in the article are grouped by name (surname variants meet, see
`names.same_name_token`); each group remembers the roles and nationalities written with its
names ("Syria's Defense Minister, X" gives {defense, minister} and {syria}). A speaker phrase is
then resolved as:
- a name: to the fullest name of its group ("Qaderi" -> "Karim Qaderi");
- he/she: to the most recent person referred to before it, outside quoted text;
- a description with a person-role head ("the Syrian commander", "the minister"): to the group
  whose roles and nationality fit best (ties: the most recent); a nationality that contradicts
  rules a group out;
- anything else ("a joint statement", "state television", "sources") stays as written.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..model import Mention
from ..text import fold
from .names import PERSON_ROLE_NOUNS, PRONOUNS, demonym_matches, is_title_token, same_name_token

_STOP_POS = frozenset({"VERB", "AUX", "CCONJ", "SCONJ", "PRON"})
_ROLE_ADP = frozenset({"of", "for", "at", "in"})


@dataclass
class Person:
    names: list[str] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    nations: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        return max(self.names, key=lambda n: (len(n.split()), len(n)))

    def matches(self, name: str) -> bool:
        parts, own = name.split(), self.name.split()
        if not parts or not own or not same_name_token(parts[-1], own[-1]):
            return False
        if len(parts) > 1 and len(own) > 1:
            return same_name_token(parts[0], own[0]) or fold(parts[0])[:1] == fold(own[0])[:1]
        return True


class People:
    """The people of one article and the order in which the text refers to them."""

    def __init__(self, doc, mentions: tuple[Mention, ...], quoted: list[tuple[int, int]]):
        self.doc = doc
        self.persons: list[Person] = []
        self._events: list[tuple[int, int]] = []  # (char offset, person index), sorted
        self._quoted = quoted
        self._place_words = {fold(m.text) for m in mentions if m.label in ("GPE", "NORP")}
        by_len = sorted((m for m in mentions if m.label == "PERSON"),
                        key=lambda m: -len(m.text.split()))
        index: dict[tuple[int, int], int] = {}
        for m in by_len:
            index[(m.start, m.end)] = self._group(m.text)
        covered: set[int] = set()
        for m in mentions:
            covered.update(range(m.start, m.end))
            if m.label != "PERSON":
                continue
            k = index[(m.start, m.end)]
            self._add_roles(k, m)
            if not self.in_quote(m.start):
                self.refer(m.start, k)
        # The NER misses names it found elsewhere in the same article (often at a sentence
        # start): a bare surname of a known person still refers to that person.
        surnames = {fold(p.name.split()[-1]): k for k, p in enumerate(self.persons)
                    if len(p.name.split()) > 1}
        if surnames:
            for t in doc:
                if t.pos_ == "PROPN" and t.is_title and t.idx not in covered \
                        and not self.in_quote(t.idx):
                    k2 = self.resolve_name(t.text) if fold(t.text) not in surnames \
                        else surnames[fold(t.text)]
                    if k2 is not None and len(self.persons[k2].name.split()) > 1:
                        self.refer(t.idx, k2)

    def _group(self, name: str) -> int:
        for k, p in enumerate(self.persons):
            if p.matches(name):
                if name not in p.names:
                    p.names.append(name)
                return k
        self.persons.append(Person(names=[name]))
        return len(self.persons) - 1

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self._quoted, (pos, 1 << 62)) - 1
        return i >= 0 and self._quoted[i][0] <= pos < self._quoted[i][1]

    def _add_roles(self, k: int, m: Mention) -> None:
        """Roles and nationalities in the words before the name (and an apposition after)."""
        doc = self.doc
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return
        p = self.persons[k]
        if m.title:
            p.roles.update(fold(m.title).split())
        words: list = []
        i = span.start - 1
        commas = 0
        while i >= 0 and span.start - i <= 12:
            t = doc[i]
            if t.is_sent_end and i != span.start - 1 or t.ent_type_ == "PERSON":
                break
            if t.text == ",":
                commas += 1
                if commas > 1 or words:
                    break
            elif t.pos_ in _STOP_POS or t.pos_ == "ADP" and t.lower_ not in _ROLE_ADP:
                break
            elif t.is_quote or t.text in (";", "(", ")"):
                break
            else:
                words.append(t)
            i -= 1
        j = span.end
        if j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ in ("the", "a", "an"):
            j += 1
            while j < len(doc) and j - span.end < 12 and doc[j].text not in (",", ".", ";") \
                    and doc[j].pos_ not in ("VERB", "AUX"):
                words.append(doc[j])
                j += 1
        for t in words:
            if t.pos_ in ("NOUN", "PROPN", "ADJ") or is_title_token(t.text):
                p.roles.add(fold(t.lemma_ or t.text))
                p.roles.add(fold(t.text))
            if t.ent_type_ in ("GPE", "NORP") or fold(t.text) in self._place_words:
                p.nations.add(fold(t.text))

    def refer(self, pos: int, k: int) -> None:
        bisect.insort(self._events, (pos, k))

    def most_recent(self, pos: int) -> int | None:
        i = bisect.bisect_left(self._events, (pos, -1)) - 1
        return self._events[i][1] if i >= 0 else None

    def resolve_name(self, name: str) -> int | None:
        for k, p in enumerate(self.persons):
            if p.matches(name):
                return k
        return None

    def resolve_description(self, head, pos: int) -> int | None:
        """A role description ("the Syrian commander") -> a person, or None when unsure."""
        tokens = [t for t in head.subtree if t.i <= head.i]
        nations = [t for t in tokens if t.ent_type_ in ("NORP", "GPE")]
        mods = {fold(t.lemma_) for t in tokens if t.pos_ in ("NOUN", "PROPN", "ADJ")}
        head_word = fold(head.lemma_)
        best: tuple[float, int, int] | None = None
        recent = {k: i for i, (_, k) in enumerate(self._events) if _ < pos}
        for k, p in enumerate(self.persons):
            score = 0.5 if head_word in PERSON_ROLE_NOUNS else 0.0
            if nations and p.nations:
                if not any(demonym_matches(n.text, pn) for n in nations for pn in p.nations):
                    continue
                score += 2
            if head_word in p.roles:
                score += 2
            score += sum(1 for w in mods if w != head_word and w in p.roles)
            cand = (score, recent.get(k, -1), -k)
            if best is None or cand > best:
                best = cand
        if best is None:
            return None
        enough = best[0] >= 1 or (best[0] >= 0.5 and len(self.persons) == 1)
        return -best[2] if enough and best[1] >= 0 else None


def pronoun_gender(word: str) -> str | None:
    return PRONOUNS.get(word.lower())
