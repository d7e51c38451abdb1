"""Quote-marked or reported text that no one in the article says, though a cue stands near it:
a row of linked headlines pasted into a sentence, a gloss or translation in brackets, and a
writer's short label under a verb of no saying whose subject is no person.
`quotes.find_attributions` drops the first two (`without_unsaid`) and leaves the third with
no speaker (or drops it, when it is one or two words: a scare quote). A row that ends in "MORE"
inside a reported clause is read where the direct pass cuts that clause
(`unsaid.in_link_row`); this module reads the bars between a row's headlines."""

from __future__ import annotations

import dataclasses
import re

from ..lexicons.cues import CUE_LEMMAS
from .according import words_of
from .cues import phrasal_cue
from .direct import Attribution

_HEADLINE_ROW = re.compile(r"(?:^|\s)\|(?:\s|$)")  # the bar between two linked headlines


def in_headline_row(text: str, a: Attribution) -> bool:
    """"Tech Desk: X praises audit report | Senators urge …": a row of linked headlines pasted
    into a sentence reports no one (real Baly text gave "audit report | Senators urge …" to X).
    True when the quote runs across the bar between two headlines, or its cue is in one of
    the row's headlines: a bar within `ROW_REACH` characters of it with no sentence mark or
    quote mark between (a real cue after the row, "… MORE (R-Wyo.), who …, told the Post", is
    kept)."""
    if _HEADLINE_ROW.search(text[a.start:a.end]):
        return True
    if a.cue is None:
        return False
    c0, c1 = a.cue
    before, after = text[max(0, c0 - ROW_REACH):c0], text[c1:c1 + ROW_REACH]
    near = [before[m.end():] for m in _HEADLINE_ROW.finditer(before)][-1:] + \
        [after[:m.start()] for m in _HEADLINE_ROW.finditer(after)][:1]
    return any(not _SENTENCE_MARK.search(between) for between in near)


ROW_REACH = 60  # characters from a cue to a bar for the cue to be in a headline of the row
_SENTENCE_MARK = re.compile(r"[.!?\n\"“”]")


def gloss(doc, text: str, a: Attribution) -> bool:
    """`gave us Les Enragés (“the enraged”) as a term for …`: a quoted fragment that opens a
    bracket after a word glosses or translates it; the subject of the sentence's verb did not
    say it (real Baly text gave it to "the revolutionary era"). Kept: a fragment whose cue is
    inside the bracket (`(“…,” he said)`) or is a verb of saying or citing (`citing Exodus
    18:21 (“select out of all the people …”)`, PolNeAR train)."""
    if a.kind != "partial":
        return False
    opened = text[:a.start].rstrip().rstrip("“\"‘'").rstrip()
    if not opened.endswith("(") or a.cue is not None and a.cue[0] >= len(opened):
        return False
    cue = doc.char_span(a.cue[0], a.cue[1], alignment_mode="expand") if a.cue else None
    return cue is None or not any(t.lemma_.lower() in CUE_LEMMAS for t in cue)


# Verbs besides the cues whose subject uses the quoted words as its own ("talked about a
# “Hispanic invasion”", "finally uttered the words “radical Islamism”").
_OWN_WORDS = frozenset("talk utter speak use coin invoke repeat echo dub label term brand "
                       "campaign accord".split())
LABEL_WORDS = 3  # a fragment this short under a verb of no saying is a label or a term


def label_only(doc, text: str, a: Attribution, persons: frozenset[str]) -> bool:
    """`the database contains information about people “reasonably suspected” of …`, `India
    stationed battalions in “operational alert areas”`, `Xeros means “dry” in Greek`: a
    fragment of up to `LABEL_WORDS` words hung on a verb of no saying, whose subject is no
    person of the article (`persons`: their names), is the writer's label, term or gloss
    (real Baly text: 12 of 20 such fragments under any subject, read, were not the subject's
    words, 11 of them under a thing, a place, an organisation or a group). A person's
    ("Christie refers to the candidate as “Mr. Trump”") stays theirs: PolNeAR annotates it."""
    if a.kind != "partial" or a.cue is None or a.speaker is None or a.speaker in persons \
            or len(text[a.start:a.end].split()) > LABEL_WORDS:
        return False
    if _AS_LABEL.search(text, max(0, a.start - 80), a.start):
        return False  # "rated 32% of claims as “false”", "derided it as a “repackaging”"
    cue = doc.char_span(a.cue[0], a.cue[1], alignment_mode="expand")
    if cue is None or any(phrasal_cue(t) or words_of(t) is not None for t in cue):
        return False  # "as X put it", "pointed out", "in the words of X"
    lemmas = {t.lemma_.lower() for t in cue if t.is_alpha}
    return bool(lemmas) and not lemmas & (CUE_LEMMAS | _OWN_WORDS)


# A quoted label right after "as": the subject's own characterisation ("V X as “…”").
# A second label joined to it ("as “false” or “pants on fire”") is the subject's too.
_AS_LABEL = re.compile(r"\bas\s+(?:an?\s+|the\s+|being\s+)?[“\"‘']"
                       r"(?:[^“”\"\n]{1,40}[”\"’']\s*,?\s*(?:or|and)?\s*[“\"‘'])?\s*$",
                       re.IGNORECASE)


_MARKS = "\"'“”‘’"
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")


def quoted_subhead(text: str, start: int, end: int) -> bool:
    """The quote `text[start:end]` is a line of its own, marks aside, of a few words with no
    closing punctuation, in title case or a paragraph of its own: a section's subhead
    (`'Sense of Urgency'` after a paragraph ending "..., Kirby said."; stop 57, a Baly article;
    `“I temper John”` between two paragraphs, stop 59), which no one says there (the section
    quotes its words with their speaker). 286 lines of the 12,000 Baly texts are such quoted
    phrases in sentence case, all read subheads on a sample of 60."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:start].strip(_MARKS + " ") or text[end:line_end].strip(_MARKS + " "):
        return False
    inner = text[start:end].strip(_MARKS + " ")
    words = _WORDS.findall(inner)
    if not words or len(words) > 8 or inner[-1:] in ".!?…,;:":
        return False
    return all(w[:1].isupper() for w in words if len(w) >= 4) \
        or _own_paragraph(text, line_start, line_end)


def _own_paragraph(text: str, line_start: int, line_end: int) -> bool:
    """The line `text[line_start:line_end]` has a blank line (or the text's edge) on each
    side."""
    if line_start > 0:
        prev_start = text.rfind("\n", 0, line_start - 1) + 1
        if text[prev_start:line_start - 1].strip():
            return False
    if line_end < len(text):
        next_end = text.find("\n", line_end + 1)
        if text[line_end + 1:len(text) if next_end < 0 else next_end].strip():
            return False
    return True


def without_unsaid(doc, text: str, atts: list[Attribution], persons: frozenset[str]
                   ) -> list[Attribution]:
    """`atts` without headline rows, glosses and quoted subheads; a label's speaker
    unresolved (a label of one or two words dropped: a scare quote, as the direct pass drops
    one with no speaker)."""
    out = []
    for a in atts:
        if in_headline_row(text, a) or gloss(doc, text, a) \
                or a.kind == "direct" and (a.continued or a.cue is None) \
                and quoted_subhead(text, a.start, a.end):
            continue
        if label_only(doc, text, a, persons):
            if len(text[a.start:a.end].split()) <= 2:
                continue
            a = dataclasses.replace(a, speaker=None)
        out.append(a)
    return out
