"""Quotes introduced by the sentence before them rather than by a speech verb: the colon of
`Cruz responded:` or `X nudged her:`, and the comma that ends a main clause
(`X shared her worry with an audience, “…”`). Part of the direct pass (`direct.DirectFinder`)."""

from __future__ import annotations

from ..lexicons.cues import SPEECH_LEMMAS
from .cues import DOCUMENT_NOUNS, MAX_CLAUSE_TOKENS, CueReader, negated


class IntroReader(CueReader):
    """The cue of a quote opened after a colon or a comma that ends its introducing clause."""

    def _comma_intro(self, open_char: int, content: str):
        """`Earlier, X shared her worry with an audience, “I do not know …”`: a whole quoted
        sentence after the comma that ends a main clause is the words of that clause's
        subject, whatever its verb (as after a colon). Only a finite main verb written before
        the comma on the same line, whose subject comes before it; not a fragment, nor a
        name or a title of a word or two ("by a nickname, “Gert.”")."""
        text, doc = self.text, self.doc
        j = open_char - 1
        while j >= 0 and text[j] == " " and open_char - j < 4:
            j -= 1
        if j < 0 or text[j] != "," or not content[:1].isupper() or len(content.split()) < 3 \
                or content.rstrip()[-1:] not in (".", "!", "?", ","):
            return None
        tok = doc[self.tok_at(j)]
        root = tok.head
        line_start = text.rfind("\n", 0, j) + 1
        if root.dep_ != "ROOT" or root.pos_ != "VERB" or root.tag_ not in ("VBD", "VBZ", "VBP") \
                or self.in_quote(root) or not line_start <= root.idx < tok.idx \
                or root.lemma_.lower() in ("be", "have") or negated(root):
            return None
        if any(c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENT_NOUNS for c in root.children):
            return None  # `X read a statement, “…”`: a text read out, not X's own words
        subj = [c for c in root.children if c.dep_ == "nsubj" and c.i < root.i]
        if not subj or subj[0].idx < line_start or subj[0].pos_ not in ("PROPN", "PRON", "NOUN"):
            return None
        return root if self.speaker_of(root)[0] is not None else None

    def _colon_intro(self, open_char: int):
        """`Cruz responded:` then the quote (same line or next paragraph): the main verb of the
        sentence that ends with the colon is the cue."""
        text = self.text
        j = open_char - 1
        while j >= 0 and text[j].isspace() and open_char - j < 8:
            j -= 1
        if j < 0 or text[j] != ":":
            return None
        tok = self.doc[self.tok_at(j)]
        sent = self.sent_of(tok.i)
        if len(sent) > MAX_CLAUSE_TOKENS:
            return None
        line_start = text.rfind("\n", 0, j) + 1
        if tok.head.lemma_.lower() == "be" and any(
                g.tag_ == "WP$" for c in tok.head.children if c.dep_ == "nsubj"
                for g in c.children):
            # "He was followed by X, whose first words were:": X's words, not those of the
            # subject of "followed"; who "whose" stands for the parse does not say: no cue.
            return None
        # The parser often runs a sentence across paragraphs ("Cruz continued:\n\n“...”"):
        # the verb the colon hangs on (or the verb of the noun it hangs on: "issued the
        # following statement:"), else the sentence's root, on the colon's own line.
        for cand in (tok.head, tok.head.head, tok.head.head.head, sent.root):
            if cand.pos_ in ("VERB", "AUX") and not self.in_quote(cand) \
                    and line_start <= cand.idx < tok.idx \
                    and cand.lemma_.lower() not in ("be", "have") \
                    and self.speaker_of(cand)[0] is not None:
                return cand
        # "As X noted, the reason is simple:" then the quote: the speech verb of an
        # "as"-clause on the colon's line.
        for i in range(max(sent.start, tok.i - MAX_CLAUSE_TOKENS), tok.i):
            t = self.doc[i]
            if t.idx >= line_start and t.lemma_.lower() in SPEECH_LEMMAS \
                    and t.pos_ == "VERB" and not self.in_quote(t) \
                    and any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children) \
                    and self.speaker_of(t)[0] is not None:
                return t
        return None
