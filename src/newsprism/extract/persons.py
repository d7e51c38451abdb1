"""A person of one article as speaker resolution sees it (`speakers.People`): the names
grouped as one person, the roles, titles and nationalities written with them, and a gender."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..nlp.loader import tokens_of
from ..text import fold
from .names import (
    GENDERED_TITLES,
    PERSON_ROLE_NOUNS,
    SENTENCE_END,
    is_title_token,
    middle_initials_differ,
    name_gender,
    name_leaning,
    name_suffix,
    patronymic_last,
    same_name_token,
    without_brackets,
    without_suffix,
)


@dataclass
class Person:
    names: list[str] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    # Role words written as the person's title: right before the name ("Gov.", "House Speaker")
    # or in apposition ("X, the governor of Y"); `roles` also holds looser words around it.
    title_roles: set[str] = field(default_factory=set)
    # Roles written as held once ("former President X", "X, the late governor"): they answer
    # only a description that says so too ("the former president").
    past_roles: set[str] = field(default_factory=set)
    nations: set[str] = field(default_factory=set)
    titles: list[str] = field(default_factory=list)
    gender: str | None = None  # "m", "f" or None (unknown: agrees with both pronouns)
    # A surname the article used alone, 3+ times, before naming anyone of that surname in
    # full: someone it took as known, not the namesake named later (see `People`).
    known_surname: bool = False

    def held(self, past: bool) -> tuple[set[str], set[str]]:
        """(roles, title roles) a description may match: with `past` (it says "former" or the
        like), the roles held once too."""
        if not past:
            return self.roles, self.title_roles
        return self.roles | self.past_roles, self.title_roles | self.past_roles

    @property
    def name(self) -> str:
        return max(self.names, key=lambda n: (len(n.split()), len(n)))

    def matches(self, name: str) -> bool:
        parts, own = without_suffix(name.split()), without_suffix(self.name.split())
        if not parts or not own or not same_name_token(parts[-1], own[-1]):
            return False
        if patronymic_last(parts) != patronymic_last(own):
            return False  # "King Salman" is not "Mohammed bin Salman" ("bin Salman" is)
        if patronymic_last(parts) and min(len(parts), len(own)) == 2:
            return True  # "bin Salman": "Mohammed bin Salman" named short
        if name_suffix(name) and name_suffix(name) != name_suffix(self.name):
            return False  # "Trump Jr." is not plain Donald Trump
        if len(parts) > 1 and len(own) > 1:
            if [fold(w) for w in name.split()[len(parts):]] != \
                    [fold(w) for w in self.name.split()[len(own):]]:
                return False  # "Donald Trump Jr." is neither Donald Trump nor his Sr.
            if middle_initials_differ(parts, own):
                return False  # "George H. W. Bush" is not "George W. Bush"
            if same_name_token(parts[0], own[0]):
                return True
            if fold(parts[-1]) != fold(own[-1]) and not _initial(parts[0]) \
                    and not _initial(own[0]):
                return False  # "Bret Baier" is not "Bill Barr": two names, each a variant
            return fold(parts[0])[:1] == fold(own[0])[:1] and not other_genders(parts[0], own[0])
        return True

    def spelled_as(self, name: str) -> bool:
        """One of the person's names ends in `name`'s surname as written, not a variant."""
        parts = without_suffix(name.split())
        return bool(parts) and any(fold(own[-1]) == fold(parts[-1])
                                   for own in map(without_suffix, map(str.split, self.names))
                                   if own)

    def tells(self, gender: str | None, leaning: bool = False) -> bool:
        """The person is known to be of `gender`: told by the article or a one-sided first
        name, or, with `leaning` and nothing told, a first name that leans that way ("Hillary
        Clinton" and "she", round 16). A leaning never rules the other pronoun out (`gender`
        stays None)."""
        if gender is None:
            return False
        if self.gender is not None or not leaning:
            return self.gender == gender
        return self.leanings() == {gender}

    def leans_against(self, gender: str | None) -> bool:
        """Nothing told, and the first name leans to the other gender: no rival for a he/she
        of `gender` ("Bernie Sanders" between "Hillary Clinton" and "she", round 16)."""
        if gender is None or self.gender is not None:
            return False
        leanings = self.leanings()
        return bool(leanings) and gender not in leanings

    def leanings(self) -> set[str]:
        """The genders the person's first names lean to (scripts/build_first_names.py)."""
        return {g for g in (name_leaning(n) for n in self.names) if g is not None}

    def told_gender(self) -> str | None:
        """From titles and first names; evidence for both genders leaves it unknown."""
        seen = ({name_gender(n) for n in self.names}
                | {name_gender("", t) for t in self.titles}) - {None}
        return seen.pop() if len(seen) == 1 else None


def matching(persons: list[Person], name: str) -> list[int]:
    """The persons `name` may be, in order; those it spells as written, when there are any
    ("Barr" is Bill Barr, not Bret Baier, whose surname is only a variant of it)."""
    fits = [k for k, p in enumerate(persons) if p.matches(name)]
    spelled = [k for k in fits if persons[k].spelled_as(name)]
    return spelled or fits


def _initial(word: str) -> bool:
    """"J." or "J": a first name written as its initial."""
    return len(word.rstrip(".")) == 1


def other_genders(a: str, b: str) -> bool:
    """Two first names that share an initial but that the first-name table gives different
    genders ("Mark" and "Mollie", "Andy" and "Alison"): two people of one family, not one
    person written short ("Mike" and "Michael", "J." and "John" still match)."""
    ga, gb = name_gender(f"{a} _"), name_gender(f"{b} _")
    return ga is not None and gb is not None and ga != gb


def without_possessive(name: str) -> str:
    """"Bernie Sanders's" -> "Bernie Sanders": the model sometimes tags a name with its
    possessive ending, and the longest name of a person is the one it is shown by. Only the
    name shown loses the ending; the mentions, and so who is grouped with whom, keep it.
    An editor's brackets go too: "Gov. [Jerry] Brown", tagged "Jerry] Brown"."""
    name = without_brackets(name)
    for end in ("’s", "'s", "’", "'"):
        if name.endswith(end) and len(name) > len(end) + 1 and name[:1].isupper() \
                and (len(end) == 2 or name[-len(end) - 1:-len(end)] == "s"):
            return name[:-len(end)]
    return name


def by_first_name(persons: list[Person], name: str, titled: set[str]) -> int | None:
    """A one-word name the first-name table knows that is the first name of exactly one
    person named in full ("Ivanka said", in an article naming Ivanka Trump and her father):
    that person. Only asked once no one's surname matched, and never for a word the article
    writes alone after a title (`titled`: "Mr. Scott" is a surname, not Scott Gessler)."""
    if len(name.split()) != 1 or name_gender(f"{name} _") is None or fold(name) in titled:
        return None
    hits = [k for k, p in enumerate(persons) if len(p.name.split()) > 1
            and fold(p.name.split()[0]) == fold(name)]
    return hits[0] if len(hits) == 1 else None


def possessed_person(t) -> bool:
    """The name holding token `t` is the possessor of a person ("Cruz's wife is on leave
    from her job": the "her" is the wife's, and tells nothing of Cruz; stop 58, PolNeAR
    train, where it made Ted Cruz a woman). Not of a thing ("Suu Kyi's fate is still
    unclear, but she said": hers)."""
    name = t.head if t.dep_ == "compound" else t
    word = name.head.lemma_.lower()
    return name.dep_ == "poss" and (word in GENDERED_TITLES or word in PERSON_ROLE_NOUNS)


def speaking_full_names(doc, tagged: set[int], speech_lemmas: frozenset[str],
                        org_words: frozenset[str]) -> list[tuple[int, int]]:
    """Token spans of two-word names the NER left untagged, two title-case proper nouns (no
    word of a body's name, `org_words`), as the subject of a verb of saying after it, whose
    second word the article also writes alone, as news writes a surname: "- Adel Nefzi said
    he and many others ...", then "Nefzi" typed GPE everywhere (stop 58, PolNeAR train: his
    "He said Mateen “has not done this ...”" went to another man). Not "Zero Hedge asked"
    (a website, never "Hedge" alone: PolNeAR dev). `tagged`: tokens of the model's
    entities."""
    out = []
    alone: dict[str, int] = {}
    toks = tokens_of(doc)
    for t in toks:
        if t.is_title and (t.i == 0 or toks[t.i - 1].pos_ != "PROPN"):
            alone[t.text] = alone.get(t.text, 0) + 1
    for t in toks:
        first = toks[t.i - 1] if t.i > 0 else None
        if first is None or t.i in tagged or first.i in tagged or t.dep_ != "nsubj" \
                or t.head.lemma_.lower() not in speech_lemmas or t.head.i < t.i:
            continue
        if all(w.pos_ == "PROPN" and w.is_title and w.is_alpha and not is_title_token(w.text)
               and fold(w.text) not in org_words for w in (first, t)) \
                and (first.i == 0 or toks[first.i - 1].pos_ != "PROPN") and alone.get(t.text):
            out.append((first.i, t.i + 1))
    return out


def untagged_subject(doc, t, titled: set[str]) -> bool:
    """A one-word name the NER did not tag as a person (or took for a group: NORP), the
    subject of the sentence's main verb, that the article also writes after a title
    ("Sens. Saxby Chambliss and …", then "Chambliss kicked off ..."). Without the title a
    capitalised subject is as often a thing ("Loyalty, he noted, …"), a firm or a group
    ("the Republican")."""
    if fold(t.lemma_) in PERSON_ROLE_NOUNS or fold(t.text) in PERSON_ROLE_NOUNS \
            or is_title_token(t.text):
        return False  # "The Chairman of … said": a role, resolved as a description
    return t.tag_ == "NNP" and t.dep_ in ("nsubj", "nsubjpass") \
        and t.ent_type_ in ("", "PERSON", "NORP") \
        and t.head.dep_ == "ROOT" and t.head.pos_ in ("VERB", "AUX") \
        and not (t.i > 0 and doc[t.i - 1].pos_ == "PROPN") \
        and not (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN") \
        and fold(t.text) in titled


def namesakes(persons: list[Person]) -> dict[str, list[int]]:
    """Folded surname -> the people named in full with it, in the order of `persons`."""
    out: dict[str, list[int]] = {}
    for k, p in enumerate(persons):
        if len(p.name.split()) > 1:
            out.setdefault(fold(without_suffix(p.name.split())[-1]), []).append(k)
    return out


# Words that make a role one held once.
PAST_QUALIFIERS = frozenset({"former", "ex", "late", "onetime", "erstwhile", "then", "previous"})


# A pronoun looks back over this and the previous paragraph for a salient antecedent; past
# them, only this many characters for any mention (news paragraphs are a few hundred).
PRONOUN_FAR = 1500


def window_start(text: str, pos: int, far: int) -> int:
    """Start of the previous paragraph (lines that hold text) before `pos`, at most `far`
    characters back (`speakers.People`'s pronoun window)."""
    start, lines = pos, 0
    while lines < 2 and start > 0:
        nl = text.rfind("\n", 0, start - 1 if start > 0 else 0)
        # Only lines that end as sentences are paragraphs: an ad slot ("Advertisement
        # Continue reading the main story") or a subhead between two paragraphs about one
        # speaker must not push that speaker out of reach.
        line = text[nl + 1:start].strip()
        if line and (start == pos or line.endswith(SENTENCE_END)):
            lines += 1
        start = nl + 1
        if nl < 0:
            break
    return max(start, pos - far)


# A name labelling its line ("Linda: He knows it will fire up his base", "SMITH: We will"): a
# chat's or a transcript's turn, or a headline's speaker. What follows are that person's own
# words, so a he/she there is neither that person nor the others taking turns (who are "you"
# or named); stop 55, real text: a reporters' chat gave the White House correspondent, then
# her colleague of the turn before, the president's "He knows", and her name his gender.
_LINE_LABEL = re.compile(r"[\"“]?([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):\s")


def _label_of_line(text: str, pos: int) -> re.Match[str] | None:
    """The label (`_LINE_LABEL`) opening the line that holds `pos`, if any."""
    return _LINE_LABEL.match(text, text.rfind("\n", 0, pos) + 1)


def line_label(text: str, pos: int) -> str | None:
    """The name labelling the line that holds `pos`, when `pos` lies after its colon."""
    m = _label_of_line(text, pos)
    return m.group(1) if m is not None and m.end() <= pos else None


def turn_takers(text: str, pos: int, far: int) -> list[str]:
    """When the line holding `pos` is a turn of a dialogue (`line_label`, and another
    labelled line in the pronoun window, `window_start`), the names labelling the lines from
    the window's start to there, its own included; else none. A lone labelled line is a
    headline ("Brooks: Rubio Did Well ... Than He Did"), where "he" may well be another."""
    if line_label(text, pos) is None:
        return []
    out, line = [], text.rfind("\n", 0, window_start(text, pos, far)) + 1
    while line <= pos:
        if (m := _LINE_LABEL.match(text, line)) is not None:
            out.append(m.group(1))
        line = text.find("\n", line) + 1
        if line == 0:
            break
    return out if len(out) >= 2 else []


def labels_line(text: str, start: int) -> bool:
    """The name at `start` opens its line as a label before a colon (`line_label`)."""
    m = _label_of_line(text, start)
    return m is not None and m.start(1) == start
