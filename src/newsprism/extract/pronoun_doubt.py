"""When a he/she speaker's antecedent is too unsure to name (round 14, issue 20).

`speakers.People.resolve_pronoun` picks the most recent salient person of the pronoun's gender;
a person whose gender the article never tells (no gendered title, no first name in the table,
no earlier pronoun resolved to them) agrees with both pronouns. On the PolNeAR train tune half,
read by hand, such an antecedent was the right person in about 24 of 44 cases when it was not
a subject or speaker (a plain mention, often a name the NER tagged wrongly: "Trump Tower", "Der
Spiegel", a child's first name) or when another person who agrees was referred to between them
(a woman's words given to "Bernie Sanders", a man's to "Hillary Clinton"). Those resolutions are
capped below `speakers.SPEAKER_MIN_CONFIDENCE`: the speaker stays unresolved, its span kept.
An antecedent of unknown gender that is the most recent subject or speaker with no one between
keeps its confidence (right in 9 of 10 gold-scored cases on the same half). With `Doubts` (a
later he/she does not reach past an unresolved one), 78 quoted he/she speakers of the half were
left unresolved: read by hand, 51 had been right, 23 wrong, 4 unclear.
"""

from __future__ import annotations

from .mentions import name_token
from .names import PERSON_ROLE_NOUNS
from .persons import PRONOUN_FAR, turn_takers

# Below `speakers.SPEAKER_MIN_CONFIDENCE` (0.6): unresolved, and no gender is learnt from it.
CONF_UNSURE = 0.5
# Verbs of going on speaking ("he added", "she continued"), and how far back (characters) the
# speaker who goes on may be.
CONTINUING_LEMMAS = frozenset({"add", "continue"})
CONTINUED_FAR = 1500
# Verbs of replying ("he responded"), and how far back (characters) the question may be.
REPLYING_LEMMAS = frozenset({"respond", "reply", "answer", "retort"})
REPLY_FAR = 400


def unsure_cap(conf: float, known: bool, salient: bool, clause_subject: bool,
               between: bool, far: bool, rival: bool = False) -> float:
    """`conf` of a pronoun resolution, capped at CONF_UNSURE when the antecedent's gender is
    not known to agree and it is neither a subject nor a speaker (`salient`, or the subject of
    a clause), or another agreeing person comes between, or it is out of the window (`far`);
    and also out of the window when it is not the main subject or a speaker while another
    agreeing person is one in that reach (`rival`), even of the right gender ("Mr. Romney ...
    assailed Mr. Obama's health care overhaul. / He called on Americans ... / “…,” he said":
    Obama at 0.7, stop 56). (`clause_subject` is read only when the gender is not known.)"""
    if far and rival and not (salient or clause_subject):
        return min(conf, CONF_UNSURE)
    if known:
        return conf
    if between or far or not (salient or clause_subject):
        return min(conf, CONF_UNSURE)
    return conf


def outranked(doc, chosen: int, rivals: list[int], pronoun: int) -> bool:
    """A rival of the pronoun's gender is the object of the main verb of the sentence right
    before the pronoun's, while the antecedent chosen (the name at char `chosen`, a subject
    or speaker) lies in an earlier sentence: "House Speaker John Boehner said ... / After a
    meeting where Boehner spoke, reporters asked Rep. Walter Jones about the talks. He had
    to answer that he didn't know" is Jones (stop 61, a real article: Boehner at 0.8). Too
    close to call."""
    here, first = name_token(doc, pronoun), name_token(doc, chosen)
    if here is None or first is None or here.sent.start == 0:
        return False
    before = doc[here.sent.start - 1].sent
    if first.sent.start >= before.start or any(
            c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("PRON", "PROPN")
            for c in before.root.children):
        return False  # (not when a name or a he/she is that sentence's subject: "he said Ryan")
    for pos in rivals:
        r = name_token(doc, pos)
        if r is not None and r.sent.start == before.start and r.head.i == before.root.i \
                and r.dep_ in ("dobj", "dative"):
            return True
    return False


def rivals_between(people, chosen: int, last: int, k: int, gender: str | None, pronoun: int
                   ) -> tuple[set[int], bool]:
    """The persons agreeing with the pronoun's gender (none leaning against it) named between
    event `chosen` (person `k`) and event `last` of `people._events`, and whether one of them
    `outranked` the one chosen for the pronoun at char `pronoun`."""
    events = people._events[chosen + 1:last + 1]
    between = {e[1] for e in events if e[1] != k and people.agrees(e[1], gender)
               and not people.persons[e[1]].leans_against(gender)}
    return between, bool(between) and outranked(
        people.doc, people._events[chosen][0], [e[0] for e in events if e[1] in between],
        pronoun)


class Doubts:
    """The he/she speakers of one article left unresolved, so that a later he/she of the same
    gender does not reach past one of them to a person named before it: "…,” she said" left
    unresolved, then "“…,” she added" is the same unknown woman, not the one named before."""

    def __init__(self, threshold: float):
        self.threshold = threshold
        self.unsure: list[tuple[int, str]] = []  # (char offset, gender)
        # Speakers named by a proper noun the NER did not tag (round 16): no person of
        # `People`, so a later he/she cannot be resolved to them, nor past them.
        self.unnamed: list[int] = []
        self.spoke: list[tuple[int, int]] = []  # (char offset, person) of resolved speakers

    def note_speaker(self, head, name: str | None, people) -> None:
        """Remember a speaker phrase headed by an untagged proper noun and shown as written
        ("“…,” said Pierre Vasseur, the company's chief executive" with the name not tagged):
        "“…,” he said" after it is most likely that speaker, whom `people` does not hold; the
        person named before (a company tagged PERSON, real draw of round 14) is not. The
        pronoun is left unresolved."""
        k = people.resolve_name(name) if name else None
        if k is not None:
            self.spoke.append((head.idx, k))
        elif name and head.pos_ == "PROPN" and not head.ent_type_ and head.text[:1].isupper():
            self.unnamed.append(head.idx)

    def resolve(self, people, head, gender: str, skip: frozenset[int]
                ) -> tuple[int | None, float]:
        """`people.resolve_pronoun` (a `speakers.People`) for the he/she `head`, then
        `continued` and `judge`d."""
        pos = head.idx
        # Nor one taking turns in the dialogue whose turn holds the pronoun ("Linda: He").
        skip = skip | {k for k in map(people.resolve_name, turn_takers(
            people.text, pos, PRONOUN_FAR)) if k is not None}
        k, conf = people.resolve_pronoun(pos, gender, skip)
        if k is None:
            return None, 0.0
        k = self.continued(people, head, k, gender)
        k = self.replied(people, head, k, gender)
        if k is None:
            return None, 0.0
        if self._reporter_rivals(people, head, k, gender):
            conf = min(conf, CONF_UNSURE)
        return k, self.judge(pos, gender, conf, people.last_of(pos, k),
                             role_speaker_between(people, people.last_of(pos, k), pos, k, gender,
                                                  self.threshold))

    def replied(self, people, head, k: int, gender: str) -> int | None:
        """`X asked Y, “…?” / “…,” he responded`: who replies was asked, not the one who
        asked (real text, Baly: Gruber's answer given to Issa). The pronoun of a verb of
        replying right after a question whose asker is the antecedent `k` is the person
        asked; None when that person is not one of `people`."""
        if head.dep_ != "nsubj" or head.head.lemma_.lower() not in REPLYING_LEMMAS:
            return k
        last = self._last_speaker(head.idx)
        if last is None or last[1] != k or head.idx - last[0] > REPLY_FAR:
            return k
        doc = people.doc
        asker = doc.char_span(last[0], last[0] + 1, alignment_mode="expand")
        verb = doc[asker.start].head if asker is not None else None
        if verb is None or verb.lemma_.lower() != "ask":
            return k
        asked = [c for c in verb.children if c.dep_ in ("dobj", "dative")
                 and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN")]
        if not asked:
            return k
        name = doc[asked[0].left_edge.i:asked[0].i + 1].text
        other = people.resolve_name(name)
        return other if other is not None and other != k and people.agrees(other, gender) \
            else None

    def continued(self, people, head, k: int, gender: str) -> int:
        """`X said that Y “was not joking.” … He added: “…”`: who adds goes on speaking. When
        the pronoun's antecedent `k` was last referred to as the subject of the clause the
        last speaker reported, in that speaker's own sentence, "he added" is that speaker
        (real text, Baly: McCabe's words given to Rosenstein). Only for verbs of going on."""
        if head.dep_ != "nsubj" or head.head.lemma_.lower() not in CONTINUING_LEMMAS:
            return k
        if (found := self._last_speaker(head.idx)) is None:
            return k
        at, speaker = found
        last = people.last_of(head.idx, k)
        if speaker == k or last <= at or not people.agrees(speaker, gender) \
                or head.idx - at > CONTINUED_FAR:
            return k
        sent = people.doc[people.doc.char_span(at, at + 1, alignment_mode="expand").start].sent
        return speaker if last < sent.end_char else k

    def _reporter_rivals(self, people, head, k: int, gender: str) -> bool:
        """`Mr Comey says Mr Trump angrily denied the claims … He writes that …`, `The former
        FBI head said Mr Trump had tried to pressure him … “…,” he told Mr Stephanopoulos`
        (stop 56, a fresh Baly draw): the he/she of a verb of saying in the sentence right
        after one whose main verb of saying has another agreeing person as its subject, and the
        antecedent `k` inside what that person reported, may be either of the two: neither is
        named. (Verbs of going on are `continued`.)"""
        verb = head.head
        if head.dep_ != "nsubj" or verb.lemma_.lower() not in _SAYING \
                or verb.lemma_.lower() in CONTINUING_LEMMAS or head.sent.start == 0:
            return False
        before = people.doc[head.sent.start - 1].sent
        root = before.root
        if root.lemma_.lower() not in _SAYING or people.in_quote(root.idx):
            return False
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        last = people.last_of(head.idx, k)
        if subj is None or not (subj.idx + len(subj) <= last < before.end_char) \
                or "\n" in people.text[root.idx:last] \
                or not any(c.dep_ == "ccomp" and c.left_edge.idx <= last
                           < c.right_edge.idx + len(c.right_edge) for c in root.children):
            return False  # (not in what was reported: a paragraph the parse ran on after it)
        hi = subj.idx + len(subj)  # (on the subject's own line: the parse may run lines on)
        lo = max(subj.left_edge.idx, people.text.rfind("\n", 0, subj.idx) + 1)
        if any(k2 != k and people.agrees(k2, gender) and people.last_of(hi, k2) >= lo
               for k2 in range(len(people.persons))):
            return True
        # A speaker named by role ("The former FBI head") whom the descriptions do not make `k`.
        return subj.tag_ == "NN" and subj.lemma_.lower() in PERSON_ROLE_NOUNS \
            and people.resolve_description(subj, subj.idx)[0] != k

    def _last_speaker(self, pos: int) -> tuple[int, int] | None:
        """(offset, person) of the last resolved speaker before `pos`, if any."""
        return next((e for e in reversed(self.spoke) if e[0] < pos), None)

    def judge(self, pos: int, gender: str, conf: float, antecedent: int,
              role_between: bool = False) -> float:
        """`conf` of the he/she at `pos` resolved to a person last referred to at
        `antecedent`; capped at CONF_UNSURE when an unresolved he/she of its gender, or a
        speaker named by role alone (`role_between`), lies between the two. Remembers it when
        it ends unresolved."""
        if conf >= self.threshold and (role_between or any(antecedent < p < pos and g == gender
                                                           for p, g in self.unsure)
                                       or any(antecedent < p < pos for p in self.unnamed)):
            conf = min(conf, CONF_UNSURE)
        if conf < self.threshold:
            self.unsure.append((pos, gender))
        return conf


# Verbs of saying whose subject, as the main clause's, is a rival speaker for a later he/she
# (not "called the police", not "if the president demanded it").
_SAYING = frozenset("say tell add state write tweet explain note insist confirm deny announce "
                    "warn argue claim yell shout scream chant exclaim".split())


def role_speaker_between(people, lo: int, hi: int, k: int, gender: str | None = None,
                         sure: float = 0.6) -> bool:
    """Between offsets `lo` and `hi`, outside quotes, the subject of a verb of saying is one
    person named by role alone, whom the article's descriptions surely resolve to another
    person than the antecedent `k`, or to no one sure when it brings someone new in: "A
    spokesman for the US mission told Reuters …" then "“…,” he said" is the
    spokesman, not the man named before him (stop 47, a fresh Baly draw). (A role that
    resolves to `k`, "the governor" for Gov. X, is no rival, nor a "spokesman" for a she.)"""
    span = people.doc.char_span(lo, hi, alignment_mode="expand")
    for t in span if span is not None else ():
        if t.idx <= lo or t.dep_ not in ("nsubj", "nsubjpass") or t.tag_ != "NN" \
                or t.lemma_.lower() not in PERSON_ROLE_NOUNS \
                or t.head.lemma_.lower() not in _SAYING or t.head.dep_ != "ROOT" \
                or people.in_quote(t.idx) \
                or any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in t.children):
            continue
        told = "f" if t.lower_.endswith("woman") else "m" if t.lower_.endswith("man") else None
        if gender not in (None, told or gender):
            continue
        other, conf = people.resolve_description(t, t.idx)
        if other != k and conf >= sure or conf < sure and _someone_new(t):
            return True
    return False


def _someone_new(t) -> bool:
    """A role that brings in someone not named before: "a spokesman", "her spokeswoman",
    "Ukraine's president"; not "the French leader", which most often is the one named."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "one") or c.dep_ == "poss"
               for c in t.children)
