"""Whether a claim grouped with a consensus item states what the item states.

Claims are grouped as "one fact" on the Dice of their content words (`match.claim_similarity`),
and on long real articles two sentences about one person or bill share most of their words in
names alone: "Northam served as McAuliffe's lieutenant governor" and "Mr Northam served for a
decade as a Virginia state legislator"; "The Pain-Capable Unborn Child Protection Act cleared
its first hurdle" and "The Pain-Capable Unborn Child Protection Act is not based on accepted
science". Grouped, they are fine for finding disagreements (conflicts look inside the group for
differing figures and dates), but "sources agree" on them would be false. So a consensus item
counts only the members that agree with its representative. Leads are exempt: two articles of
one story open on its event, each in its own words ("slammed Kerry for working to save the
deal" / "castigated Kerry following a report of shadow diplomacy"), so where both the member
and the representative lie in their articles' leads (`LEAD_SENTENCES`) the grouping stands
(NeuS, whose excerpts are leads: every consensus item read there was right). Elsewhere a
member must agree:
- what is said besides the names: the content words of the tokens that are not capitalised
  (`statement_words`) overlap by a Dice of at least `STATEMENT_DICE`; and
- the figures: when both state figures (digits, years and a list item's number aside), they
  share one; when the item states figures, the member states one too, in digits or words
  (stop 49: "Cohen was sentenced to 36 months in jail ... after he pleaded guilty" was agreed
  by a sentence on the plea alone, a poll's "45 percent" by "a vast majority").
And, given the story's word weights (`StoryWeights`, stop 44):
- what they share is specific to them: the Dice of their content words, names included, each
  word weighted by how rare it is among the story's sentences, is at least `SPECIFIC_DICE`.
  Every sentence of a story about a bill says "individual mandate", "health insurance" and
  "tax penalty"; two sentences sharing only those are about the bill, not the same statement
  ("Congress did repeal the requirement" / "The legal fight stems from a provision known as
  the individual mandate");
- they have the same polarity: one negated and the other not ("We have no forces within
  Gaza" / "about 900 militants had been killed by Israeli forces") do not state one thing,
  unless they are near the same words (weighted Dice `SAME_WORDS`) or carry the same quote;
- neither is a question the outlet asks ("Did the investigation delve into ...?");
- where both sentences are mostly quotes (in quote marks, or inside a quote the story's
  quotes hold), the two share a run of words verbatim (`QUOTE_RUN`, or the whole of a
  shorter quote): two outlets quoting one statement quote its words. Stop 58, fresh Baly
  draws: Trump's tweeted "Shutdown today if Democrats do not vote for Border Security!" was
  "agreed" by another of his tweets ("The Democrats ... will probably vote against Border
  Security and the Wall ..."), and Romney's "And the American people should be calling for
  that kind transparency" by his "And I think the American people recognize that kind of
  politics as something of the past". (One outlet's paraphrase of another's quote still
  agrees with it: "Durham was asked to help Barr to “ensure that intelligence collection
  activities ... were lawful and appropriate.”" / "... has reportedly been asked to
  determine whether the collection of intelligence on the Trump campaign was lawful".)
  Where one sentence is wholly a quote, someone's words, and the other the writer's own,
  the same run is needed (stop 62: a columnist's quoted "... makes it hard to see the Trump
  administration's efforts to include a citizenship question on the 2020 census as anything
  but a partisan power grab" had confirmed "The Supreme Court will decide whether the 2020
  census can include a question about citizenship").
Measured on real articles in docs/compare.md ("Consensus: the same statement, not the same
names", and "stop 44: specific words and polarity").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from ..dates import MONTH_DAY, MONTHS, WEEKDAYS, YEAR_NUMBER
from ..extract.quantities import SCALE, SMALL
from ..model import ArticleFacts, Claim
from ..text import fold
from .match import QUOTED, asks, content_words, stem

STATEMENT_DICE = 0.3  # Dice of the words besides names that a member shares with the item
SPECIFIC_DICE = 0.35  # Dice of all content words, weighted by their rarity in the story
SAME_WORDS = 0.6  # weighted Dice above which polarity words are not read (near-verbatim)
SAME_QUOTE = 0.5  # Dice of the quoted words above which two sentences carry one quote
QUOTE_RUN = 4  # words two sentences share in a row when either is mostly a quote
MOSTLY_QUOTED = 0.5  # share of a sentence's words inside quote marks that makes it a quote
WHOLLY_QUOTED = 0.9  # share that makes it someone's words alone, no outlet's narration
LEAD_SENTENCES = 2  # an article's lead: its first sentences, where it states the event

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")
_ENUMERATOR = re.compile(r"^\s*\(?\d{1,2}[).]\s")
# Numbers in words ("one" and "a" are left out: mostly no count).
_NUMBER_WORDS = frozenset(SMALL) - {"a", "an", "one", "zero"} | frozenset(SCALE) | frozenset({
    "dozens", "hundreds", "thousands", "millions", "billions", "trillions", "half", "twice",
    "double", "triple", "tripled", "doubled", "halved", "quarter", "third"})
_NEGATION = re.compile(r"\b(?:not|no|never|none|nobody|nothing)\b|n['’]t\b", re.I)


class StoryWeights:
    """How specific each content word is to a sentence of one story: log((n + 1) / (df + 1))
    over the story's `n` sentences (claims), `df` of which hold the word. A word every
    sentence holds weighs nothing; a word of one sentence weighs most."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.df: Counter[str] = Counter()
        self.n = 0
        for t in texts:
            self.n += 1
            self.df.update(content_words(t))

    def weight(self, word: str) -> float:
        return math.log((self.n + 1) / (self.df.get(word, 0) + 1))

    def dice(self, a: str, b: str) -> float:
        """Weighted Dice of the content words (names included) of two sentences."""
        wa, wb = content_words(a), content_words(b)
        total = sum(map(self.weight, wa)) + sum(map(self.weight, wb))
        return 2 * sum(map(self.weight, wa & wb)) / total if total > 0 else 0.0


# Content words that say nothing of what a sentence states: "like" is mostly a preposition
# ("what the United States should look like" / "Nevada looks much more like a microcosm of
# the United States" shared only "look" and "like": a false consensus, stop 46, real text).
_NOT_STATEMENT = frozenset({"like"})


@lru_cache(maxsize=1 << 12)
def statement_words(text: str) -> frozenset[str]:
    """Content words of `text` (as `match.content_words`) less those of capitalised tokens
    and of descriptions set off after a name (`without_appositions`): what a sentence says
    about the people, places and bills it names."""
    # (each folded part of a name: "McAuliffe's" folds to "mcauliffe s", "Ocasio-Cortez" to
    # "ocasio cortez", as `content_words` splits them)
    names = {stem(p) for w in _WORD.findall(text) if w[0].isupper() for p in fold(w).split()}
    return content_words(without_appositions(text)) - names - _NOT_STATEMENT


# A relative clause set off after a name ("Chief Justice John Roberts, who's presiding over the
# trial, ..."): who the name is, as an apposition says it, not what the sentence states (stop
# 59, real text: two sentences sharing only that clause made a consensus item).
_RELATIVE = re.compile(r"(?P<name>\b[A-Z][\w.'’-]*),\s(?:who|which)(?:['’]s)?\s"
                       r"[^,;:“”\"]{1,80}?(?:,|(?=[.!?]?\s*$))")


# A description set off by commas after a name ("Cohn, Trump's top economic adviser,"; "Robert
# Mueller, the special counsel appointed after Trump fired Comey."): a determiner or a
# possessive, then up to 80 characters without a comma, to the next comma or the sentence's
# end.
_APPOSITION = re.compile(
    r"(?P<name>\b[A-Z][\w.'’-]*),\s(?:the|a|an|his|her|their|its|[A-Z][\w.-]*['’]s)\s"
    r"[^,;:“”\"]{1,80}?(?:,|(?=[.!?]?\s*$))")
_CLAUSE = re.compile(r"\b(?:who|whom|whose|which|that|is|was|are|were|has|have|had|will|would|"
                     r"could|can|may|might|says|said)\b")
# A sentence's opening word before a comma that is no name ("Meanwhile, the council ...").
_OPENERS = frozenset({
    "meanwhile", "however", "still", "yet", "instead", "now", "today", "tonight", "yesterday",
    "later", "earlier", "separately", "also", "overall", "indeed", "nevertheless", "moreover",
    "furthermore", "again", "then", "afterwards", "afterward", "thus", "therefore", "so",
    "but", "and", "or", "nonetheless", "otherwise", "besides", "first", "second", "third",
    "last", "next", "ultimately", "here", "there", "elsewhere", "sometimes", "often",
    "previously", "recently", "currently", "initially", "similarly", "likewise", "regardless"})
# "In Paris, the council voted ...": a place or time opening the sentence, no apposition.
_OPENING = re.compile(r"^\W*(?:[\w'’-]+\s+){0,3}?(?:in|at|on|from|for|after|before|during|since|"
                      r"across|inside|outside|near|throughout|under|over|with|without|by)\s+"
                      r"(?:[A-Z][\w.'’-]*\s+){0,3}$", re.I)


def without_appositions(text: str) -> str:
    """`text` less the descriptions set off after a name (not after a day or month: "On
    Monday, the council voted ..." is the sentence). Two sentences about one person share
    the words of the description the outlets give him ("Trump's top economic adviser"), not
    a statement: "Cohn, Trump's top economic adviser, fought the tariffs" and "Trump's top
    economic adviser Gary Cohn is resigning" (real text, stop 49). A relative clause set off
    after a name is a description too (`_RELATIVE`, stop 59)."""
    def cut(m: re.Match[str]) -> str:
        name = m.group("name").lower()
        before = text[:m.end("name")]
        if _CLAUSE.search(m.group(0)[len(m.group("name")):]):
            return m.group(0)  # "a veteran who would be the first ...": it states something
        if name in WEEKDAYS or name in MONTHS or _OPENING.match(before + " ") \
                or (" " not in before.strip() and (name in _OPENERS or name.endswith("ly"))):
            return m.group(0)
        return m.group("name") + " "

    return _RELATIVE.sub(lambda m: m.group("name") + " ", _APPOSITION.sub(cut, text))


@lru_cache(maxsize=1 << 12)
def figures(text: str) -> frozenset[str]:
    """The figures written in digits ("12,400" -> "12400"), years and a list item's number
    ("4) TIME report that ...") left out."""
    text = _ENUMERATOR.sub("", text, count=1)
    found = (m.group().replace(",", "").rstrip(".") for m in _FIGURE.finditer(text))
    return frozenset(f for f in found if not YEAR_NUMBER.fullmatch(f))


def day_numbers(text: str) -> frozenset[str]:
    """The numbers that are days of a month ("On June 18", "Sept. 3rd"), as `figures` writes
    them (`dates.MONTH_DAY`, the dates module's reading of a month and a day)."""
    return frozenset(m.group("day") for m in MONTH_DAY.finditer(text))


_ORDINAL = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                      r"eleventh|twelfth|\d+(?:st|nd|rd|th))\b", re.I)
# "the first lady", "at first", "first time" ...: no rank of the statement's event.
_NOT_RANK = re.compile(r"\b(?:first|second)\s+(?:lady|gentleman|amendment|term|half|round|hand|"
                       r"place|time|degree|language|person)\b|\bat first\b", re.I)


def ordinals(text: str) -> frozenset[str]:
    """The ranks a sentence states ("the sixth case", "the 2nd round"), folded; "first lady",
    "at first" and the like left out."""
    return frozenset(m.group().lower() for m in _ORDINAL.finditer(_NOT_RANK.sub(" ", text)))


_COUNTS = {w: n for w, n in SMALL.items() if n > 1}


def count_words(text: str) -> frozenset[int]:
    """The small counts a sentence writes in words ("seven months", "two of them"; not "a"
    or "one", mostly no count)."""
    return frozenset(_COUNTS[w.lower()] for w in _WORD.findall(text) if w.lower() in _COUNTS)


def _numbers(found: frozenset[str]) -> frozenset[int]:
    """`figures` as whole numbers (a decimal left out)."""
    return frozenset(int(f) for f in found if f.isdigit())


def counts_in_words(text: str) -> bool:
    """The text gives a number in words ("twelve", "dozens", "three million")."""
    return any(w.lower() in _NUMBER_WORDS for w in _WORD.findall(text))


def _quoted(text: str) -> str:
    """The words inside quotation marks; a sentence of a quote running over several sentences
    has one mark only (`I do so with no ill will ... the country I love.”`), and the quote
    runs from the sentence's start or to its end."""
    opened, closed = text.count("“"), text.count("”")
    if closed > opened:
        text = "“" + text
    elif opened > closed:
        text += "”"
    elif text.count('"') % 2:
        text = text + '"' if text.lstrip().startswith('"') else '"' + text
    return " ".join(m[1:-1] for m in QUOTED.findall(text))


def same_quote(a: str, b: str) -> bool:
    """Both sentences carry one quote: their quoted words overlap by `SAME_QUOTE`."""
    qa, qb = content_words(_quoted(a)), content_words(_quoted(b))
    return bool(qa and qb) and 2 * len(qa & qb) >= SAME_QUOTE * (len(qa) + len(qb))


def _words(text: str) -> list[str]:
    return [fold(w) for w in _WORD.findall(text)]


def _run(a: list[str], b: list[str]) -> int:
    """The most words `a` and `b` share in a row."""
    best, prev = 0, [0] * (len(b) + 1)
    for x in a:
        cur = [0] * (len(b) + 1)
        for j, y in enumerate(b):
            if x == y:
                cur[j + 1] = prev[j] + 1
                best = max(best, cur[j + 1])
        prev = cur
    return best


def quoted_verbatim(a: str, b: str, inside: tuple[bool, bool] = (False, False)) -> bool:
    """Unless `a` and `b` are both mostly quotes (`MOSTLY_QUOTED` of the words in quote
    marks, or `inside` a quote), or one is wholly a quote (`WHOLLY_QUOTED` of its words in
    its own marks, or `inside` a quote with no marks of its own), True; else the two share
    `QUOTE_RUN` words in a row (as stems), or every quoted word of the shorter. An outlet
    telling what a whole quote says repeats some of its words: "The concern is that it could
    spread to countries with weaker health systems" / "Our greatest concern is the potential
    for the virus to spread to countries with weaker health systems" (the module docstring
    has the stop 62 case that asked for it)."""
    need, whole = [], False
    for text, within in zip((a, b), inside, strict=True):
        words, inner = _words(text), _words(_quoted(text))
        if within or inner and len(inner) >= MOSTLY_QUOTED * len(words):
            need.append(len(inner) if inner and not within else len(words))
            # (inside a quote with no marks of its own: a sentence of a longer quote; with
            # marks, they tell: "Durham was asked to help Barr to “ensure that ... were lawful
            # and appropriate”" is the outlet's sentence, a paraphrase of it agrees)
            whole = whole or within and not inner or len(inner) >= WHOLLY_QUOTED * len(words)
    if len(need) < 2 and not whole:
        return True
    # (word by word as `stem` folds them: "put aside political debates" tells the quoted
    # "put aside political debate", stop 62)
    return _run(*([stem(w) for w in _words(t)] for t in (a, b))) >= min(QUOTE_RUN, *need)


def in_quotes(c: Claim, quoted: Mapping[str, Sequence[tuple[int, int]]]) -> bool:
    """A quote of the story (`quoted`: article id -> quote spans) covers most of the claim."""
    return any(min(c.end, e) - max(c.start, s) >= MOSTLY_QUOTED * (c.end - c.start)
               for s, e in quoted.get(c.article_id, ()))


def same_polarity(a: str, b: str) -> bool:
    """Both sentences are negated or neither is (`not`, `no`, `never`, `n't`, ...)."""
    return bool(_NEGATION.search(a)) == bool(_NEGATION.search(b))


# A list of three or more names: "Iran, Libya, Somalia and North Korea".
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
_LIST = re.compile(rf"\b{_NAME}(?:,\s+(?:the\s+)?{_NAME}){{1,}},?\s+(?:and|or)\s+"
                   rf"(?:the\s+)?{_NAME}")


def listed_names(text: str) -> frozenset[str]:
    """The folded names of the longest list of three or more names the sentence gives."""
    best: list[str] = []
    for m in _LIST.finditer(text):
        names = [n for n in re.split(r",\s+(?:and\s+|or\s+)?(?:the\s+)?|\s+(?:and|or)\s+"
                                     r"(?:the\s+)?", m.group()) if n]
        if len(names) > len(best):
            best = names
    return frozenset(fold(n) for n in best) if len(best) >= 3 else frozenset()


def _confirms_list(item: str, member: str) -> bool:
    """A sentence listing names ("restricts citizens of Iran, Libya, ... and North Korea") is
    confirmed only by one naming two of them at least, not by one about one of them ("North
    Korean citizens' ability to travel was already restricted"; stop 57, a real consensus
    item). A name's words are matched as the starts of the member's words ("Korea" in
    "Korean", "Korea's")."""
    listed = listed_names(item)
    if not listed:
        return True
    other = listed_names(member)
    if other and listed - other and other - listed:
        return False  # "in Germany, Japan, Vietnam and Taiwan" / "… Vietnam and the U.S." (stop 58)
    words = [fold(w) for w in _WORD.findall(member)]
    named = [n for n in listed
             if all(any(x.startswith(w) for x in words) for w in _WORD.findall(n))]
    return len(named) >= 2


# "served for a decade as a Virginia state legislator": the post someone served, worked or
# acted in (up to four words after "as").
_POST = re.compile(r"\b(?:serv|work|act)(?:e|es|ed|ing|s)?\b(?:\s+[\w'’-]+){0,4}?\s+as\s+"
                   r"((?:[\w'’-]+\s+){0,3}[\w'’-]+)", re.IGNORECASE)


def other_posts(item: str, member: str) -> bool:
    """Both sentences say someone served as something, and the posts share no word: "Northam
    served as McAuliffe's lieutenant governor" is not confirmed by "Mr Northam served for a
    decade as a Virginia state legislator" (stop 61, a real consensus item)."""
    pa, pb = _POST.search(item), _POST.search(member)
    if pa is None or pb is None:
        return False
    return not content_words(pa.group(1)) & content_words(pb.group(1))


def agrees(item: str, member: str, weights: StoryWeights | None = None,
           inside: tuple[bool, bool] = (False, False)) -> bool:
    """Whether `member` states what `item` states (see the module docstring); `inside`:
    whether each lies inside a quote."""
    if not (_confirms_list(item, member) and _confirms_list(member, item)):
        return False
    fa, fb = figures(item), figures(member)
    if fa and fb and not fa & fb:
        return False
    if fa and not fb and not counts_in_words(member):
        return False  # the member states no figure: it does not confirm the item's
    if not fa and not fb - day_numbers(member) and counts_in_words(item) \
            and not counts_in_words(member):
        # "Republicans won the five other statewide offices, four of them by ..." is not
        # confirmed by "Now, she just won a local office" (stop 56, a real consensus item);
        # nor "five federal courts have found ..." by "On June 18 the Supreme Court ruled ..."
        # (a day of a month is no count; stop 57)
        return False
    wa, wb = count_words(item), count_words(member)
    if wa and wb and not (wa | _numbers(fa)) & (wb | _numbers(fb)):
        return False  # "He died seven months after his wife" / "about eight months after"
    if other_posts(item, member):
        return False
    oa, ob = ordinals(item), ordinals(member)
    if oa and ob and not oa & ob:
        return False  # "the sixth case" / "the first case ... via person-to-person transmission"
    if content_words(item) == content_words(member):
        return True
    a, b = statement_words(item), statement_words(member)
    if not (2 * len(a & b) >= STATEMENT_DICE * (len(a) + len(b)) and a & b):
        return False
    if weights is None:
        return True
    if asks(item) or asks(member):
        return False
    specific = weights.dice(item, member)
    if specific < SPECIFIC_DICE or not quoted_verbatim(item, member, inside):
        return False
    return specific >= SAME_WORDS or same_quote(item, member) or same_polarity(item, member)


def lead_ends(facts: Sequence[ArticleFacts]) -> dict[str, int]:
    """Article id -> where its lead (the first `LEAD_SENTENCES` sentences) ends."""
    out: dict[str, int] = {}
    for f in facts:
        ends = sorted(s.end for s in f.sentences)
        if ends:
            out[f.article_id] = ends[min(LEAD_SENTENCES, len(ends)) - 1]
    return out


def agreeing(members: Sequence[Claim], representative: Claim,
             leads: Mapping[str, int] | None = None,
             weights: StoryWeights | None = None,
             quoted: Mapping[str, Sequence[tuple[int, int]]] | None = None,
             undated: frozenset[str] = frozenset()) -> list[Claim]:
    """The members that agree with the representative (which always does); with `leads`
    (`lead_ends`), a member in its lead agrees with a representative in its own, if either
    article is `undated` only when their words agree too (`agrees` without weights, and a
    whole quote's run of words, `quoted_verbatim`): a story with undated members may join a
    topic's events, whose leads tell different ones (stop 46 read 1 undated story in 10 as
    one event; stop 60 saw "Trump has cancelled a summit with Kim" confirmed by the lead of
    a later piece on a student's family, stop 62 Fox's lead on the census case the Supreme
    Court took up by a columnist quoted on a later turn of it; the whole `agrees` there cost
    the NeuS summaries 0.2 ROUGE-1, whose undated excerpts are leads of one event); with
    `weights` (`StoryWeights`), shared words must be specific and polarity the same; with
    `quoted` (article id -> quote spans), two claims inside quotes must share words."""
    leads, quoted = leads or {}, quoted or {}
    rep_inside = in_quotes(representative, quoted)

    def in_lead(c: Claim) -> bool:
        return c.start < leads.get(c.article_id, 0)

    rep_lead = in_lead(representative)
    def leads_agree(c: Claim) -> bool:
        return rep_lead and in_lead(c) and (
            not {c.article_id, representative.article_id} & undated
            or agrees(representative.text, c.text) and quoted_verbatim(
                representative.text, c.text, (rep_inside, in_quotes(c, quoted))))

    return [c for c in members if c is representative or leads_agree(c)
            or agrees(representative.text, c.text, weights,
                      (rep_inside, in_quotes(c, quoted)))]
