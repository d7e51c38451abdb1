"""What kind of figure a count is, beyond the thing it counts: a need, a forecast or plan, a
capacity, a stock, a rate, or a count from a stated start ("since the curfew").

"The state's stockpile holds 8,000 pumps" and "the state is projected to need 25,000 pumps"
count one thing (ventilators) but state two facts: what is there and what
will be needed. "Police made 10 arrests since the curfew" and "police made more than 200
arrests" count two periods. `qualifiers_at` reads the parse around a figure's counted noun
and returns its tags ("need", "future", "capacity", "stock", "rate", "part" when the sentence
adds "another N", "since:curfew", "who:write" for a relative clause on the counted noun, and
"period" for another stated period such as "in recent years", "to:<words>" for whom the
things went to, "to:nigerian"); `compare.conflicts` compares only figures of the same kind,
start and clause, and doubts two with different recipients. A plain count of what happened
has none.
"""

from __future__ import annotations

import functools

# Words on the path from the counted noun up to its clause's verb (lemmas), or modal
# auxiliaries of that verb, that make the figure something other than a count of what is.
QUALIFIER_WORDS: dict[str, str] = {
    **dict.fromkeys(("need", "require", "necessary", "shortage", "shortfall"), "need"),
    **dict.fromkeys(("expect", "project", "projection", "predict", "prediction", "forecast",
                     "anticipate", "plan", "aim", "target", "goal", "intend", "pledge",
                     "promise", "propose", "hope", "seek", "want", "will", "would", "could",
                     "might", "may", "shall", "'ll", "wo"), "future"),
    **dict.fromkeys(("capacity", "can", "able", "accommodate", "ca"), "capacity"),
    **dict.fromkeys(("stockpile", "stock", "reserve", "inventory", "stockpiled",
                     "available"), "stock"),
}
# Time units after "a", "an", "per", "each", "every": "500 cases a day" is a rate.
_RATE_UNITS = frozenset({"day", "week", "month", "year", "hour", "night", "minute"})
_RATE_WORDS = frozenset({"daily", "weekly", "monthly", "annually", "yearly", "nightly",
                         "hourly", "annual"})
_RATE_ARTICLES = frozenset({"a", "an", "per", "each", "every"})
RATE_WINDOW = 4  # tokens after the counted noun where "a day" makes the figure a rate
CLIMB = 6  # heads climbed from the counted noun to the verb of its clause
# Clauses climbed through to the verb that governs the figure ("is projected to need").
_THROUGH = frozenset({"xcomp", "conj", "aux", "auxpass"})


def _since(verb) -> str | None:
    """"since:<noun>" for a start given on the verb: "since the curfew", "since the unrest
    began" (the clause's subject), "since Monday"."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "since":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            return "since:" + (obj.lemma_.lower() if obj is not None else "?")
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since"
                                     for m in c.children):
            subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), c)
            return "since:" + subj.lemma_.lower()
    return None


_PERIOD_PREPS = frozenset({"in", "over", "during", "for", "within", "through", "throughout"})


def _period(tok) -> bool:
    """Whether `tok` carries a stated period: "in recent years", "over the past week", "last
    month" (a date phrase on it)."""
    for c in tok.children:
        if c.dep_ == "npadvmod" and c.ent_type_ == "DATE":
            return True
        if c.dep_ == "prep" and c.lower_ in _PERIOD_PREPS and any(
                g.dep_ == "pobj" and g.ent_type_ == "DATE" for g in c.children):
            return True
    return False


def _rate(noun) -> bool:
    doc = noun.doc
    if any(c.lower_ in _RATE_WORDS for c in noun.children):
        return True
    window = doc[noun.i + 1:min(len(doc), noun.i + 1 + RATE_WINDOW)]
    for k, t in enumerate(window):
        if t.is_sent_start or t.is_punct:
            break
        if t.lower_ in _RATE_WORDS or (t.lower_ in _RATE_ARTICLES and k + 1 < len(window)
                                       and window[k + 1].lemma_.lower() in _RATE_UNITS):
            return True
    return False


_MORE = frozenset({"another", "additional"})


def _part(noun) -> bool:
    """Whether the figure's sentence adds more of it later ("12 seats went to the party in
    the capital and another 9 in the provinces"): the figure is a part."""
    sent = noun.sent
    return any(t.lower_ in _MORE and t.i + 1 < sent.end and noun.doc[t.i + 1].like_num
               for t in noun.doc[noun.i + 1:sent.end])


def _relative(noun) -> str | None:
    """"who:<verb>" for a figure narrowed by a relative clause ("twelve miners who were
    trapped"): the clause's verb defines the set counted."""
    for c in noun.children:
        if c.dep_ == "relcl" and c.pos_ in ("VERB", "AUX"):
            return "who:" + c.lemma_.lower()
    return None


def _words_near(noun) -> tuple[list[str], object | None]:
    """Lemmas that qualify the counted noun (its clause and phrase modifiers, the heads of
    "in/for" phrases on it, the words up to its clause's verb and that verb's modals and
    "in/for" objects) and that verb (None if none within reach)."""
    words = []
    for c in noun.children:
        if c.dep_ in ("acl", "amod", "relcl"):
            words.append(c.lemma_.lower())
        elif c.dep_ == "prep" and c.lower_ in ("in", "for", "on"):
            words.extend(g.lemma_.lower() for g in c.children if g.dep_ == "pobj")
    tok, verb = noun, None
    for _ in range(CLIMB):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        words.append(tok.lemma_.lower())
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod":
            verb = verb or tok
            words.extend(c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass"))
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "on"):
                    words.extend(g.lemma_.lower() for g in c.children if g.dep_ == "pobj")
            if tok.dep_ not in _THROUGH:
                break
    return words, verb


# Entity types a "to" object has when it is a figure or a time, not whom something went to
# ("rose to 3.7%", "to 2019").
_NOT_RECIPIENT = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL",
                            "ORDINAL"})


def _recipient(noun, verb) -> str | None:
    """"to:<words>" for whom the counted things went to: "issued 8,018 visas to Nigerians"
    is "to:nigerian", "issued 12,400 visas to people covered by the proclamation" is
    "to:people" (the object's lemma and its compounds and adjectives). Two counts that went
    to different recipients may be a part and a whole (real Baly text, stop 42)."""
    for head in (noun, verb):
        if head is None:
            continue
        for c in head.children:
            if c.dep_ not in ("prep", "dative") or c.lower_ != "to":
                continue
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is None or obj.like_num or obj.ent_type_ in _NOT_RECIPIENT \
                    or obj.pos_ not in ("NOUN", "PROPN"):
                continue
            near = [obj, *(g for g in obj.children if g.dep_ in ("compound", "amod"))]
            words = {w.lemma_.lower().removesuffix("s") for w in near}
            return "to:" + "+".join(sorted(words))
    return None


def qualifiers_at(doc, end: int) -> tuple[str, ...]:
    """Tags of the figure whose counted noun ends at char `end` (sorted; () for a plain
    count of what happened)."""
    span = doc.char_span(end - 1, end, alignment_mode="expand")
    if span is None:
        return ()
    noun = span.root
    words, verb = _words_near(noun)
    tags = {QUALIFIER_WORDS[w] for w in words if w in QUALIFIER_WORDS}
    if _rate(noun):
        tags.add("rate")
    if _part(noun):
        tags.add("part")
    who = _relative(noun)
    if who:
        tags.add(who)
    since = _since(verb) if verb is not None else None
    if since is None:
        since = _since(noun)
    to = _recipient(noun, verb)
    if to:
        tags.add(to)
    if since:
        tags.add(since)
    elif _period(noun) or (verb is not None and _period(verb)):
        tags.add(PERIOD)
    return tuple(sorted(tags))


PERIOD = "period"  # a stated period other than a start: "in recent years", "last month"


def kind_tags(tags: tuple[str, ...]) -> frozenset[str]:
    """The tags that say what kind of figure it is (not its period nor its clause)."""
    return frozenset(t for t in tags if t != PERIOD
                     and not t.startswith(("since:", "who:", "to:")))


def relative_verb(tags: tuple[str, ...]) -> str | None:
    return next((t[4:] for t in tags if t.startswith("who:")), None)


def since_tag(tags: tuple[str, ...]) -> str | None:
    return next((t for t in tags if t.startswith("since:")), None)


@functools.lru_cache(maxsize=4096)
def recipient_tag(tags: tuple[str, ...]) -> frozenset[str]:
    """The words of whom the figure went to ("to:nigerian" -> {"nigerian"}); empty for none."""
    return next((frozenset(t[3:].split("+")) for t in tags if t.startswith("to:")),
                frozenset())
