"""Names that sign a quote without a speech verb: `Jane Doe: “...”` (after a line start, a
spaced dash or `from`), `Stated Doe:` (a capitalised verb the tagger reads as a name; also
mid-paragraph at a sentence start: `… complicated. Said Ellis: “...”`), and
`“...”` + `— Jane Doe` (a signature or a tweet byline). Mixed into `direct.DirectFinder`; the
reader provides `text`, `doc`, `tok_at` and `in_quote`.
"""

from __future__ import annotations

from typing import Any

from ..lexicons.cues import SPEECH_LEMMAS

_PLACES = ("GPE", "LOC", "NORP", "FAC")
_APPOSITION_TOKENS = 30  # how far back from the colon a name and its description may start
# Spaced dashes that lead a signature: hyphen, en and em dash, and U+2015 HORIZONTAL BAR,
# which Unicode names the "quotation dash" (HuffPost writes it for every em dash).
_DASHES = ("-", "–", "—", "―", "--")


# Speech verbs written before their speaker at a sentence start (`Said Ellis: “...”`) whose
# form `_speech_form` does not read.
_IRREGULAR_SPEECH = frozenset({"said", "says", "wrote", "writes"})


def _speech_form(word: str) -> bool:
    """`word` is an inflected speech verb ("stated", "continued", "replied", "adds")."""
    stems = (word, word[:-1], word[:-2], word[:-3] + "y", word[:-3])
    return word.endswith(("ed", "s")) and any(
        s in SPEECH_LEMMAS or s in ("continue", "add") for s in stems)


class SignatureReader:
    """The two signature shapes; each returns (head token, speaker char span, mark offset).
    The reader it is mixed into (listed first) provides these four."""

    text: str
    doc: Any

    def tok_at(self, char: int) -> int:
        raise NotImplementedError

    def in_quote(self, token) -> bool:
        raise NotImplementedError

    def _named_colon(self, open_char: int):
        """`Kicker - Jane Doe: “...”`, `From the report: “...”`: a noun phrase alone between a
        line start, a spaced dash or `from` and the colon that opens the quote names its
        speaker. (head token, speaker char span, colon char offset), or None."""
        text, doc = self.text, self.doc
        j = open_char - 1
        while j >= 0 and text[j].isspace() and open_char - j < 8:
            j -= 1
        if j < 0 or text[j] != ":":
            return None
        colon = self.tok_at(j)
        line_start = text.rfind("\n", 0, j) + 1
        named = self._named_apposition(colon, line_start)
        if named is not None:
            return (*named, j)
        i, lead = colon, None
        while i > 0 and colon - i < 8:
            t = doc[i - 1]
            if t.idx < line_start or "\n" in t.text:
                lead = "line"
            elif t.idx > line_start and t.is_sent_start and t.text[:1].isupper() \
                    and (_speech_form(t.lower_) or t.lower_ in _IRREGULAR_SPEECH):
                i, lead = i - 1, "inverted"  # `… complicated. Said Ellis: “...”`
            elif t.text in _DASHES and t.whitespace_ \
                    and text[t.idx - 1:t.idx].isspace():
                lead = "dash"
            elif t.lower_ == "from":
                # "From the report:", "Excerpts from the letter:", not "X dreamed of Y dying
                # from too much food:" (a verb before it: the clause's own "from").
                lead = "from" if not any(u.pos_ in ("VERB", "AUX") and u.idx >= line_start
                                         for u in doc[t.sent.start:t.i]) else "clause"
            if lead:
                break
            i -= 1
        if lead is None and i == 0:
            lead = "line"
        seg = doc[i:colon]
        if lead == "line" and len(seg) > 1 and _speech_form(seg[0].lower_) or lead == "inverted":
            seg = seg[1:]  # "Stated Smith:" (the tagger reads the verb as a name)
        if lead in (None, "clause") or not len(seg) or seg[-1].pos_ not in ("PROPN", "NOUN") \
                or seg[0].text[:1].islower() and lead != "from" \
                or any(t.pos_ in ("VERB", "AUX", "SCONJ") or t.is_quote or self.in_quote(t)
                       or t.is_punct and t.text not in (".", "&", ",") for t in seg):
            return None
        if lead != "from" and not any(t.pos_ == "PROPN" for t in seg):
            return None  # "Here is the list:": only a name or a document introduces a quote
        head = _phrase_head(seg)
        if head.ent_type_ in _PLACES:
            return None  # "... a delegate from Iowa:": a place signs nothing
        return head, (seg.start_char, seg.end_char), j

    def _named_apposition(self, colon: int, line_start: int):
        """`-- Jane Doe, 44, a delegate from Kent County who backs X: “...”` (a line start or
        a spaced dash, a name, a comma, its description, the colon): the name signs the quote,
        however long the description, and nothing inside the description does. (head token,
        speaker char span) or None."""
        text, doc = self.text, self.doc
        i = colon
        while i > 0 and colon - i < _APPOSITION_TOKENS:
            t = doc[i - 1]
            if t.idx < line_start or "\n" in t.text:
                break
            if t.text in _DASHES and t.whitespace_ \
                    and text[t.idx - 1:t.idx].isspace():
                break
            i -= 1
        else:
            if i > 0:
                return None  # no line start or dash within reach
        k = i
        while k < colon and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
            k += 1
        if k == i or k >= colon or doc[k].text != "," or k - i > 5 \
                or any(t.is_quote or self.in_quote(t) for t in doc[i:colon]):
            return None
        name = doc[i:k]
        if name[-1].dep_ in ("nsubj", "nsubjpass") or any(
                t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT" for t in doc[k:colon]):
            return None  # "Jane Doe, an aide, said in a statement:": the verb's cue reads it
        if any(t.ent_type_ in _PLACES or t.ent_type_ == "DATE" for t in name) \
                or not any(t.ent_type_ == "PERSON" for t in name):
            return None  # only a person's name heads such a line ("Paris, June 5:" is none)
        return name[-1], (name.start_char, name.end_char)

    def _dash_byline(self, after: int):
        """`“...”` + (new line) `— Jane Doe.` / `— Jane Doe (@handle) May 1`: a name after a
        dash right after the quote signs it. (head token, span, dash offset), or None."""
        text, doc = self.text, self.doc
        j = after
        while j < len(text) and j - after < 4 and text[j] in " \t\n.\xa0":
            j += 1
        if j >= len(text) or text[j] not in "-–—―" or text.count("\n", after, j) > 2 \
                or text[j + 1:j + 2] not in (" ", "\xa0") \
                and not (text[j - 1] == "\n" and text[j + 1:j + 2].isupper()):
            return None  # (`-Jane Doe` when the dash opens its own line)
        i = self.tok_at(j)
        if doc[i].idx < j:  # `”―` is one token: the dash ends it
            if doc[i].idx + len(doc[i]) != j + 1:
                return None
            glued = False
        else:
            glued = len(doc[i]) > 1  # "-Jane" is one token
        i += 0 if glued else 1
        while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
            i += 1  # a no-break space after the dash is a token of its own
        k = i
        while k < len(doc) and k - i < 6 and doc[k].text[k == i and glued:][:1].isupper() \
                and doc[k].pos_ in ("PROPN", "NOUN") \
                and (k == i or "\n" not in doc[k - 1].text_with_ws):
            k += 1
        # The name ends at a mark, a number, or a line end; a line end after the name only
        # when the dash is on the quote's own line (`“...” — Jane Doe` + a new line: a list
        # of quotes, each signed), not for a dash opening its own line (a live blog's byline).
        line_end = "\n" in doc[k - 1].text_with_ws or k < len(doc) and doc[k].is_space \
            and "\n" in doc[k].text and "\n" not in text[after:j]
        if k == i or not any(t.pos_ == "PROPN" for t in doc[i:k]) or k < len(doc) and not (
                doc[k].is_punct or line_end or doc[k].like_num):
            return None
        seg = doc[i:k]
        head = _phrase_head(seg)
        return head, (j + 1 if glued else seg.start_char, seg.end_char), j


def _phrase_head(seg):
    """The token of `seg` whose head lies outside it, or that is its own head (the sentence's
    root: "Randy Baker in Springfield, Mo.:" alone before a blank line, stop 63, had taken
    "Mo." for its head, a place, which signs nothing); else the last token."""
    return next((t for t in seg if t.head.i == t.i or not seg.start <= t.head.i < seg.end),
                seg[-1])


def dash_signed(text: str, att) -> bool:
    """`att` is a quote signed by a dash after it (`“...” — Jane Doe`, `_dash_byline`): the
    signature closes it, so the next quote is no follow-on of the same speaker (a list of
    quotes, each signed by its own name)."""
    return att.cue is not None and att.cue[0] >= att.end \
        and text[att.cue[0]:att.cue[1]] in _DASHES
