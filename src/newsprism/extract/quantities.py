"""Quantities: numbers in the text normalised to ranges, with the counted noun as `unit`.

Outlets rarely print the same number for one fact: one says "hundreds of strikes", another
"dozens of airstrikes", a third "more than 380,000 people". To compare them we turn every
expression into a range [low, high] (None = open) so that two versions conflict only when the
ranges cannot overlap. Vague plurals get conventional ranges ("dozens" 24-99, "hundreds"
200-999); modifiers widen or open them ("more than", "at least", "about", "up to").
"""

from __future__ import annotations

import re

from ..dates import MONTHS
from ..model import Article, Quantity
from ..nlp.loader import text_of, tokens_of
from .qualifiers import qualifiers_at

# Vague plural quantities: (low, high, magnitude). Magnitude multiplies a following
# "of <vague>" ("tens of thousands" = 20-99 x 1000). Ranges follow common usage: "dozens"
# means at least two dozen, "hundreds" at least two hundred.
VAGUE: dict[str, tuple[float, float, float]] = {
    "dozens": (24, 99, 12),
    "scores": (40, 99, 20),
    "tens": (20, 99, 10),
    "hundreds": (200, 999, 100),
    "thousands": (2_000, 9_999, 1_000),
    "millions": (2_000_000, 999_999_999, 1_000_000),
    "billions": (2e9, 999e9, 1e9),
}
SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1,
}
# "several million" is 2-9 million; "a few thousand" 2-5 thousand.
_FEW = {"several": (2, 9), "few": (2, 5)}
SCALE = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000,
         "billion": 1_000_000_000, "trillion": 1e12, "mn": 1_000_000, "bn": 1_000_000_000}
# Words before a number that turn it into a bound or an approximation (longest first).
_LOWER = ("more than", "over", "at least", "upwards of", "in excess of", "no fewer than",
          "no less than", "above", "exceeding", "beyond")
_UPPER = ("less than", "fewer than", "under", "below", "up to", "as many as", "at most",
          "no more than", "maximum of", "a maximum of")
_NEAR_BELOW = ("nearly", "almost", "close to", "just under", "nearly all")
_ABOUT = ("about", "around", "approximately", "roughly", "some", "an estimated",
          "estimated", "an approximate", "circa", "almost exactly")
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_SKIP_ENTS = {"DATE", "TIME", "ORDINAL"}
# Nouns that are not counted things ("one of the ...", "2 of them").
_NOT_UNITS = {"of", "year", "time", "percent_"}


def _number_word(tok) -> bool:
    low = tok.lower_
    return (bool(_DIGITS.match(tok.text)) or low in SMALL or low in SCALE or low in VAGUE
            or low == "-")


def _parse_run(words: list[str]) -> tuple[float, float, bool] | None:
    """Value of a run of number words: (low, high, exact)."""
    words = [w for w in words if w != "-"]
    if not words:
        return None
    # Vague plurals, possibly chained: "hundreds of thousands".
    if words[0] in VAGUE:
        low, high, _ = VAGUE[words[0]]
        for w in words[1:]:
            if w in VAGUE:
                mag = VAGUE[w][2]
                low, high = low * mag, (high + 1) * mag - 1
            elif w != "of":
                return None
        return low, high, False
    total, current = 0.0, 0.0
    seen = False
    for w in words:
        if _DIGITS.match(w):
            current += float(w.replace(",", ""))
            seen = True
        elif w in SMALL:
            if w in ("a", "an") and seen:
                return None
            current += SMALL[w]
            seen = True
        elif w in SCALE:
            scale = SCALE[w]
            current = (current or 1) * scale
            if scale >= 1000:
                total += current
                current = 0
            seen = True
        elif w in VAGUE:
            # "two hundreds" is not English; "several thousands" handled by caller
            return None
        else:
            return None
    if not seen:
        return None
    value = total + current
    return value, value, True


# How far "about" / "nearly" widens a round number written in words ("about a dozen" 9-15).
ROUND_WORD_SLACK = 0.25


def _round_word(run: list, value: float) -> bool:
    """A figure written in words only whose value is round: a multiple of ten or of a dozen
    ("a dozen", "two dozen", "twenty", "a hundred"), not "eleven" or "12"."""
    if not run or any(any(ch.isdigit() for ch in t.text) for t in run):
        return False
    return value >= 10 and (value % 10 == 0 or value % 12 == 0)


def _modifier(text_before: str) -> str | None:
    before = " " + " ".join(text_before.lower().split())
    for group, name in ((_LOWER, "lower"), (_UPPER, "upper"), (_NEAR_BELOW, "near"),
                        (_ABOUT, "about")):
        for phrase in sorted(group, key=len, reverse=True):
            if before.endswith(" " + phrase):
                return name + ":" + phrase
    return None


def _near_month(doc, first: int, stop: int) -> bool:
    before = doc[first - 1].lower_.rstrip(".") if first > 0 else ""
    after = doc[stop].lower_.rstrip(".") if stop < len(doc) else ""
    return before in MONTHS or after in MONTHS


# Adjectives that do not narrow what is counted ("new cases" are cases).
_PLAIN_MODS = frozenset({"new", "other", "more", "total", "least", "estimated", "additional",
                         "some", "many", "several", "such", "own", "same", "-", "about"})
_NARROWING_PREPS = frozenset({"from", "of", "in", "at", "on", "with", "for"})
_PER_ITEM = frozenset({"each", "apiece", "per", "every"})
PER_ITEM_WINDOW = 3  # tokens either side of a figure where "each" makes it a figure per item
# After the number, these make it a change, not a total: "15 more inches", "500 new cases".
_INCREMENT = frozenset({"more", "additional", "extra", "further", "another"})
CURRENCY = {"$": "usd", "us$": "usd", "€": "eur", "£": "gbp", "¥": "jpy"}


# Words that give a listed noun a count of its own: "11 novels, multiple books, two plays" is
# a list of counts, not one count of a larger whole ("420 passengers and crew").
_OWN_COUNT = frozenset({"multiple", "several", "many", "some", "numerous", "few", "dozens",
                        "hundreds", "thousands", "countless", "various"})


def _counted_apart(conj) -> bool:
    # Anywhere before the noun in its phrase: "multiple children's books" hangs "multiple"
    # on "children".
    return any(t.dep_ == "nummod" or t.like_num or t.lower_ in _OWN_COUNT
               for t in conj.subtree if t.i < conj.i)


def modifiers_of(noun, skip: range) -> tuple[str, ...]:
    """Lemmas that narrow a counted noun: adjectives and compounds on it, the heads of its
    "from/of/in ..." phrases, and "+<noun>" for a noun joined by "and" ("passengers and
    crew" counts a larger whole)."""
    out: set[str] = set()
    for c in noun.children:
        if c.i in skip or not c.is_alpha:
            continue
        # Proper modifiers keep their capital ("Syrian"): compare tells them apart.
        lemma = c.lemma_ if c.text[:1].isupper() else c.lemma_.lower()
        if c.dep_ in ("amod", "compound", "nmod", "npadvmod") and lemma not in _PLAIN_MODS \
                and c.pos_ in ("ADJ", "NOUN", "PROPN", "VERB"):
            out.add(lemma)
        elif c.dep_ == "prep" and c.lower_ in _NARROWING_PREPS:
            out.update(g.lemma_ if g.text[:1].isupper() else g.lemma_.lower()
                       for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN"))
        elif c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and not _counted_apart(c):
            out.add("+" + lemma)
    return tuple(sorted(out))


def _unit_of(tokens: list, doc) -> tuple[str | None, int]:
    """The counted noun (lemma, lower case) and the char end of the expression."""
    last = tokens[-1]
    end = last.idx + len(last.text)
    head_tok = last
    # "hundreds of strikes", "dozens of Syrian airstrikes": the object of "of".
    if last.lower_ in VAGUE or last.lower_ in SCALE:
        nxt = last.i + 1
        if nxt < len(doc) and doc[nxt].lower_ == "of":
            for child in doc[nxt].children:
                if child.dep_ == "pobj" and child.pos_ in ("NOUN", "PROPN"):
                    if child.i - nxt <= 4:
                        return child.lemma_.lower(), child.idx + len(child.text)
            return None, end
    # "380,000 people", "7 others": the number modifies its noun.
    head = head_tok.head
    # "200 million coronavirus vaccine doses": a noun that modifies another is not the unit.
    while head.dep_ == "compound" and head.head.pos_ == "NOUN" and head.head.i > head.i \
            and head.head.i - head_tok.i <= 5:
        head = head.head
    if head_tok.dep_ in ("nummod", "quantmod", "compound") and head.pos_ in ("NOUN", "PROPN") \
            and head.i > head_tok.i and head.i - head_tok.i <= 5 \
            and "\n" not in text_of(doc)[end:head.idx]:
        return head.lemma_.lower(), head.idx + len(head.text)
    # The parser sometimes attaches the number elsewhere; take the next noun right after it.
    for j in range(last.i + 1, min(last.i + 3, len(doc))):
        t = doc[j]
        if "\n" in doc[j - 1].whitespace_ or "\n" in t.text or t.ent_type_ in _SKIP_ENTS:
            break  # "rose by 3.2 million last week": "week" is a date, not the counted thing
        if t.pos_ in ("NOUN",) and t.dep_ != "pobj":
            return t.lemma_.lower(), t.idx + len(t.text)
        if t.pos_ not in ("ADJ", "NOUN", "PROPN"):
            break
    return None, end


def find_quantities(article: Article, doc) -> tuple[Quantity, ...]:  # noqa: C901  (a token scanner: one case per number form)
    """Quantities of one parsed article (numbers with their units).
    Long because it is one token scanner: each number form (digits, words, ranges, vague plurals)
    is a branch of the same loop over the same cursor."""
    text = article.text
    out: list[Quantity] = []
    i, n = 0, len(doc)
    toks = tokens_of(doc)
    while i < n:
        tok = toks[i]
        if not _number_word(tok) or tok.text == "-" or tok.ent_type_ in _SKIP_ENTS \
                or tok.lower_ in ("a", "an", "of"):
            i += 1
            continue
        # Collect the run: number words, hyphens between them, "of" between vague plurals.
        j = i + 1
        while j < n:
            t = toks[j]
            if t.ent_type_ in _SKIP_ENTS or "\n" in toks[j - 1].whitespace_:
                break
            # "tens “of thousands": a quote mark the writer opened inside the figure.
            if t.is_quote and toks[j - 1].lower_ in VAGUE and j + 2 < n \
                    and toks[j + 1].lower_ == "of" and toks[j + 2].lower_ in VAGUE:
                j += 1
                continue
            if t.lower_ == "of" and (toks[j - 1].lower_ in VAGUE or toks[j - 1].is_quote) \
                    and j + 1 < n and toks[j + 1].lower_ in VAGUE:
                j += 1
                continue
            if _number_word(t) and t.lower_ not in ("a", "an", "of") and \
                    not (t.text == "-" and (j + 1 >= n or not _number_word(toks[j + 1]))):
                if _DIGITS.match(t.text) and _DIGITS.match(toks[j - 1].text):
                    break  # two separate figures ("2 3")
                j += 1
                continue
            break
        million = _million_suffix(doc, i, j)
        j += million
        run = [t for t in toks[i:j - million] if not t.is_quote]
        # "a hundred", "a dozen": the article belongs to the number.
        start_tok = i
        if i > 0 and toks[i - 1].lower_ in ("a", "an") and run[0].lower_ in SCALE:
            start_tok = i - 1
            run = [toks[i - 1], *run]
        parsed = _parse_run([t.lower_ for t in run])
        i = j
        if parsed is None:
            continue
        low: float | None
        high: float | None
        low, high, exact = parsed
        # "several million", "a few thousand": a vague multiple of the scale word.
        few = _FEW.get(doc[start_tok - 1].lower_) if start_tok > 0 and len(run) == 1 \
            and run[0].lower_ in SCALE else None
        if few is not None:
            low, high, exact = low * few[0], high * few[1], False
            start_tok -= 2 if start_tok > 1 and doc[start_tok - 2].lower_ == "a" else 1
        if million:
            low, high = low * 1_000_000, high * 1_000_000
        first = doc[start_tok]
        # Day numbers the NER missed ("08 July", "July 8"): dates are the date parser's job.
        if _near_month(doc, start_tok, j):
            continue
        # Measures glued to a noun are not counts: "7.3-magnitude", "5-year-old", "10-point".
        if j + 1 < n and toks[j].text == "-" and toks[j + 1].is_alpha and \
                toks[j + 1].lower_ not in SMALL and not toks[j].whitespace_:
            continue
        # Identifiers, not counts: "H.R. 8", "Title 42", "Section 230", "No. 10".
        if start_tok > 0 and exact and (doc[start_tok - 1].pos_ == "PROPN"
                                        or doc[start_tok - 1].lower_ in ("no.", "#", "no")):
            continue
        # Bare years and figures glued to letters ("M4") are not counts.
        if exact and len(run) == 1 and _DIGITS.match(run[0].text) and \
                1900 <= low <= 2100 and "," not in run[0].text:
            unit, _ = _unit_of(run, doc)
            if unit is None:
                continue
        unit, end = _unit_of(list(doc[start_tok:j]) if million else run, doc)
        # The plural after "m" is what it counts, whatever the parse hung the figure on.
        if million and (noun := _million_noun(doc, j - 1)) is not None:
            unit, end = noun.lemma_.lower(), noun.idx + len(noun.text)
        if run[0].lower_ == "one" and len(run) == 1 and unit is None:
            continue  # "one of the ...", "one another": not a count
        # Clock times ("3:30 a.m.", tokenised "3 : 30") are not counts.
        if (j < n and toks[j].text.startswith(":")) or (start_tok > 0 and
                                                     doc[start_tok - 1].text.endswith(":")):
            continue
        # "15 more inches", "another 300 troops": a change, comparable to no total.
        if (j < n and toks[j].lower_ in _INCREMENT) or (start_tok > 0 and doc[
                start_tok - 1].lower_ in _INCREMENT - {"more"}):
            unit = None
        modifiers = _modifiers_at(doc, end, range(start_tok, j)) if unit else ()
        verb = _verb_at(doc, end) if unit else None
        # Money: the currency is the unit ("$2.3 trillion"), never a bare number.
        before = doc[start_tok - 1].lower_ if start_tok > 0 else ""
        if unit is None and before in CURRENCY:
            # What the money is ("$13 billion in aid", "$9.6 billion for the power authority").
            unit, modifiers = CURRENCY[before], modifiers_of(toks[j - 1], range(start_tok, j))
        qualifiers = qualifiers_at(doc, end) if unit else ()
        # "each sold hundreds of thousands of dollars", "$1,200 apiece": a figure per item,
        # which a total never contradicts.
        if unit and _per_item(doc, start_tok, j):
            modifiers = (*modifiers, "+each")
        if unit in _NOT_UNITS:
            unit = None
        elif unit in ("%", "pct", "per cent"):
            unit = "percent"  # one unit however it is written
        start = first.idx
        if before in CURRENCY and unit == CURRENCY[before]:
            start -= len(doc[start_tok - 1].text)
        mod = _modifier(text[max(0, start - 30):start])
        if mod is not None:
            name, phrase = mod.split(":", 1)
            start -= len(phrase) + 1
            while start > 0 and text[start:start + len(phrase)].lower() != phrase:
                start -= 1
            if name == "lower":
                high = None
            elif name == "upper":
                low = None
            elif name in ("near", "about"):
                # "about a dozen", "nearly twenty": a round number in words is a looser
                # estimate than "about 12" (10 is "about a dozen").
                slack = ROUND_WORD_SLACK if _round_word(run, low) else 0.1
                low = round(low * (1 - slack), 6)
                if name == "about" and high is not None:
                    high = round(high * (1 + slack), 6)
            exact = False
        # Floats as the model says (a stored copy comes back as float: 9999 must not be
        # written as "9999" by one run and "9999.0" by the run that resumes it).
        out.append(Quantity(article_id=article.id, start=start, end=end,
                            text=text[start:end], low=None if low is None else float(low),
                            high=None if high is None else float(high), unit=unit,
                            exact=exact, modifiers=modifiers, verb=verb,
                            qualifiers=qualifiers))
    return tuple(out)


# After "m" read as million, the counted noun may wear up to this many words before it
# ("1.1m phone calls", "2m fully vaccinated people").
MILLION_NOUN_WINDOW = 3
# Plural nouns that name a race or a swim, not counted things: "100m hurdles".
_EVENTS = frozenset({"hurdles", "relays", "freestyle", "medley", "sprints", "heats", "finals",
                     "records"})


def _million_suffix(doc, i: int, j: int) -> int:
    """1 when the token after the digit run doc[i:j] is an "m" glued to it that means
    million: after a currency sign ("£30m") or before a counted plural noun ("1.1m phone
    calls", "2.5m people"). Otherwise (an "m" alone, "100m tall", "300m from the river") it
    is metres, the unit compare converts; 0 then."""
    if j >= len(doc) or doc[j].lower_ != "m" or doc[j - 1].whitespace_ or \
            not all(_DIGITS.match(t.text) for t in doc[i:j]):
        return 0
    if i > 0 and doc[i - 1].lower_ in CURRENCY:
        return 1
    return int(_million_noun(doc, j) is not None)


def _million_noun(doc, m: int):
    """The counted plural noun a few words after the "m" at doc[m], or None."""
    for t in doc[m + 1:m + 1 + MILLION_NOUN_WINDOW]:
        if t.tag_ in ("NNS", "NNPS") or t.lower_ == "people":
            return None if t.lower_ in _EVENTS else t
        if t.tag_ not in ("JJ", "NN", "NNP", "RB", "VBN", "VBG"):
            return None
    return None


VERB_STEPS = 4  # heads climbed from the counted noun to its verb ("dozens of X have died")


def _verb_at(doc, end: int) -> str | None:
    """Lemma of the verb the counted noun ending at char `end` depends on."""
    span = doc.char_span(end - 1, end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    for _ in range(VERB_STEPS):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ == "VERB":
            return tok.lemma_.lower()
    return None


def _per_item(doc, first: int, stop: int) -> bool:
    lo, hi = max(0, first - PER_ITEM_WINDOW), min(len(doc), stop + PER_ITEM_WINDOW + 1)
    return any(doc[k].lower_ in _PER_ITEM for k in range(lo, hi) if not first <= k < stop)


def _modifiers_at(doc, end: int, skip: range) -> tuple[str, ...]:
    """Modifiers of the counted noun that ends at char `end`."""
    span = doc.char_span(end - 1, end, alignment_mode="expand")
    if span is None:
        return ()
    return modifiers_of(span.root, skip)
