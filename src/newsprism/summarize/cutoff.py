"""A sentence the page cut off ("... after warning Mr. Smith that he could face prison for
lying to"): ended where what is kept is a whole claim in the source's own words, or dropped.

Two kinds of end, tried in order:
- a clause break ("..., after warning ...", "..., but reiterated ...", "... — but also ..."):
  what comes before it is a whole clause;
- failing that, with the sentence's main verb known (the extract stage's claim: its subject
  and the verb's lemma), the start of a trailing phrase after the verb's object ("... banning
  rifles after last week's attack that killed 50 people at" -> "... banning rifles."): the
  subject, the verb and some of its object are kept. Never inside a clause opened after the
  verb ("that", "whether", "who": its verb may be what the page cut), never right after a
  function word, and never after a superlative or "first"/"only" (cutting "in seven years" from
  "for the first time in seven years" would make a false claim).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .neutral import QUOTED
from .select import STOPWORDS

# Relative pronouns are no break: "The parents of X, who ..." would keep a subject alone. A
# conjunction breaks only before a lower-case word ("..., and House Speaker Y" joins names).
_CLAUSE_BREAK = re.compile(r"(?:,|;|\s+(?:—|–|--))\s+(?=(?:where|when|while|after|before|as|"
                           r"though|although|because|since|amid|despite|including|according|"
                           r"[a-z]+ing)\b|(?:but|and|or)\s+[a-z])"
                           r"|\s+(?=(?:before|after|while|since|despite|by|without)\s+[a-z]+ing\b)")
CUT_MIN_WORDS = 8  # a shorter remainder of a cut-off sentence says too little
ELLIPSIS = re.compile(r"(?:\.\.\.|…)\s*$")
# Where a trailing phrase starts: a preposition that opens an adjunct ("after", "amid", "in
# response to") or a complement the claim holds without ("consequences for ..."); an
# appositive on the clause (", a milestone that ..."); a time clause (", weeks after ...").
# Not "to", "from" or "of" (cutting "urged voters to", "barred them from" or "the withdrawal
# of" would change what is claimed), nor "since"/"until" (they bound a claim in time).
_PHRASE_BREAK = re.compile(
    r"\s+(?=(?:after|before|amid|despite|following|during|ahead\s+of|in\s+response\s+to|"
    r"as\s+part\s+of|for|in|into|on|at|over|with|without|against|about|under|through|near|"
    r"across)\s)"
    r"|,\s+(?=(?:(?:just|only|some|about|nearly|almost)\s+)?(?:[\w-]+\s+)?(?:seconds|minutes|"
    r"hours|days|weeks|months|years)\s+(?:after|before|into)\b|(?:a|an)\s+[a-z]|from\s)")
# What opens a clause whose verb the page may have cut ("... to probe whether the oil
# company for"); ", and"/"and the" may start a new clause too.
_OPENER = re.compile(r"\b(?:that|which|who|whom|whose|whether|if|because|although|though|"
                     r"while|when|where|unless|whereas|what|how|why|as(?!\s+(?:a|an|part)\b)|than)\b|,\s+(?:and|but|or)\b|"
                     r"\b(?:and|but|or)\s+(?:the|a|an|he|she|they|it|his|her|their|its|we|"
                     r"i)\b", re.IGNORECASE)
VERB_GAP = 5  # words at most between the subject and its verb ("has openly embraced")
# Fewer content words after the verb leave an idiom or a bare noun without what it needs
# ("cleared the way", "unveiled plans").
MIN_OBJECT_WORDS = 2
# A kept part ending on an adverb or a bare span of time leans on what was cut (", weeks",
# "a weak person shortly").
_DANGLING_END = re.compile(r"^(?:[a-z]+ly|soon|just|right|even|moments|seconds|minutes|hours|"
                           r"days|weeks|months|years)$")
_PARTICLES = frozenset("down off back away on in".split())  # "cracked down" has no object
_BOUND = re.compile(r"^(?:first|only|most|least|record|ever|never|[a-z]{3,}est)$")
# Words ending in -est that are no superlative.
_NOT_BOUND = frozenset("request interest protest arrest contest suggest invest honest forest "
                       "harvest conquest modest digest manifest inquest unrest behest".split())

_IRREGULAR = {
    "be": "is are was were been being am 's 're", "have": "has had having 've",
    "do": "does did done", "say": "said says", "take": "took taken takes",
    "make": "made makes", "give": "gave given gives", "go": "went gone goes",
    "come": "came comes", "get": "got gotten gets", "tell": "told tells",
    "find": "found finds", "hold": "held holds", "lead": "led leads", "leave": "left leaves",
    "meet": "met meets", "win": "won wins", "lose": "lost loses", "keep": "kept keeps",
    "bring": "brought brings", "pay": "paid pays", "send": "sent sends",
    "build": "built builds", "begin": "began begun begins", "run": "ran runs",
    "sell": "sold sells", "stand": "stood stands", "fall": "fell fallen falls",
    "rise": "rose risen rises", "know": "knew known knows", "see": "saw seen sees",
    "write": "wrote written writes", "speak": "spoke spoken speaks", "strike": "struck strikes",
    "seek": "sought seeks", "fight": "fought fights", "become": "became becomes",
    "draw": "drew drawn draws", "withdraw": "withdrew withdrawn withdraws",
    "grow": "grew grown grows", "throw": "threw thrown throws", "break": "broke broken breaks",
    "hear": "heard hears", "feel": "felt feels", "mean": "meant means", "shoot": "shot shoots",
    "flee": "fled flees", "spend": "spent spends", "buy": "bought buys", "think": "thought",
    "choose": "chose chosen chooses", "drive": "drove driven drives", "uphold": "upheld upholds",
}


def trim_cut_off(text: str, verbs: Sequence[tuple[str | None, str]] = ()) -> str | None:
    """A sentence the page cut off ended at its last clause break, or else (with `verbs`, the
    (subject, verb lemma) of its claims) at the last phrase break after its main verb's
    object, when what is left is a whole claim in running prose; else None. Headlines
    (mostly capitalised words) are not trimmed."""
    body = ELLIPSIS.sub("", text).rstrip()
    if body.endswith(":"):
        return None  # a list or a quote follows: the line is whole, and says nothing alone
    words = body.split()
    if len(words) < CUT_MIN_WORDS or sum(w[:1].islower() for w in words) * 2 < len(words):
        return None
    cuts = [m.start() for m in _CLAUSE_BREAK.finditer(body)]
    if cuts:
        return _whole(body[:cuts[-1]])
    for subject, lemma in verbs:
        kept = _after_object(body, subject, lemma)
        if kept is not None:
            return kept
    return None


def _whole(kept: str) -> str | None:
    """`kept` as a sentence when it is long enough and closes every quote and parenthesis."""
    kept = kept.rstrip(" ,;—–-")
    outside = QUOTED.sub(" ", kept)
    if (len(kept.split()) < CUT_MIN_WORDS or outside.count('"') % 2
            or outside.count("“") != outside.count("”") or kept.count("(") != kept.count(")")):
        return None
    return kept if kept.endswith(".") else kept + "."


def _bare(word: str) -> str:
    return word.strip(".,;:“”\"'’()").lower()


def _after_object(body: str, subject: str | None, lemma: str) -> str | None:
    """`body` cut before the last phrase break after the verb `lemma` (found after
    `subject`) and something of its object, with no clause opened in between."""
    at = body.find(subject) if subject else -1
    if not subject or at < 0:
        return None  # no subject seen: the "verb" may be a noun the parser misread
    if _OPENER.search(body, 0, at):
        return None  # "... victims — who said he ...": the claim is a clause's, not the sentence's
    verb = verb_end(body, lemma, at + len(subject))
    if verb is None or len(body[at + len(subject):verb].split()) > VERB_GAP:
        return None
    opener = _OPENER.search(body, verb)
    limit = opener.start() if opener else len(body)
    best: str | None = None
    for m in _PHRASE_BREAK.finditer(body, verb):
        if m.start() > limit:
            break
        between = [_bare(w) for w in body[verb:m.start()].split()]
        content = [w for w in between if w and w not in STOPWORDS and w not in _PARTICLES]
        # A phrase bounding a superlative ("the first time in years") stays with it; after
        # a comma what follows is an aside, not a bound.
        near = [] if body[m.start()] == "," else between[-5:] + [
            _bare(w) for w in body[m.end():].split()[:4]]
        if len(content) < MIN_OBJECT_WORDS or between[-1] in STOPWORDS \
                or _DANGLING_END.match(between[-1]) or any(
                    _BOUND.match(w) and w not in _NOT_BOUND for w in near):
            continue
        best = _whole(body[:m.start()]) or best
    return best


def verb_end(text: str, lemma: str, start: int = 0) -> int | None:
    """Where the first form of the verb `lemma` at or after `start` ends, or None."""
    lemma = lemma.lower()
    if not lemma.isalpha():
        return None
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing",
             *_IRREGULAR.get(lemma, "").split()}
    if lemma.endswith("e"):
        forms.add(lemma[:-1] + "ing")
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    for m in re.finditer(r"[\w’']+", text[start:]):
        if m.group().lower() in forms or m.group().lower().replace("’", "'") in forms:
            return start + m.end()
    return None


# A sentence ending on an auxiliary whose verb is left out: "Barr said he did not." (stop 44,
# a real summary's first sentence), "She said she would.", "They have not either." Its sense
# is in the sentence before; alone it says nothing. Not a comparison ("than it was", "as
# it is") nor a question word's clause ("what it is").
_ELIDED = re.compile(r"\b(?P<subject>[\w’'-]+)\s+(?:do|does|did|has|have|had|is|are|was|were|"
                     r"will|wo|would|could|can|should|shall|might|must|may)(?:\s+not|n?['’]t)?"
                     r"(?:\s+(?:so|too|either))?\s*[.!]\s*[”\"’]?\s*$")
_NOT_ELIDED_AFTER = frozenset("than as what how where when who whom whatever however".split())


ELIDED_MAX_WORDS = 7  # longer, the left-out verb is mostly in the sentence itself


def elided(text: str) -> bool:
    """A short sentence ending on an auxiliary with its verb left out (see `_ELIDED`). In a
    longer one the verb is mostly there before it ("... what he won't do and tell Americans
    what he will do", "as many other states do", "that he did not request that ... do so"):
    on two real samples all 13 longer sentences the pattern caught stood alone."""
    if len(text.split()) > ELIDED_MAX_WORDS:
        return False
    m = _ELIDED.search(text)
    if m is None:
        return False
    before = text[:m.start("subject")].split()
    return not (before and before[-1].lower().strip(",") in _NOT_ELIDED_AFTER)


# The end of a quotation that began in an earlier sentence, its speaker named after the
# closing mark: `And we have a number of investigations underway," Barr said.` (stop 44: the
# summary made it `Bill Barr said: “And we have ...," Barr said.”`).
# Verbs that tag a quotation with its speaker ("..., Vale said"; "Vale argued: ..."): one list
# for the summary's checks (here and in `standalone`).
SAYING_VERBS = ("said", "says", "say", "told", "tells", "added", "adds", "asked", "asks",
                "responded", "responds", "replied", "replies", "wrote", "writes", "tweeted",
                "tweets", "explained", "explains", "continued", "continues", "noted", "notes",
                "declared", "declares", "stated", "states", "began", "insisted", "argued",
                "recalled", "quipped", "joked", "warned", "countered", "conceded")
SAYING = re.compile(r"\b(?:" + "|".join(SAYING_VERBS) + r")\b", re.I)  # any of them, any case
_NAMED_AFTER_QUOTE = re.compile(r"^[^“\"]*[”\"]\s*,?\s*(?:[A-Z][\w.'’-]*\s+){1,4}(?:"
                                + "|".join(SAYING_VERBS) + r")\b")


def named_after_quote(text: str) -> bool:
    """The sentence closes a quotation it did not open and names the speaker after it."""
    return _NAMED_AFTER_QUOTE.match(text.strip()) is not None


__all__ = ["CUT_MIN_WORDS", "ELIDED_MAX_WORDS", "ELLIPSIS", "SAYING", "SAYING_VERBS", "elided",
           "named_after_quote", "trim_cut_off", "verb_end"]
