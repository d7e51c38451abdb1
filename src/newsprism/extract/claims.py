"""Claims: the sentence-level statements an article makes, with their quantities and dates.

A claim is one sentence reduced to subject / predicate lemma / object from the dependency
parse, so that two outlets' versions of one fact can be matched later (`newsprism.compare.story`).
Reported speech ("X said that ...", "..., according to X") is unwrapped: the claim is the
reported content, `attributed_to` names who the article says made it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from ..dates import parse_iso, resolve_dates
from ..model import Article, Claim, DateRef, Mention, Quantity, Quote
from ..nlp.loader import sents_of, text_of, tokens_of
from ..text import closing_mark_end, stable_id
from .according import according_to
from .anchors import anchors_at, speech_date
from .quantities import find_quantities

# Verbs of saying: a sentence built on one of them reports someone else's statement.
SPEECH_VERBS = frozenset({
    "say", "tell", "state", "add", "claim", "announce", "report", "declare", "insist",
    "stress", "emphasize", "emphasise", "note", "warn", "argue", "assert", "confirm",
    "deny", "allege", "explain", "write", "reveal", "accuse", "acknowledge", "admit",
    "suggest", "indicate", "maintain", "contend", "believe", "quote", "mention", "predict",
    "promise", "vow", "pledge", "urge", "describe", "tweet", "estimate", "conclude", "show",
})
_SUBJ = ("nsubj", "nsubjpass", "csubj", "expl")
_OBJ = ("dobj", "attr", "oprd", "dative", "acomp")
_MIN_WORDS = 4
_MAX_PHRASE = 80  # characters kept of a subject/object phrase


# Verbs grouped by what they say about an event's date: "opened talks" and "talks began"
# date the same moment.
VERB_CLASS = {
    "begin": "start", "start": "start", "open": "start", "launch": "start", "commence": "start",
    "initiate": "start", "kick": "start", "resume": "start",
    "end": "end", "conclude": "end", "finish": "end", "close": "end", "wrap": "end",
    "complete": "complete", "build": "complete", "construct": "complete",
    "sign": "sign", "ink": "sign", "seal": "sign",
    "die": "die", "kill": "die", "pass": "die",
    "arrest": "arrest", "detain": "arrest", "elect": "elect", "win": "win",
    "found": "found", "establish": "found", "create": "found",
}
NOUN_CLASS = {"start": "start", "beginning": "start", "outbreak": "start", "opening": "start",
              "launch": "start", "onset": "start", "end": "end", "close": "end",
              "conclusion": "end", "signing": "sign", "completion": "complete",
              "death": "die", "arrest": "arrest", "election": "elect", "founding": "found"}
_RELATIVE = {"which", "that", "who", "whom"}


def _event_of(doc, start: int, end: int) -> str | None:
    """"noun verb-class" for the event a date expression dates: the verb it hangs on and that
    verb's object (or subject), e.g. "the talks, which began in 2021" -> "talks start";
    distinguishing modifiers are joined to the noun ("ceasefire_agreement sign")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    while tok.head.i != tok.i and (tok.i in range(span.start, span.end) or tok.pos_ == "ADP"):
        tok = tok.head
    if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() not in NOUN_CLASS and \
            tok.dep_ in ("dobj", "nsubj", "nsubjpass") and tok.head.pos_ == "VERB":
        tok = tok.head  # "signed an agreement on Tuesday": the date hangs on the object
    if tok.pos_ == "NOUN":
        # "the start of the war in 2011": the event noun's "of" object is what started.
        of = tok.head if tok.head.lower_ == "of" else None
        owner = of.head if of is not None else tok
        lemma = owner.lemma_.lower()
        if lemma in NOUN_CLASS:
            obj = tok if of is not None else next(
                (g for c in owner.children if c.lower_ == "of" for g in c.children
                 if g.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                return f"{_noun_key(obj, span)} {NOUN_CLASS[lemma]}"
        return None
    if tok.pos_ != "VERB":
        return None
    lemma = tok.lemma_.lower()
    if lemma in SPEECH_VERBS or lemma in ("be", "have", "do", "make", "get"):
        return None
    noun = None
    for dep in ("dobj", "nsubjpass", "nsubj"):
        for child in tok.children:
            if child.dep_ == dep and child.pos_ in ("NOUN", "PROPN", "PRON"):
                noun = child
                break
        if noun is not None:
            break
    if noun is not None and noun.lower_ in _RELATIVE and tok.dep_ == "relcl":
        noun = tok.head
    if noun is None or noun.pos_ == "PRON":
        return None
    # "The House passed the bill": only "passed away" is a death.
    cls = lemma if lemma == "pass" and not any(c.lower_ == "away" for c in tok.children) \
        else VERB_CLASS.get(lemma, lemma)
    # "planned to pass a resolution on Wednesday", "will sign it on Monday": the date of an
    # intention, no version of the day it happened.
    return f"{_noun_key(noun, span)} {PLANNED + cls if _intended(tok) else cls}"


PLANNED = "planned_"  # before the verb class of an event that is intended, not done
# Verbs whose open complement is intended, not done: "planned to pass", "hopes to sign".
_INTENT = frozenset({"plan", "intend", "aim", "hope", "want", "seek", "expect", "schedule",
                     "set", "propose", "vow", "promise", "pledge", "threaten", "try", "go",
                     "prepare", "wish", "need"})
MODALS = frozenset({"will", "'ll", "shall", "wo", "would", "could", "may", "might", "should",
                    "must", "can", "ca"})


def _intended(verb) -> bool:
    """Whether a verb is intended or future: it has a future or modal auxiliary, or it (or
    the verb it is joined to by "and") is the open complement of a verb of intention."""
    v = verb.head if verb.dep_ == "conj" and verb.head.pos_ == "VERB" else verb
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in (*verb.children, *v.children)):
        return True
    return v.dep_ == "xcomp" and v.head.lemma_.lower() in _INTENT


_PLAIN_ADJ = {"new", "first", "last", "latest", "recent", "previous", "final", "long", "big",
              "major", "key", "current", "initial", "formal", "official", "other", "same",
              "former", "late"}


def _noun_key(noun, date_span) -> str:
    """The noun with the modifiers that tell one such thing from another, joined by "_":
    "the March 5 ceasefire agreement" -> "ceasefire_agreement" (the date itself left out)."""
    mods = sorted(c.lemma_.lower() for c in noun.children
                  if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "PROPN", "ADJ")
                  and not date_span.start <= c.i < date_span.end and c.is_alpha
                  and c.lemma_.lower() not in _PLAIN_ADJ)
    # "six states held primaries" is many events, "the primary was held" one: a plural
    # event noun keeps its plural, so the two are no versions of one date.
    head = noun.lower_ if noun.tag_ in ("NNS", "NNPS") and noun.is_alpha else noun.lemma_.lower()
    return "_".join([*mods, head])


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})


def _future(doc, start: int, end: int) -> bool:
    """Whether the verb a date hangs on is future ("will deliver it on Monday", "is set to
    meet on Friday", "is going to vote on Tuesday")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    chain = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
    for v in chain:
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in v.children):
            return True
        if v.lemma_.lower() in ("set", "schedule", "go", "expect", "plan") and \
                any(c.dep_ == "xcomp" for c in v.children) and v is not verb:
            return True
    # "hope to sign it on Tuesday", "want to vote on Monday": an intention held now (not
    # "hoped to", "tried to") is for a day to come.
    return verb.dep_ == "xcomp" and (verb.head.lemma_.lower() in ("set", "schedule", "go",
                                                                  "plan", "expect") or (
        verb.head.lemma_.lower() in _INTENT - {"try"} and verb.head.tag_ in ("VBP", "VBZ"))) \
        or _scheduled(span[-1], verb)


def _scheduled(day, verb) -> bool:
    """"Democrats gather for their convention on Tuesday", "Meng has a bail hearing Friday":
    a present simple, no verb of saying, whose own adverbial the day is (news tells what was
    done in the past tense) is what is scheduled (stop 55: a Monday paper's "gather ... on
    Tuesday" was dated the week before). Not a day that names a thing ("Tuesday's vote
    turns out"), nor "since Tuesday"."""
    if verb.tag_ not in ("VBZ", "VBP") or verb.lemma_.lower() in SPEECH_VERBS \
            or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    lo, hi = sorted((verb.idx, day.idx))
    if any(q in text_of(verb.doc)[lo:hi] for q in "\"“”"):
        return False  # "a bit of “it’s not you, it’s me” in his press conference Thursday"
    if day.dep_ == "npadvmod":
        return day.head.i == verb.i
    return day.dep_ == "pobj" and day.head.lower_ in ("on", "by", "until", "through") \
        and day.head.head.i == verb.i


def find_dates(article: Article, doc=None) -> tuple[DateRef, ...]:
    anchor = parse_iso(article.published)
    out = []
    for r in resolve_dates(article.text, anchor, years=True):
        # The parser may swallow trailing whitespace after a time; evidence spans should not.
        text = r.text.rstrip()
        end = r.start + len(text)
        if text == "TODAY" or article.text[max(0, r.start - 4):r.start] == "USA ":
            continue  # "USA TODAY", the paper, is no date
        if _in_url(article.text, r.start, end):
            continue  # ".../2018/11/09/story-name": a web address, no date of anything
        day = r.day
        # A bare weekday is read as the past one; with a future verb it is the coming one.
        words = text.lower().split()
        if anchor is not None and doc is not None and words and words[-1] in _WEEKDAYS and \
                words[0] not in ("last", "next") and day < anchor and _future(doc, r.start, end):
            day = day + timedelta(days=7)
        event = _event_of(doc, r.start, end) if doc is not None else None
        anchors = anchors_at(doc, r.start, end) if doc is not None else ()
        speech = doc is not None and speech_date(doc, r.start, end, SPEECH_VERBS)
        out.append(DateRef(article_id=article.id, start=r.start, end=end, text=text,
                           date=day.isoformat(), granularity=r.granularity, event=event,
                           anchors=anchors, speech=speech))
    return tuple(out)


def _in_url(text: str, start: int, end: int) -> bool:
    """Whether chars [start, end) lie inside a web address (the run of non-space around)."""
    lo = max(text.rfind(w, 0, start) for w in (" ", "\n", "\t")) + 1
    his = [k for k in (text.find(w, end) for w in (" ", "\n", "\t")) if k >= 0]
    chunk = text[lo:min(his) if his else len(text)]
    return "://" in chunk or chunk.lower().startswith("www.")


def _phrase(tok, lo: int, hi: int) -> str:
    """The noun phrase headed by `tok`, without trailing relative clauses, inside the token
    range [lo, hi) of the statement (parses can link across line breaks)."""
    keep = [t for t in tok.subtree if lo <= t.i < hi and (
        t.dep_ not in ("relcl", "acl", "punct", "cc", "conj") or t.i == tok.i)]
    if not keep:
        return ""
    # Keep a contiguous stretch around the head.
    left = min(t.i for t in keep)
    right = max(t.i for t in keep)
    doc = tok.doc
    span = doc[left:right + 1]
    text = " ".join(span.text.split())
    return text[:_MAX_PHRASE]


def _main_verb(sent):
    root = sent.root
    if root.pos_ not in ("VERB", "AUX"):
        for t in sent:
            if t.pos_ == "VERB" and t.dep_ in ("ROOT", "ccomp", "conj"):
                return t
    return root


def _svo(verb, lo: int, hi: int) -> tuple[str | None, str | None, str | None]:
    subj = obj = None
    for child in verb.children:
        if not lo <= child.i < hi:
            continue
        if child.dep_ in _SUBJ and subj is None:
            subj = _phrase(child, lo, hi) or None
        elif child.dep_ in _OBJ and obj is None:
            obj = _phrase(child, lo, hi) or None
    if obj is None:
        for child in verb.children:
            if child.dep_ in ("prep", "agent"):
                for g in child.children:
                    if g.dep_ == "pobj":
                        obj = child.text.lower() + " " + _phrase(g, lo, hi)
                        break
            if obj is not None:
                break
    return subj, verb.lemma_.lower(), obj


def _reported(sent) -> tuple[object, str | None]:
    """(content verb, speaker) when the sentence is reported speech, else (main verb, None)."""
    verb = _main_verb(sent)
    lo, hi = sent.start, sent.end
    speaker = None
    if verb.lemma_.lower() in SPEECH_VERBS:
        content = None
        for child in verb.children:
            if child.dep_ in ("ccomp", "xcomp", "parataxis") and child.pos_ in ("VERB", "AUX"):
                content = child
                break
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and speaker is None:
                speaker = _phrase(child, lo, hi)
        # "..., the broadcaster quoted X as saying": X is the speaker, not the broadcaster.
        if verb.lemma_.lower() == "quote":
            for child in verb.children:
                if child.dep_ == "dobj":
                    speaker = _phrase(child, lo, hi)
        if content is not None:
            return content, speaker
        return verb, speaker
    # "... according to X"
    for t in sent:
        if according_to(t):
            for g in t.doc[t.i + 1].children:
                if g.dep_ == "pobj":
                    speaker = _phrase(g, lo, hi)
            break
    return verb, speaker


def _statements(doc):
    """Sentences, cut again at line breaks: scraped headers and captions run into the first
    sentence without punctuation, and a claim must not span a paragraph break."""
    toks, text = tokens_of(doc), text_of(doc)

    def words_in(lo: int, hi: int) -> bool:  # `doc[lo:hi].text.strip()`, without the Span
        return lo < hi and bool(text[toks[lo].idx:toks[hi - 1].idx + len(toks[hi - 1])].strip())

    for sent in sents_of(doc):
        begin = sent.start
        for tok in toks[sent.start:sent.end]:
            if tok.i > begin and ("\n" in tok.text or "\n" in toks[tok.i - 1].whitespace_):
                if words_in(begin, tok.i):
                    yield doc[begin:tok.i]
                begin = tok.i + (1 if tok.is_space else 0)
        if words_in(begin, sent.end):
            yield doc[begin:sent.end]


def find_claims(article: Article, doc, mentions: tuple[Mention, ...],
                quotes: tuple[Quote, ...]) -> tuple[tuple[Quantity, ...], tuple[DateRef, ...],
                                                    tuple[Claim, ...]]:
    """Quantities, resolved dates and sentence-level claims of one parsed article."""
    quantities = tuple(replace(q, anchors=anchors_at(doc, q.start, q.end))
                       for q in find_quantities(article, doc))
    dates = find_dates(article, doc)
    claims: list[Claim] = []
    taken = 0  # the end of the last statement, with the closing mark it took from the next
    toks, text = tokens_of(doc), text_of(doc)
    for sent in _statements(doc):
        raw = text[sent.start_char:sent.end_char]
        lead = len(raw) - len(raw.lstrip())
        start = sent.start_char + lead
        end = sent.start_char + len(raw.rstrip())
        if start < taken:  # the mark the statement before took
            start = taken + len(article.text[taken:end]) - len(article.text[taken:end].lstrip())
        words = [t for t in toks[sent.start:sent.end] if t.is_alpha]
        if end <= start or len(words) < _MIN_WORDS:
            continue
        end = taken = closing_mark_end(article.text, start, end)
        if not any(t.pos_ in ("VERB", "AUX") for t in toks[sent.start:sent.end]):
            continue  # headlines, captions, menu lines: no statement to match
        verb, speaker = _reported(sent)
        subject, predicate, obj = _svo(verb, sent.start, sent.end)
        # A quote inside the sentence names its speaker better than the parse does.
        for q in quotes:
            if q.start < end and start < q.end and q.speaker:
                speaker = q.speaker
                break
        claims.append(Claim(
            id=stable_id(article.id, str(start), str(end)),
            article_id=article.id, start=start, end=end, text=article.text[start:end],
            subject=subject, predicate=predicate, object=obj,
            quantities=tuple(q for q in quantities if start <= q.start and q.end <= end),
            dates=tuple(d for d in dates if start <= d.start and d.end <= end),
            attributed_to=speaker,
        ))
    return quantities, dates, tuple(claims)
