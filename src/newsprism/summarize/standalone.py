"""Sentences that stand alone: read out of their article, a summary sentence must still say who
did what and who said it.

- Datelines ("WASHINGTON —", "DAMASCUS (Dispatches) --", "(CNN) —") are cut from the start.
- Bylines, photo credits and page furniture are no sentence at all.
- A personal pronoun outside quotes ("he told reporters") is replaced by the person it points
  at: the quote's resolved speaker when the pronoun introduces a quote, else the one person
  the nearest earlier sentence of the article names. When that is not one person, or the
  pronoun is "it"/"they" with nothing before it in the sentence it could point at (their
  antecedent is rarely a person we can name), the sentence is dropped: a wrong name is worse
  than a missing sentence.
- A bare quote (quote marks and hardly a word outside them) gets its speaker ("X said: ...")
  from the extract stage's quotes, or is dropped.
The name put in comes with the span where the article writes it, so the support check finds
it in the sentence's evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Mention, Span, StoryContext
from ..text import fold
from .cutoff import ELLIPSIS as _ELLIPSIS
from .cutoff import SAYING, elided, named_after_quote, trim_cut_off
from .neutral import PLACE_AGENCY, QUOTED
from .select import STOPWORDS

_DASH = r"(?:—|–|--|-)"
_DATELINE = re.compile(
    r"^(?:\([A-Z][\w .&-]{0,30}\)\s*" + _DASH + r"\s*"  # (CNN) —
    r"|\([A-Z][A-Za-z.&' -]{1,30}\)\s*(?=[A-Z“\"])"  # (Harbor Post)The storm ..., no dash
    r"|" + PLACE_AGENCY
    + _DASH + r"?\s*(?=[A-Z“\"])"  # Miami (CNN) There were ...: a place, its agency, no dash
    r"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2},\s*[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?\s+" + _DASH
    + r"\s+(?=[A-Z“\"])"  # Charlotte, North Carolina - With ...: a city, its state, a dash
    r"|[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+)*"  # WASHINGTON, NEW YORK
    r"(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?"  # , Lebanon
    r"\s*(?:\([^()]{1,40}\))?\s*" + _DASH + r"\s*)")  # (Reuters) —
_FURNITURE = re.compile(r"photo credit|image caption|\(photo\b|getty images|file photo|"
                        r"posted on\b|publish date|news id\b|all rights reserved|click here|"
                        r"^by\s+[A-Z][A-Z]+\s+[A-Z]|"
                        r"^update[ds]?\b[^.]{0,20}\d{1,2}:\d{2}", re.IGNORECASE)
# Words that tie a sentence to the one before it ("For his part, X said"; "However, ...");
# cut, the claim stands on its own.
# ("So far", "Still waters", "Instead of X", "In addition to X", "Finally free": these only with
# their comma; stop 45: "According to Y, Finally, X considered …".)
_CONNECTIVE = re.compile(r"^(?:(?:(?:for|from|on) (?:his|her|their|its) (?:part|side)|"
                         r"in (?:his|her|their|its) turn|however|meanwhile|moreover|furthermore|"
                         r"therefore|thus|nevertheless|nonetheless|separately|likewise|indeed|"
                         r"similarly|yet|but|and)\s*,?|"
                         r"(?:so|still|also|instead|in addition|besides|finally|lastly|"
                         r"additionally|firstly|secondly|in other words|after all)\s*,)\s+",
                         re.IGNORECASE)
# Spoken-style openers ("So the debate has ended", "Yes: Vale was calmer", "Well, ..."): cut, the
# claim stands without them. "So" without its comma only before a word that starts a clause
# ("So far", "So many" stay); "Now," stays (it may be the sentence's time).
_DISCOURSE = re.compile(r"^(?:(?:yes|no|well|look|listen|okay|ok|oh|sure|anyway|alright)\s*[,:]"
                        r"|so(?=\s+(?:the|a|an|this|these|those|it|its|we|i|you|he|she|they|"
                        r"there|here|what|why|how|who|our|my|his|her|their)\b))\s+",
                        re.IGNORECASE)
# An answer whose rest is a speech tag alone ("No, officials said."): cut, it loses its sense;
# an opener before an inverted speech tag ("Well, says Klein, the problem is ...") would leave
# "Says Klein, ..." after "According to X,". Neither sentence is used.
_ANSWER_ONLY = re.compile(r"^(?:(?:yes|no)\s*[,:]\s*(?:\S+\s+){0,3}\S+[.!]?$|"
                          r"(?:yes|no|well|look|listen|okay|ok|oh|sure|anyway|alright|so)\s*,?\s*"
                          r"(?:says|said|asks|asked|adds|added|writes|wrote|notes|noted|explains|"
                          r"explained)\b)", re.IGNORECASE)
# A lead-in to what the page shows next: a list ("Here are four things ..."), an embed ('This ad
# is called "forgiveness:"'). A colon at the very end, or "Here is/are/'s" at the start.
_LEAD_IN = re.compile(r":\s*[\"”’]?\s*$|^here(?:[’']s|\s+is|\s+are)\b", re.IGNORECASE)
_SHOUTED = re.compile(r"\b[A-Z]{2,}(?:\s+[A-Z]{2,}){2,}\b")  # three words in capitals: a header
# Words before "it"/"they" that name nothing it could point at.
_NO_ANTECEDENT = frozenset("because although though even still now many few both each "
                           "probably perhaps".split())
PERSON_PRONOUNS = frozenset("he she him her his hers".split())
GROUP_PRONOUNS = frozenset("it its they them their theirs".split())
OPENING_WORDS = 4  # "it"/"they" this early in a sentence points back out of it
BARE_QUOTE_WORDS = 3  # fewer words outside quote marks: the sentence is only a quote
LOOKBACK = 3  # sentences searched back for a pronoun's antecedent
# Nouns naming a person by role: "the senator ... his church" points inside the sentence.
_ROLES = ("president|president-elect|vice president|senator|sen|congressman|congresswoman|"
          "representative|lawmaker|governor|gov|mayor|minister|secretary|spokesman|"
          "spokeswoman|spokesperson|official|reporter|journalist|correspondent|nominee|"
          "candidate|judge|justice|prosecutor|attorney|lawyer|chief|director|leader|"
          "chairman|chairwoman|ambassador|general|officer|commander|adviser|advisor|aide|"
          "speaker|king|queen|prince|princess|pope|executive|ceo|founder|host|anchor|author|"
          "actor|actress|singer|star|player|coach|man|woman|boy|girl|mother|father|wife|"
          "husband|son|daughter|democrat|republican|incumbent|challenger|frontrunner|"
          "businessman|businesswoman|billionaire|activist|victim|suspect|defendant|witness")
_ROLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?:[\w’'.-]+\s+){0,5}?(?:" + _ROLES
                          + r")(?:s|’s|'s)?\b", re.IGNORECASE)
# "It" that points at nothing: "It is likely that ...", "It wasn't long ago that ...", "It's
# official: ...". The sentence says what "it" stands for after "that", "to" or the colon.
_EXPLETIVE = re.compile(r"it(?:\s+(?:is|was|has been|will be|would be|seems|seemed|appears|"
                        r"appeared)|[’']s)(?:\s+not|n[’']t)?\s+(?:(?:so|very|not|now|also|still|"
                        r"long|far|too|more|less|all|but)\s+){0,3}(?:likely|unlikely|clear|unclear|"
                        r"possible|impossible|true|official|known|unknown|expected|important|hard|"
                        r"difficult|easy|necessary|certain|uncertain|reported|believed|thought|"
                        r"feared|ago)(?:\s+(?:that|to|whether|if)\b|:)", re.IGNORECASE)
# A demonstrative, or "the move"/"the statement", standing for what the article said before
# ("This comes after ...", "The move followed ..."): the sentence points out of itself, and
# there is no name to put in.
_DEMONSTRATIVE = re.compile(r"^(?:(?:this|that)[’']s\b|(?:this|that|these|those|the\s+(?:"
                            r"statement|move|decision|announcement|remarks|comments?|step|"
                            r"development|news))\s+(?:is|"
                            r"was|are|were|has|had|have|will|"
                            r"would|could|can|may|might|comes?|came|means?|meant|marks?|marked|"
                            r"follows?|followed|happened|happens|led|leads?|makes?|made|includes?|"
                            r"included|seems?|seemed|sets?|puts?|gives?|gave)\b)", re.IGNORECASE)
# "The two said in a statement ...": a number or "the pair"/"the latter" standing for people
# the article named before, as the subject of a verb. Unless the sentence names them first
# ("Vale and Dorn met, and the two agreed ..."), it points out of itself.
_GROUP_SUBJECT = re.compile(r"\b(?:the\s+(?:two|three|four|pair|duo|trio|latter|former)|both)"
                            r"(?=\s+(?:also\s+|have\s+|had\s+|later\s+)?(?:said|say|says|told|"
                            r"added|have|has|had|are|were|will|would|could|should|did|do|does|"
                            r"agreed|met|spoke|wrote|signed|announced|issued|[a-z]+ed)\b)",
                            re.IGNORECASE)
_TWO_NAMES = re.compile(r"\b[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)*\s+and\s+[A-Z]")
# The tail of a quote the sentence splitter cut off ("Councillor Ana Vale said here on Monday."):
# a speaker, a verb of saying and only time, place or audience after it. It says nothing.
_QUOTE_TAIL = re.compile(r"^(?P<who>[^,;:“”\"]{1,60}?)\s+(?:said|says|told|added|adds|stated|"
                         r"noted|explained|tweeted|wrote|reported)(?P<rest>[^,;:“”\"]{0,60})\.$")
_TAIL_WORDS = frozenset("here there today yesterday tonight earlier later late on in at a an the "
                        "this last statement interview reporters journalists press conference "
                        "briefing news morning afternoon evening night week".split())
MAX_SPEAKER_WORDS = 6  # longer, the words before the verb say something themselves
_NOT_POSSESSED = frozenset("and or to in on at for with by from that as of after before when "
                           "was is had has would will could".split())
_PRONOUN = re.compile(r"\b(" + "|".join(sorted(PERSON_PRONOUNS | GROUP_PRONOUNS)) + r")\b",
                      re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Standalone:
    text: str
    spans: tuple[Span, ...] = ()  # where the names put in are written


def strip_dateline(text: str) -> str:
    """The sentence without a dateline, a connective or a spoken opener ("So", "Yes:") at its
    start (an opener and a connective may follow each other: "Okay, so ...")."""
    for pattern in (_DATELINE, _CONNECTIVE, _DISCOURSE, _CONNECTIVE, _DISCOURSE):
        m = pattern.match(text)
        if m is None or m.end() >= len(text):
            continue
        rest = text[m.end():]
        if rest[:1].isalpha() or rest[:1] in "“\"":
            text = rest[:1].upper() + rest[1:]
    return text


def furniture(text: str) -> bool:
    """A byline, caption credit, headline, page header or cut-off line: no sentence."""
    # No full stop: a headline, a caption or a sentence the page cut off. A title's
    # abbreviation at the end ("... two members of the panel, Reps.") is the sentence splitter
    # cutting before the name: the rest of the sentence is elsewhere.
    return _boilerplate(text) or text.rstrip()[-1:] not in _ENDS \
        or _ANSWER_ONLY.match(text.strip()) is not None or _LEAD_IN.search(text) is not None \
        or _TITLE_END.search(text.rstrip()) is not None or _aside(text.strip())


def _aside(text: str) -> bool:
    """A sentence wholly in parentheses, or opening one it never closes: a promo ("(Get all
    the results: here)") or an aside whose end is in the next sentence ("(Nor are ...")."""
    return text.startswith("(") and text.find(")") in (-1, len(text.rstrip(".!?")) - 1)


def _boilerplate(text: str) -> bool:
    return bool(_FURNITURE.search(text) or _SHOUTED.search(QUOTED.sub(" ", text)))


_ENDS = ".!?\"”’)"
_TITLE_END = re.compile(r"\b(?:Reps?|Sens?|Gov|Govs|Dr|Drs|Mr|Mrs|Ms|Messrs|Gen|Lt|Col|Sgt|Capt|"
                        r"Cmdr|Adm|Rev|Prof|Hon|Pres|Gens)\.$")
def _anchored(prefix: str) -> bool:
    """Whether "it"/"they" after `prefix` (the sentence before it) can point at something
    the sentence itself names: a content word before it ("Police say they ..."), or
    OPENING_WORDS words of any kind."""
    words = [w.strip(".,;:“”\"'’").lower() for w in prefix.split()]
    content = [w for w in words if w and w not in STOPWORDS and w not in _NO_ANTECEDENT
               and not w.endswith("ly")]
    return len(content) >= 1 or len(words) >= OPENING_WORDS


def _outside(text: str) -> list[tuple[int, int]]:
    """Stretches of `text` outside quote marks."""
    out, pos = [], 0
    for m in QUOTED.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


class Resolver:
    """Pronouns and bare quotes of one story's sentences, resolved from the extract stage."""

    def __init__(self, ctx: StoryContext) -> None:
        self.ctx = ctx
        entity_of = {(m.article_id, m.start): e for e in ctx.story.entities for m in e.mentions}
        self._entity = entity_of
        self._people: dict[str, list[Mention]] = {}
        # Every spelling of a person the entity stage knows: the NER misses some mentions.
        self._person_names = frozenset(fold(n) for e in ctx.story.entities if e.type == "PERSON"
                                       for n in (e.name, *e.aliases) if len(n) > 2)
        self._sentences: dict[str, list[tuple[int, int]]] = {}
        for facts in ctx.facts:
            self._people[facts.article_id] = sorted(
                (m for m in facts.mentions if m.label == "PERSON"), key=lambda m: m.start)
            self._sentences[facts.article_id] = [(s.start, s.end) for s in facts.sentences]

    def _person_key(self, m: Mention) -> str:
        e = self._entity.get((m.article_id, m.start))
        return e.id if e is not None else fold(m.text).split()[-1] if m.text.split() else ""

    def _name(self, m: Mention) -> Standalone:
        """The person as the mention writes them, without its possessive ("Vale’s" -> "Vale":
        the pronoun's own form is put on by `_form`)."""
        text = m.text.removesuffix("’s").removesuffix("'s") if len(m.text) > 2 else m.text
        return Standalone(text, (Span(m.article_id, m.start, m.start + len(text)),))

    def _antecedent(self, article_id: str, sent_start: int) -> Standalone | None:
        """The one person the nearest earlier sentence (within LOOKBACK) names, if one."""
        before = [s for s in self._sentences.get(article_id, []) if s[1] <= sent_start]
        people = self._people.get(article_id, [])
        for s, e in reversed(before[-LOOKBACK:]):
            inside = [m for m in people if s <= m.start and m.end <= e]
            if inside:
                if len({self._person_key(m) for m in inside}) != 1:
                    return None
                return self._name(max(inside, key=lambda m: len(m.text)))
        return None

    def _verbs(self, article_id: str, start: int, end: int) -> list[tuple[str | None, str]]:
        """(subject, verb lemma) of the extract stage's claims in [start, end)."""
        return [(c.subject, c.predicate) for c in self.ctx.facts_for(article_id).claims
                if c.predicate and start <= c.start < end]

    def _speaker_at(self, article_id: str, start: int, end: int) -> Standalone | None:
        """The resolved speaker of a quote whose speaker words or quoted words lie in
        [start, end), with the span of a mention that writes the name."""
        for q in self.ctx.facts_for(article_id).quotes:
            where = (q.speaker_start, q.speaker_end) \
                if q.speaker_start is not None and q.speaker_end is not None else None
            hit = where is not None and start <= where[0] and where[1] <= end
            if not (hit or (where is None and start <= q.start < end)) or not q.speaker:
                continue
            words = fold(q.speaker).split()  # (a speaker may fold to nothing: "’’")
            key = words[-1] if words else ""
            for m in reversed(self._people.get(article_id, [])):
                if m.start < end and key and key in fold(m.text).split():
                    return self._name(m)
            return None
        return None

    def resolve(self, text: str, article_id: str | None, start: int, end: int
                ) -> Standalone | None:
        """`text` (the sentence at [start, end) of the article) made to stand alone, or None
        when a pronoun or a bare quote cannot be resolved."""
        raw = self.ctx.article(article_id).text[start:end] if article_id else text
        if _boilerplate(text) or elided(text):
            return None
        if furniture(raw.strip()) or _ELLIPSIS.search(raw.strip()):
            # Only the article's last sentence can be one the page cut off; elsewhere a
            # line without a full stop is a headline or a caption.
            whole = self.ctx.article(article_id).text if article_id else ""
            trimmed = trim_cut_off(text, self._verbs(article_id, start, end)) \
                if article_id and not whole[end:].strip() else None
            if trimmed is None:
                return None
            text = trimmed
        text = strip_dateline(text)
        if text.rstrip()[-1:] not in _ENDS:
            text = text.rstrip() + "."  # an aside cut from its end took the full stop
        if article_id is None:
            return None if self._has_pronoun(text) or _bare_quote(text) or speaks_as_self(text) \
                else Standalone(text)
        given = self._give_speaker(text, article_id, start, end)
        if given is None or speaks_as_self(given.text):
            # "I"/"we"/"you" left outside quote marks: a statement or a tweet the page printed
            # without them, or the outlet's own voice. The summary never speaks so (the
            # extractive candidates are filtered by `select.own_voice`; this holds for every
            # path: consensus items, exclusives, timelines).
            return None
        text, spans = given.text, list(given.spans)
        if _DEMONSTRATIVE.match(text) or quote_tail(text) or self._unnamed_group(text):
            return None
        out, pos = [], 0
        people = self._people.get(article_id, [])
        named = False  # a name put in for an earlier pronoun anchors the later ones
        for a, b in _outside(text):
            for m in _PRONOUN.finditer(text, a, b):
                word = m.group().lower()
                if word in GROUP_PRONOUNS:
                    # (words inside quote marks are someone's, not what "they" points at:
                    # "“We take our duty seriously,” they said" names no one)
                    if not (_anchored(QUOTED.sub(" ", text[:m.start()]))
                            or _EXPLETIVE.match(text, m.start())):
                        return None
                    continue
                # Only who the sentence names outside quote marks can be the pronoun's
                # person: "“... Dorn ...,” she said" names Dorn, yet "she" is the speaker.
                prefix = QUOTED.sub(" ", text[:m.start()])
                if named or _names_a_person_before(prefix, people, self.ctx.article(
                        article_id).text[start:end]) or self._named_before(prefix) \
                        or _ROLE_BEFORE.search(prefix) \
                        or self._named_after_opening(text, m.start(), people):
                    continue
                who = (self._speaker_at(article_id, start, end)
                       or self._antecedent(article_id, start))
                if who is None or _named_after(text[m.end():], who.text) \
                        or SAYING.search(prefix):
                    # "one marcher said she looked forward to seeing what Williams would do":
                    # not Williams (named after it), and likely the marcher (an unnamed speaker)
                    return None
                short = _CONTRACTED.match(text, m.end())
                if short is not None:  # "he'll" -> "Vale will", not "Vale'll"
                    out.append(text[pos:m.start()] + who.text + " "
                               + _expand(short.group(1), text[short.end():]))
                    pos = short.end()
                else:
                    out.append(text[pos:m.start()] + _form(word, who.text, text[m.end():]))
                    pos = m.end()
                spans.extend(who.spans)
                named = True
        out.append(text[pos:])
        return Standalone("".join(out), tuple(spans))

    def _give_speaker(self, text: str, article_id: str, start: int, end: int
                      ) -> Standalone | None:
        """`text` with its speaker put in front when it is someone's words with no speaker
        named ("X said: “...”"), as it is otherwise; None when the speaker is unknown."""
        if someones_words(self.ctx.article(article_id).text, start):
            # The middle of a quotation, or a statement printed after "... said:" without
            # quote marks: someone's words, not the outlet's. Given as a quote of its
            # speaker when the extract stage knows who, else left out.
            who = self._quote_speaker(article_id, start, end)
            if who is None or QUOTED.search(text) or named_after_quote(text):
                return None
            body = text.strip().strip("\"“”").strip()
            return Standalone(f"{who.text} said: “{body}”", who.spans)
        if _bare_quote(text):
            who = self._speaker_at(article_id, start, end)
            if who is None:
                return None
            closed = text.rstrip() + "”" if _open_quote(text) else text
            return Standalone(f"{who.text} said: {closed}", who.spans)
        return Standalone(text)

    def _quote_speaker(self, article_id: str, start: int, end: int) -> Standalone | None:
        """The resolved speaker of the quote that holds [start, end), with a mention of it."""
        for q in self.ctx.facts_for(article_id).quotes:
            if q.start <= start + 2 and end <= q.end + 2 and q.speaker:
                words = fold(q.speaker).split()
                key = words[-1] if words else ""
                for m in self._people.get(article_id, []):
                    if key and key in fold(m.text).split():
                        return self._name(m)
        return None

    def _unnamed_group(self, text: str) -> bool:
        """Whether "the two"/"both" stand for people the sentence does not name before them."""
        for a, b in _outside(text):
            for m in _GROUP_SUBJECT.finditer(text, a, b):
                before = text[:m.start()]
                if not (_TWO_NAMES.search(before) or self._named_before(before)):
                    return True
        return False

    def _named_after_opening(self, text: str, at: int, people: list[Mention]) -> bool:
        """A pronoun in an opening phrase whose clause then names a person at once ("During
        his first rally, Mr. Smith said ..."): it points forward, inside the sentence."""
        comma = text.find(",")
        if comma < 0 or at > comma:
            return False
        head = " ".join(text[comma + 1:].split()[:OPENING_WORDS])
        folded = f" {fold(head)} "
        names = self._person_names | {fold(m.text) for m in people if m.text.strip()}
        return any(f" {n} " in folded or f" {n}’s " in folded or f" {n}'s " in folded
                   for n in names if n)

    def _named_before(self, prefix: str) -> bool:
        folded = f" {fold(prefix)} "
        return any(f" {n} " in folded for n in self._person_names)

    def _has_pronoun(self, text: str) -> bool:
        return any(_PRONOUN.search(text, a, b) for a, b in _outside(text))


# Verbs of saying (`cutoff.SAYING`): a quote followed by "he responded" names its speaker (by a
# pronoun the resolver then replaces), so it is no bare quote.
_STATEMENT_CUE = re.compile(r"\b(?:said|says|statement|wrote|writes|tweeted|read|reads|added|"
                            r"declared|stated|announced)\b[^.!?]{0,40}:\s*$", re.IGNORECASE)


# First and second person outside quote marks. Case-sensitive: "US" and "U.S." are the
# country; "Me Too" a name; the "I" of "F.B.I." or "World War I" no speaker.
_SELF = re.compile(r"(?<!War )(?<!Title )(?<!Phase )\b(?:[Ww]e|us|[Oo]urs?|[Yy]ou|[Yy]ours?|"
                   r"I(?![.\w])|me|[Mm]y|myself|ourselves|WE|YOU)\b")
_ANY_QUOTED = re.compile(r"[“\"][^“”\"]*[”\"]")  # also mixed marks: "...” and “..."


def speaks_as_self(text: str) -> bool:
    """Whether the sentence says "I", "we" or "you" outside its quote marks (an opening mark
    never closed holds the rest of the sentence)."""
    outside = _ANY_QUOTED.sub(" ", QUOTED.sub(" ", text))
    cut = max(outside.rfind("“"), outside.rfind('"'))
    return _SELF.search(outside[:cut] if cut >= 0 else outside) is not None


def someones_words(whole: str, start: int) -> bool:
    """Whether the sentence at `start` of the article `whole` is inside a quotation opened in
    an earlier sentence of its paragraph, or opens a statement the sentence before introduces
    with a colon ("The council said in a statement:") and no quote marks."""
    if _open_quote(whole[whole.rfind("\n\n", 0, start) + 1:start]):
        return True
    return _STATEMENT_CUE.search(whole[max(0, start - 200):start]) is not None


def _open_quote(text: str) -> bool:
    """Whether a quotation is open at the end of `text`. Outlets mix their marks (“...."), so
    “ opens, ” closes and a straight mark closes an open quotation or opens one. A quotation in
    a quotation may use the same marks (`wrote, “And last: “RUSSIA COLLUSION!” Russian
    collusion is ...`, real text, stop 48): its ” closes only the inner one."""
    depth = 0
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth = max(0, depth - 1)
        elif ch == '"':
            depth = depth - 1 if depth else 1
    return depth > 0


def quote_tail(text: str) -> bool:
    """Whether the sentence is only who spoke, when and where ("Ana Vale said here on Monday.")."""
    m = _QUOTE_TAIL.match(text.strip())
    if m is None or len(m.group("who").split()) > MAX_SPEAKER_WORDS:
        return False
    return all(w.lower() in _TAIL_WORDS or w[:1].isupper() or w.isdigit()
               for w in m.group("rest").split())


def _bare_quote(text: str) -> bool:
    if not QUOTED.search(text) and not _open_quote(text):
        return False
    outside = QUOTED.sub(" ", text)
    if _open_quote(outside):  # the sentence ends inside its quote: "“I want X. ..."
        outside = outside[:max(outside.rfind("“"), outside.rfind('"'))]
    if SAYING.search(outside):
        return False
    return len(re.findall(r"[^\W\d_]{2,}", outside)) < BARE_QUOTE_WORDS


def _named_after(rest: str, name: str) -> bool:
    """Whether the rest of the sentence after a pronoun names `name` (by its last word)
    outside quote marks: a pronoun never stands for a name its own sentence writes after it
    ("she looked forward to seeing what Williams would do")."""
    words = fold(name).split()
    return bool(words) and f" {words[-1]} " in f" {fold(QUOTED.sub(' ', rest))} "


def _names_a_person_before(prefix: str, people: list[Mention], sentence: str) -> bool:
    """Whether the sentence names a person before the pronoun (then it points at that one)."""
    folded = fold(prefix)
    return any(fold(m.text) in folded and fold(m.text) in fold(sentence) for m in people
               if m.text.strip())


_CONTRACTED = re.compile(r"[’'](ll|d|s)\b", re.IGNORECASE)
_PARTICIPLES = frozenset("been got gotten had done gone seen said made told taken given".split())


def _expand(short: str, after: str) -> str:
    """The auxiliary a pronoun's contraction stands for, written out after the name put in:
    'll -> will; 'd -> had before a participle, else would; 's -> has before a participle,
    else is ("he's been" / "he's going")."""
    nxt = after.split()[0].strip(".,;:“”\"'’").lower() if after.split() else ""
    participle = nxt in _PARTICIPLES or nxt.endswith("ed")
    short = short.lower()
    if short == "ll":
        return "will"
    if short == "d":
        return "had" if participle else "would"
    return "has" if participle else "is"


def _form(pronoun: str, name: str, after: str) -> str:
    """The name in the pronoun's grammatical place: "his" -> "Bagheri’s"."""
    possessive = pronoun in ("his", "hers") or (
        pronoun == "her" and re.match(r"\s+([a-z][\w-]*)", after) is not None
        and re.match(r"\s+([a-z][\w-]*)", after).group(1) not in _NOT_POSSESSED)  # type: ignore[union-attr]
    return f"{name}’s" if possessive else name
