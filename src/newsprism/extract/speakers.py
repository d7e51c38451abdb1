"""Who a speaker phrase points at, within one article.

People named in the article are grouped by name (surname variants meet: `names.same_name_token`);
each group keeps the roles and nationalities written with its names ("Syria's Defense Minister,
X": {defense, minister} and {syria}). A speaker phrase is then resolved as:
- a name: to the fullest name of its group ("Qaderi" -> "Karim Qaderi");
- he/she: to a person of the same gender (title, first-name table, earlier pronouns; unknown
  agrees with both), the most recent subject or speaker in this or the previous paragraph
  before the most recent name (objects and addressees are referred to, not salient);
- a description with a person-role head ("the Syrian commander", "the governor"): to the group
  whose roles (titles with their aliases: "Gov." is "governor") and nationality fit best; a
  nationality that contradicts rules a group out;
- anything else ("a joint statement", "sources") stays as written. Every resolution has a
confidence (0..1); below `SPEAKER_MIN_CONFIDENCE` it stays unresolved."""

from __future__ import annotations

import bisect

from ..model import Mention
from ..nlp.loader import text_of, tokens_of
from ..text import fold
from .claims import SPEECH_VERBS
from .described import described_subjects, main_verb, opens_sentence
from .mentions import clause_subject
from .names import (
    GENDERED_TITLES,
    PERSON_ROLE_NOUNS,
    PRONOUNS,
    aside_name,
    demonym_matches,
    early_surnames,
    first_namesakes,
    is_title_token,
    name_gender,
    name_suffix,
    role_words,
    titled_words,
    token_roles,
    without_suffix,
)
from .persons import (
    PAST_QUALIFIERS,
    PRONOUN_FAR,
    Person,
    by_first_name,
    labels_line,
    matching,
    namesakes,
    possessed_person,
    untagged_subject,
    window_start,
)
from .pronoun_doubt import CONF_UNSURE, rivals_between, unsure_cap
from .spans import in_reported_clause, reported_by_no_one, reporting_aside

_STOP_POS = frozenset({"VERB", "AUX", "CCONJ", "SCONJ", "PRON"})
_ROLE_ADP = frozenset({"of", "for", "at", "in"})
_SUBJECT = frozenset({"nsubj", "nsubjpass"})

# Below this a speaker stays unresolved (None, with its span): a wrong speaker does more harm
# than a missing one (it can make a false attribution conflict). Set on PolNeAR train.
SPEAKER_MIN_CONFIDENCE = 0.6
# Pronoun confidence: an antecedent whose gender is known to agree, one of unknown gender, and
# what another agreeing person referred to between them costs (less when the one chosen is a
# subject or speaker and the other is not).
CONF_GENDER_KNOWN = 0.95
CONF_GENDER_UNKNOWN = 0.85
COST_BETWEEN_SALIENT = 0.15
COST_BETWEEN_PLAIN = 0.3
COST_OUT_OF_WINDOW = 0.25
# Description confidence: its head is one of the person's roles ("the governor" for "Gov. X"),
# only a modifier fits ("the Syrian official"), or the article names one person only; two who
# fit as well leave it unresolved ("the judge" with two judges named).
CONF_ROLE_MATCH = 0.9
# A bare surname two people share: the one the paragraphs refer to, else the most recent (right
CONF_SHARED_SURNAME_NEAR = 0.75  # in all 6 such cases of PolNeAR train 1-60; above the threshold)
CONF_SHARED_SURNAME = 0.65
TITLE_REACH = 4  # tokens before a name that can still be its title ("Syria's Defense Minister,")
# Title words that make another office: "the president" is not the vice president.
SUBORDINATE_ROLES = frozenset({"vice", "deputy", "assistant", "acting", "lieutenant"})
# Of those, the ones a description must find in the person's title too ("its senior vice
# president" is no president); a "lieutenant colonel" may be written "Col.".
SECOND_ROLES = frozenset({"vice", "deputy", "assistant"})
CONF_MODIFIER_MATCH = 0.75
CONF_ONLY_PERSON = 0.65
COST_TIE = 0.4

# "the younger Mr. X" is the Jr., "the elder Mr. X" the one without it (or the Sr.).
QUALIFIERS = {"younger": "jr", "junior": "jr", "elder": "sr", "older": "sr", "senior": "sr"}
CONF_QUALIFIED = 0.9



class People:
    """The people of one article and the order in which the text refers to them."""

    def __init__(self, doc, mentions: tuple[Mention, ...], quoted: list[tuple[int, int]]):
        self.doc = doc
        self.text = text_of(doc)
        self.persons: list[Person] = []
        # (char offset, person index, salient): salient = a subject or a speaker there.
        self._events: list[tuple[int, int, bool]] = []
        self._quoted = quoted
        self._place_words = {fold(m.text) for m in mentions if m.label in ("GPE", "NORP")}
        self._titled, self._lone_titled = titled_words(doc), titled_words(doc, lone=True)
        by_len = sorted((m for m in mentions if m.label == "PERSON"),
                        key=lambda m: -len(m.text.split()))
        index: dict[tuple[int, int], int] = {}
        early = early_surnames(by_len, lambda n: fold(without_suffix(n.split())[-1]), self.text)
        first = first_namesakes(by_len, lambda n: fold(without_suffix(n.split())[-1]))
        for m in by_len:
            index[(m.start, m.end)] = self._early(m.text) if (m.start, m.end) in early \
                else self._group(first.get((m.start, m.end), m.text), name_gender("", m.title)
                                 if len(m.text.split()) == 1 else None)
        covered: set[int] = set()
        groups: set[int] = set()  # NORP mentions: the NER's guess for some lone surnames
        for m in mentions:
            (groups if m.label == "NORP" else covered).update(range(m.start, m.end))
            if m.label != "PERSON":
                continue
            k = index[(m.start, m.end)]
            self._add_roles(k, m)
            if not self.in_quote(m.start) and not aside_name(self.text, m.start, m.end):
                self.refer(m.start, k, self._is_subject(m.start, m.end))
        # The NER misses names it found elsewhere in the article (often at a sentence start):
        # a bare surname of a known person still refers to that person.
        surnames = namesakes(self.persons)
        for t in tokens_of(doc):
            # (a known surname opening a sentence may be tagged a plural noun: "Sessions")
            if (t.pos_ == "PROPN" or t.is_sent_start and fold(t.text) in surnames) \
                    and t.is_title and t.idx not in covered and not self.in_quote(t.idx) \
                    and not (t.dep_ == "compound" and t.head.pos_ in ("NOUN", "PROPN")):  # X Inc.
                same = surnames.get(fold(t.text), [])  # two namesakes: as a speaker
                k2 = self.resolve_name(t.text) if not same else same[0] if len(same) == 1 \
                    else self.name_confidence(t.text, t.idx)[0]
                if k2 is not None and len(self.persons[k2].name.split()) > 1:
                    if t.idx not in groups:
                        self.refer(t.idx, k2, t.dep_ in _SUBJECT or bool(t.is_sent_start))
                elif k2 is None and untagged_subject(self.doc, t, self._titled):
                    # "Chambliss kicked off ... “…” He added" with "Chambliss" not tagged
                    # PERSON: a person of its own, so "he" is not someone named before.
                    self.refer(t.idx, self._group(t.text), True)
        for p in self.persons:
            p.gender = p.told_gender()
        self._pronoun_evidence()
        described_subjects(self, SPEAKER_MIN_CONFIDENCE)

    def _pronoun_evidence(self) -> None:
        """"Sen. X called out his rival": a sentence whose only person is its main subject,
        and whose pronouns after the name (outside quotes) are all of one gender, tells X's
        gender; it outranks the first-name table (what is usual), not a gendered title."""
        by_sent: dict[int, list[tuple[int, int, bool]]] = {}
        for e in self._events:
            by_sent.setdefault(self.doc[self._tok(e[0])].sent.start, []).append(e)
        told: dict[int, set[str]] = {}
        reported: set[int] = set()  # people told only by pronouns inside a reported clause
        for events in by_sent.values():
            if len({k for _, k, _ in events}) != 1 or not events[0][2]:
                continue
            p0, k, _ = events[0]
            if self._namesakes(p0, k) or labels_line(self.text, p0):  # "Linda: He knows"
                continue  # "Clinton ... his" with Bill and Hillary Clinton named: either
            if possessed_person(self.doc[self._tok(p0)]):
                continue  # "Cruz's wife is on leave from her job": hers (stop 58, PolNeAR)
            sent = self.doc[self._tok(p0)].sent
            # Not the subject of a verb of saying: in "X, he claimed, ..." someone else
            # speaks about X. Not an object pronoun: in "X assaulted her" she is someone
            # else.
            toks = [t for t in sent if t.lower_ in PRONOUNS
                    and t.idx > p0 and "\n" not in self.text[p0:t.idx] and not self.in_quote(t.idx)
                    and not (t.tag_ == "PRP" and t.dep_ not in _SUBJECT) and not (
                        t.dep_ in _SUBJECT and t.head.lemma_.lower() in SPEECH_VERBS)]
            seen = {PRONOUNS[t.lower_] for t in toks}
            if len(seen) == 1:
                if (k not in told or k in reported) and not all(map(in_reported_clause, toks)):
                    reported.discard(k)
                elif k not in told:
                    reported.add(k)
                told.setdefault(k, set()).update(seen)
        for k, genders in told.items():
            person = self.persons[k]
            titled = any(GENDERED_TITLES.get(fold(w)) for t in person.titles for w in t.split())
            # Sentences that disagree ("his property", "her attractiveness") tell nothing.
            # "Susan X said he stood up": a pronoun in the clause X reports is often someone
            # else; alone it does not overrule the first-name table.
            if len(genders) == 1 and not titled \
                    and not (k in reported and person.gender is not None):
                person.gender = genders.pop()

    def _tok(self, char: int) -> int:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span.start if span is not None else 0

    def _is_subject(self, start: int, end: int) -> bool:
        """A subject, or a name opening its sentence (what the sentence is about, also when
        the parse goes wrong: "Ayoub, for his part, lauded ..." read as a modifier)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        if opens_sentence(span):
            return True
        root = span.root
        while root.dep_ in ("compound", "flat", "appos", "conj") and root.head.i != root.i \
                and not (root.dep_ == "compound" and root.head.pos_ == "NOUN") \
                and not (root.dep_ == "conj" and root.pos_ == "NOUN"):
            root = root.head  # (not "X supporter", nor "X, the son of Y and his wife Z")
        # The subject of a main clause; not of a reported one ("Cox says Obama is trying":
        # Obama is what Cox talks about, Cox the one a following "he says" continues).
        verb = root.head
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            if self.in_quote(verb.head.idx) and not self.in_quote(verb.idx):
                # `“You go first,” and X sighed`: the parser hangs the narration on the
                # quote's verb; X's clause is a main clause of the writer's.
                return root.dep_ in _SUBJECT
            verb = verb.head
        after = span.end + 1  # "X's envoy to the UK, Name, apologised": the name set off ends it
        if root.dep_ not in _SUBJECT and after < len(self.doc) and self.doc[span.end].text == "," \
                and self.doc[span.start - 1].text == "," and (s := next((
                    c for c in self.doc[after].children if c.dep_ in _SUBJECT and c.pos_ == "NOUN"
                    and c.i < span.start <= c.right_edge.i), None)) is not None:
            root, verb = s, self.doc[after]
        if root.dep_ not in _SUBJECT:
            return False
        return main_verb(verb) or reported_by_no_one(verb) or reporting_aside(verb)

    def _early(self, name: str) -> int:
        """The person of a surname used alone before its article names a namesake."""
        for k, p in enumerate(self.persons):
            if p.known_surname and p.matches(name):
                return k
        self.persons.append(Person(names=[name], known_surname=True))
        return len(self.persons) - 1

    def _group(self, name: str, gender: str | None = None) -> int:
        """`name`'s person (new if none); a titled surname's `gender` ("Mrs. X") must fit."""
        for k in matching(self.persons, name):
            p = self.persons[k]
            if not p.known_surname and gender in (None, name_gender(p.name) or gender):
                if name not in p.names:
                    p.names.append(name)
                return k
        if (first := by_first_name(self.persons, name, self._lone_titled)) is not None:
            return first  # "her sister, Tiffany" in an article naming Tiffany Trump
        self.persons.append(Person(names=[name]))
        return len(self.persons) - 1

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self._quoted, (pos, 1 << 62)) - 1
        return i >= 0 and self._quoted[i][0] <= pos < self._quoted[i][1]

    def _add_roles(self, k: int, m: Mention) -> None:  # noqa: C901  (one case per word form before or after a name)
        """Roles and nationalities in the words before the name (and an apposition after)."""
        doc = self.doc
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return
        p = self.persons[k]
        words: list = []
        i = span.start - 1
        commas = 0
        possessive = span.end < len(doc) and doc[span.end].tag_ == "POS"  # "Stone's"
        while i >= 0 and span.start - i <= 12:
            t = doc[i]
            if t.is_sent_end and i != span.start - 1 or t.ent_type_ == "PERSON" \
                    or "\n" in t.text_with_ws:
                break  # (a role word on the line before is not the name's title)
            if t.text == ",":
                commas += 1
                if commas > 1 or words or possessive:
                    break  # ("the defendant's attorney, Stone's charges": not his title)
            elif t.pos_ in _STOP_POS or t.pos_ == "ADP" and (t.lower_ not in _ROLE_ADP or all(
                    is_title_token(w.text) for w in words) and not is_title_token(doc[i - 1].text)):
                break  # ("the daughter of [Sen.] X"; not "the secretary of state, X")
            elif t.is_quote or t.text in (";", "(", ")"):
                break
            else:
                words.append(t)
            i -= 1
        j = span.end
        # "X, the governor of Y," / "X, governor of Y," / "X, a senator from Y,": apposition;
        # its title is the words before the first preposition ("an assistant to the
        # president" is an assistant).
        appos_title: set[int] = set()
        if j + 1 < len(doc) and doc[j].text == "," and (
                doc[j + 1].lower_ in ("the", "a", "an") or doc[j + 1].dep_ == "appos"
                or fold(doc[j + 1].lemma_) in PERSON_ROLE_NOUNS):
            j += 1
            in_title = True
            while j < len(doc) and j - span.end < 12 and doc[j].text not in (",", ".", ";") \
                    and doc[j].pos_ not in ("VERB", "AUX") and not doc[j].is_quote:
                in_title = in_title and doc[j].pos_ not in ("ADP", "CCONJ")
                if in_title and doc[j].pos_ == "NOUN":
                    appos_title.add(j)
                words.append(doc[j])
                j += 1
        # "former President X", "X, the late governor": a role held once names no one now.
        past = bool(role_words([*(m.title or "").split(), *(t.text for t in words)])
                    & PAST_QUALIFIERS)
        roles, title_roles = (p.past_roles, p.past_roles) if past else (p.roles, p.title_roles)
        if m.title:
            roles.update(role_words(m.title.split()))
            title_roles.update(role_words(m.title.split()))
            p.titles.append(m.title)
        for t in words:
            if t.pos_ in ("NOUN", "PROPN", "ADJ") or is_title_token(t.text):
                roles.update(token_roles(t))
            before = t.i < span.start and span.start - t.i <= TITLE_REACH and (
                is_title_token(t.text) or fold(t.lemma_) in PERSON_ROLE_NOUNS)
            if before or t.i in appos_title:
                title_roles.update(token_roles(t))
            if t.ent_type_ in ("GPE", "NORP") or fold(t.text) in self._place_words:
                p.nations.add(fold(t.text))
            g = GENDERED_TITLES.get(fold(t.text))
            if g:
                p.titles.append(t.text)

    def refer(self, pos: int, k: int, salient: bool = False) -> None:
        bisect.insort(self._events, (pos, k, salient))

    def last_of(self, pos: int, k: int) -> int:
        """Where the text last referred to person `k` before `pos` (-1: never)."""
        return max((e[0] for e in self._events if e[0] < pos and e[1] == k), default=-1)

    def _window_start(self, pos: int) -> int:
        return window_start(self.text, pos, PRONOUN_FAR)

    def agrees(self, k: int, gender: str | None) -> bool:
        g = self.persons[k].gender
        return gender is None or g is None or g == gender

    def resolve_pronoun(self, pos: int, gender: str | None, skip: frozenset[int] = frozenset()
                        ) -> tuple[int | None, float]:
        """he/she at `pos` -> (person, confidence). The most recent subject or speaker of the
        same gender in this or the previous paragraph, else a clause's subject or the most
        recent mention there, else the most recent within PRONOUN_FAR characters (less sure).
        Never one in `skip` (the addressees of the pronoun's own cue)."""
        i = bisect.bisect_left(self._events, (pos, -1, False)) - 1
        lo = self._window_start(pos)
        chosen = plain = None
        j = i
        known = None  # the most recent whose gender is known to agree
        while j >= 0 and self._events[j][0] >= lo:
            p, k, salient = self._events[j]
            k = self._namesake(p, k, gender) if salient else k
            if k not in skip and self.agrees(k, gender):
                plain = plain if plain is not None else j
                if known is None and gender and self.persons[k].gender == gender:
                    known = j
                if salient:
                    chosen = j
                    break
            j -= 1
        # No subject or speaker: one known to be of that gender outranks a more recent one of
        # unknown gender ("advice from X on Brexit talks: He suggested": "Brexit" a PERSON).
        plain = known if known is not None else plain
        far = False
        if chosen is None and plain is not None:  # no main subject: a clause's outranks an object
            chosen = next((w for w in range(i, j, -1) if self._events[w][1] not in skip
                           and self.agrees(self._events[w][1], gender)
                           and clause_subject(self.doc, self._events[w][0])), plain)
        if chosen is None:
            j = i
            while j >= 0 and self._events[j][0] >= pos - PRONOUN_FAR:
                if self._events[j][1] not in skip and self.agrees(self._events[j][1], gender):
                    chosen, far = j, True
                    break
                j -= 1
        if chosen is None:
            return None, 0.0
        k, salient = self._events[chosen][1], self._events[chosen][2]
        k = self._namesake(self._events[chosen][0], k, gender) if salient else k
        between, outranked = rivals_between(self, chosen, i, k, gender, pos)
        known = self.persons[k].tells(gender, leaning=salient and not far and not between)
        conf = CONF_GENDER_KNOWN if known else CONF_GENDER_UNKNOWN
        conf -= (COST_BETWEEN_SALIENT if salient else COST_BETWEEN_PLAIN) if between else 0.0
        conf = min(conf, CONF_UNSURE) if outranked else conf
        conf -= COST_OUT_OF_WINDOW if far else 0.0
        subj = not known and bool(clause_subject(self.doc, self._events[chosen][0]))
        rival = far and any(e[2] and e[1] != k and self.agrees(e[1], gender) for e in
                            self._events[:chosen] if e[0] >= pos - PRONOUN_FAR)
        return k, round(unsure_cap(conf, known, salient, subj, bool(between), far, rival), 2)

    def _namesake(self, pos: int, k: int, gender: str | None) -> int:
        """A bare surname subject at `pos` grouped with `k` whose gender disagrees with the
        pronoun's ("Clinton" with Bill and Hillary named): the one namesake of that gender."""
        if gender is None or self.persons[k].gender in (None, gender):
            return k
        other = [k2 for k2 in self._namesakes(pos, k) if self.persons[k2].gender == gender]
        return other[0] if len(other) == 1 else k

    def _namesakes(self, pos: int, k: int) -> list[int]:
        """Others named in full whom the bare surname at `pos` (grouped with `k`) may mean."""
        word = (self.text[pos:pos + 40].split(maxsplit=1) or [""])[0].strip(".,;:’'")
        if not word or not self.persons[k].matches(word):
            return []
        return [k2 for k2, p in enumerate(self.persons)
                if k2 != k and len(p.name.split()) > 1 and p.matches(word)]

    def learn_gender(self, k: int, gender: str | None) -> None:
        """A pronoun resolved with confidence to a person of unknown gender tells it."""
        if gender and self.persons[k].gender is None:
            self.persons[k].gender = gender

    def resolve_name(self, name: str) -> int | None:
        k = next(iter(matching(self.persons, name)), None)
        return k if k is not None else by_first_name(self.persons, name, self._lone_titled)

    def name_confidence(self, name: str, pos: int, qualifier: str | None = None,
                        gender: str | None = None) -> tuple[int | None, float]:
        """A name -> (person, confidence): sure when one person matches; a bare surname two
        share ("Trump" beside "Donald Trump Jr.") goes to the one this or the previous paragraph
        refers to (of two, the one it has as a subject or speaker: "Mr. Biden …, joined by his
        wife, Jill Biden", then "Biden said" is Joe; of two subjects named in one sentence, the
        first: "Joe Biden and Jill Biden received …"), else to the most recent, less sure. A
        qualifier ("jr": "the younger Mr. X", "sr": "the elder") must fit; none or two fit:
        unresolved. `gender` ("Mrs. X") keeps the people of that gender or none known."""
        cands = [k for k in matching(self.persons, name) if self.agrees(k, gender)]
        if qualifier is not None:
            suffixes = {k: name_suffix(self.persons[k].name) for k in cands}
            fit = [k for k in cands if suffixes[k] == qualifier]
            if not fit and qualifier == "sr" and "jr" in suffixes.values():
                fit = [k for k in cands if suffixes[k] is None]
            return (fit[0], CONF_QUALIFIED) if len(fit) == 1 else (None, 0.0)
        if len(cands) <= 1:  # (a lone first name: `resolve_name`, as sure as a near namesake)
            k = cands[0] if cands else by_first_name(self.persons, name, self._lone_titled)
            return (k, 1.0 if cands else CONF_SHARED_SURNAME_NEAR) if k is not None else (None, 0.0)
        known = [k for k in cands if self.persons[k].known_surname]
        if len(known) == 1 and len(name.split()) == 1:
            # the article used this surname alone for one person before naming a namesake
            return known[0], CONF_SHARED_SURNAME_NEAR
        lo = self._window_start(pos)
        near = {k for p0, k, _ in self._events if lo <= p0 < pos} & set(cands)
        salient = {k for p0, k, s in self._events if lo <= p0 < pos and s} & near
        first = {k: self._tok(min(p0 for p0, k2, _ in self._events if k2 == k)) for k in salient}
        if len(near) == 1 or len({self.doc[i].sent.start for i in first.values()}) == 1:
            return min(salient or near, key=lambda k: first.get(k, 0)), CONF_SHARED_SURNAME_NEAR
        recent = [k for p0, k, _ in self._events if p0 < pos and k in cands]
        return (recent[-1] if recent else cands[0]), CONF_SHARED_SURNAME

    def resolve_description(self, head, pos: int) -> tuple[int | None, float]:  # noqa: C901  (nation, role and recency tests of one choice)
        """A role description ("the Syrian commander", "the governor") -> (person,
        confidence); (None, 0) when no person fits or two fit equally."""
        tokens = [t for t in head.subtree if t.i <= head.i]
        nations = [t for t in tokens if t.ent_type_ in ("NORP", "GPE")]
        mods = role_words(t.lemma_ for t in tokens
                          if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.i != head.i)
        heads = token_roles(head)  # ("the inspector general": one role, as in a title)
        gender = GENDERED_TITLES.get(fold(head.text)) or {"man": "m", "woman": "f"}.get(
            head.lower_)
        scored: list[tuple[float, int, int]] = []
        recent: dict[int, int] = {}
        for n, (p0, k, _) in enumerate(self._events):
            if p0 < pos:
                recent[k] = n
        for k, p in enumerate(self.persons):
            if not self.agrees(k, gender):
                continue
            score = 0.5 if heads & PERSON_ROLE_NOUNS else 0.0
            roles, title_roles = p.held(bool(mods & PAST_QUALIFIERS))
            if nations and p.nations:
                if not any(demonym_matches(n.text, pn) for n in nations for pn in p.nations):
                    continue
                score += 2
            if heads & title_roles:
                score += 2
            elif heads & roles:
                score += 1
            below = (p.title_roles | p.past_roles) & SUBORDINATE_ROLES
            if below - mods or mods & SECOND_ROLES - below:
                continue  # "the president" is not the vice president, nor the other way
            score += len((mods - heads) & roles)
            if k in recent:
                scored.append((score, recent[k], k))
        if not scored:
            return None, 0.0
        best = max(scored)
        lo, k0, reach = self._window_start(pos), best[2], pos - PRONOUN_FAR
        if not any(k == k0 and (sal or p0 >= reach) for p0, k, sal in self._events if p0 < pos) \
                and any(reach <= p0 < pos for p0, _, _ in self._events):
            return None, 0.0  # named in passing far back: not "the President" of another's text
        if best[0] >= 2:
            conf = CONF_ROLE_MATCH
        elif best[0] >= 1:
            conf = CONF_MODIFIER_MATCH
        elif len(self.persons) == 1 and not any(c.dep_ == "poss" for c in head.children):
            conf = CONF_ONLY_PERSON  # (not "her spokeswoman": the one named is her)
        else:
            return None, 0.0
        tied = [c for c in scored if c[0] == best[0]]
        if len(tied) > 1:
            # Of two "presidents", the only one the paragraph (or the one before) names as subject.
            ks = {c[2] for c in tied}
            near = [(k, sal) for p0, k, sal in self._events if lo <= p0 < pos and k in ks]
            if len({k for k, _ in near}) == 1 and any(sal for _, sal in near):
                return near[0][0], CONF_MODIFIER_MATCH
            conf -= COST_TIE
        return best[2], round(conf, 2)

