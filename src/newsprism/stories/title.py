"""A short neutral title for a story: a member's real headline, the one the other members back
best, else a short "who did what" cut from the story's most shared lead sentence.

The consensus is computed later in the line (compare/), so this stage judges agreement with
what it can see: the members' headlines and leads (the first sentences of each body). A
headline is *backed* when its content words appear in the other members' leads: each other
member's lead gives the share of the headline's word stems it contains, and the backing is
their mean. A headline qualifies when it is a real headline (the article's `title`, never a
first line guessed from the text), reads like one (no quote fragment, no dateline, no question
or exclamation, no opinion label) and carries no loaded term (the project lexicon plus a few
headline verbs like "slams"). The best backed one wins, however low its backing; ties go to
the more central member, then the smallest id. (Until stop 53 a headline needed a backing of
`MIN_BACKING` and a lead sentence was cut otherwise; on NeuS train's tune part the best
headline beat that lead in every backing band, and on real news the lead of a story of
loosely related members read as an arbitrary sentence: "That's more or less what Hinton, 25,
had been hoping for".)

Only when no member has a qualifying headline is the title built from a lead: each member's
lead is scored by the same backing against the other leads; the best one loses its dateline
("WASHINGTON —", "CITY (Agency) --"), its attribution tail (", the minister said on Monday")
and any clause after the main one, and is cut before a preposition or conjunction to stay
within `MAX_WORDS`. A lead that opens with a quotation or is an editor's note is never used.
With one member, its headline serves even when it quotes or asks (the story is that one
outlet's, so its own headline is the title the analyst looks for; a quotation is still
refused in a title that stands for several outlets): on NeuS train's excerpts each taken as a
story of one, such headlines score stem-F1 0.364-0.415 against the neutral title where the
lead built instead scored 0.184-0.255 (docs/web.md, stop 54). A loaded headline, an opinion
label or a dateline still gives way to the lead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache

from ..dates import MONTHS, WEEKDAYS
from ..lexicons import load_lexicon
from ..model import Article
from ..text import STOP, fold

MAX_WORDS = 14  # a headline's length; longer titles are cut at a word boundary
# Mean share of a headline's content stems found in the other members' leads at which a
# headline is said to be backed. On NeuS train (docs/web.md) headlines of the same story
# average well above this and those of another story well below; `benchmarks/titles_neus.py`
# prints that separation. No longer a bar a headline must pass (module doc).
MIN_BACKING = 0.3
LEAD_WORDS = 60  # a lead: the body's first sentences, up to this many words
STEM_CHARS = 6  # stems are suffix-stripped words cut to this length ("strengthen(s)")
# Headline verbs that colour a report and are missing from the general lexicon.
LOADED_VERBS = frozenset("""
slam slams slammed blast blasts blasted rip rips ripped torch torches smack smacks bash bashes
lash lashes lashed eviscerate eviscerates shred shreds castigate castigates castigated trash
trashes trashed hammer hammers hammered mock mocks mocked sneer sneers dodge dodges cave caves
caved grovel grovels meltdown bombshell outrage outraged shocking stunning slaughter massacre
humiliate humiliates humiliated destroy destroys destroyed
""".split())
# An opinion label ("OPINION:", "Analysis -") or a line of capitals before a colon ("EXCLUSIVE:",
# "FACT CHECK:"). The capitals are matched as capitals: a kicker in normal case ("Las Vegas
# shooting: Paddock may have planned to escape", "Khashoggi murder: Turkey gives ...") is part
# of the headline (real text, stop 48; under one re.I it had been taken for a label, so every
# such headline was refused and stripped).
_LABEL = re.compile(r"^\s*(?:(?-i:[A-Z][A-Z /&]{2,30}):|(?:opinion|analysis|editorial|"
                    r"commentary|exclusive|breaking|watch|video|live|update[d]?)\b\s*[:\-–—|]?)"
                    r"\s*", re.I)
_SITE_TAIL = re.compile(r"\s+(?:\||–|—|-)\s+[^|–—-]{2,40}$")
_SENTENCE_END = re.compile(r"[.!?](?=[\"”’']?\s+[\"“‘']?[A-Z0-9])")
# "WASHINGTON —", "DAMASCUS (Dispatches) --", "LONDON, July 8 (Reuters) -"
_DATELINE = re.compile(r"^\s*(?:[A-Z][A-Z.'’\- ]{1,40}(?:,\s*[A-Z][\w .]{1,30})?"
                       r"(?:\s*\([^)]{1,40}\))?\s*(?:--|[-–—:])\s*"
                       # "(CNN) Republicans aren't waiting ...": the agency alone (stop 48)
                       r"|\((?:[A-Z][A-Za-z.]*\s?){1,3}\)\s*(?:--|[-–—:]\s*)?(?=[A-Z“\"])"
                       # "Washington (CNN) - President Obama ...": a place in normal case, then
                       # the agency and a dash (stop 54)
                       r"|[A-Z][a-z]*\.?(?:\s[A-Z][a-z]*\.?){0,2},?\s*\((?:[A-Z][A-Za-z.]+\s?){1,3}\)"
                       r"\s*(?:--|[-–—:])\s*)")
_EDITORS_NOTE = re.compile(r"^\s*editor[’']?s[’']?\s+note\b", re.I)
_QUOTE_OPEN = re.compile(r"^\s*[\"“”‘'`«]")
# Quotation marks around words; an apostrophe inside a word ("Obama's ... won't") is none.
_QUOTE_PAIR = re.compile(r"(?<!\w)[\"“”‘’'`]{1,2}\s*\w[^\"“”]{0,80}[\"“”’'`](?!\w)")
# ", the minister said on Monday." / ", state television said." at the end of a lead
_ATTRIBUTION = re.compile(r",\s+(?:[^,]{1,80}?\s)?(?:said|says|told|reported|announced|"
                          r"according to)\b[^,]*$", re.I)
# Clauses after the main one: where a "who did what" stops.
_CLAUSE = re.compile(r",\s+(?:which|who|as|after|while|amid|but|saying|in a|a move|"
                     r"including)\b|\s+(?:as part of|in order to|according to)\b", re.I)


def clean_headline(text: str) -> str:
    line = " ".join(text.split())
    for _ in range(2):
        line = _LABEL.sub("", line)
    line = _SITE_TAIL.sub("", line).strip()
    line = line.rstrip(". -–—:;,").strip()
    return _cut(line)


def _cut(line: str) -> str:
    words = line.split()
    if len(words) > MAX_WORDS:
        line = " ".join(words[:MAX_WORDS]).rstrip(",;:") + "…"
    return line


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    return word[:STEM_CHARS]


def stems(text: str) -> set[str]:
    """Content-word stems: folded, no stop words, no numbers."""
    return {_stem(w) for w in fold(text).split() if w.isalpha() and len(w) > 2 and w not in STOP}


@cache
def _loaded_terms() -> frozenset[str]:
    return frozenset(load_lexicon()) | LOADED_VERBS


def is_loaded(text: str) -> bool:
    """Whether the text uses a loaded term (whole words; hyphens match spaces)."""
    folded = f" {fold(text.replace('-', ' '))} "
    return any(f" {term} " in folded for term in _loaded_terms())


def headline_shape(raw: str, own: bool = False) -> bool:
    """A headline, not a quote fragment, a dateline, a question or an opinion label. `own`:
    the story's only article's headline, which may quote or ask (module doc)."""
    line = " ".join(raw.split())
    tokens = line.split()
    if not 2 <= len(tokens) <= 25 or _LABEL.match(line) or _DATELINE.match(line):
        return False
    if not own and ("?" in line or "!" in line or _QUOTE_OPEN.match(line)
                    or _QUOTE_PAIR.search(line)):
        return False
    plain = [w for w in fold(line).split()
             if w.isalpha() and len(w) > 1 and w not in MONTHS and w not in WEEKDAYS]
    return len(plain) >= 2


def _sentences(text: str) -> list[str]:
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        before = text[start:m.start()].rsplit(None, 1)
        if before and len(before[-1]) <= 4 and before[-1][:1].isupper():
            continue  # "Gov.", "Mr.", "U.S."
        out.append(text[start:m.start() + 1].strip())
        start = m.start() + 1
    out.append(text[start:].strip())
    return [s for s in out if s]


def lead_sentence(article: Article) -> str | None:
    """The first sentence of the body that can open a story: 8+ words, not a quotation, not a
    photo caption; its dateline removed."""
    for para in article.text.split("\n")[:8]:
        para = para.strip()
        if len(para.split()) < 8:
            continue
        first = _DATELINE.sub("", _sentences(para)[0]).strip()
        if len(first.split()) >= 8 and not _QUOTE_OPEN.match(first) and \
                not _EDITORS_NOTE.match(first) and \
                not re.search(r"\((?:AP|AFP|Reuters|photo[^)]*)\)\s*$", first, re.I):
            return first
    return None


def lead_of(article: Article) -> str:
    """The body's first `LEAD_WORDS` words: what the members' headlines are checked against."""
    return " ".join(article.text.split()[:LEAD_WORDS])


def backing(text: str, others: Sequence[set[str]]) -> float:
    """Mean share of `text`'s stems found in each of the other members' leads."""
    mine = stems(text)
    if not mine or not others:
        return 0.0
    return sum(len(mine & o) / len(mine) for o in others) / len(others)


def who_did_what(sentence: str) -> str:
    """A lead sentence cut to its main clause, without the attribution tail."""
    s = sentence.strip().rstrip(".")
    s = _ATTRIBUTION.sub("", s)
    m = _CLAUSE.search(s)
    if m and len(s[:m.start()].split()) >= 5:
        s = s[:m.start()]
    s = s.strip(" ,;:-–—")
    return _phrase_cut(s[:1].upper() + s[1:])


# Words a long "who did what" may stop before: what follows is a complement that can go.
_PHRASE_STOPS = frozenset({"that", "to", "from", "with", "for", "after", "amid", "on", "in",
                           "and", "by", "over", "at", "during", "following"})
MIN_TITLE_WORDS = 6  # a cut never leaves fewer words than this


def _phrase_cut(line: str) -> str:
    """Longer than `MAX_WORDS`: cut before the last preposition or conjunction that keeps a
    whole phrase ("... passed a major conservation bill | that would ..."), else mid-phrase
    with an ellipsis."""
    words = line.split()
    if len(words) <= MAX_WORDS:
        return line
    for i in range(MAX_WORDS, MIN_TITLE_WORDS - 1, -1):
        if words[i].lower() in _PHRASE_STOPS:
            return " ".join(words[:i]).rstrip(",;:")
    return _cut(line)


def story_title(members: Sequence[Article], centrality: Mapping[str, float]) -> str:
    """The story's neutral title (see the module docstring)."""
    if not members:
        return "Untitled story"
    leads = {a.id: stems(lead_of(a)) for a in members}

    def others(a: Article) -> list[set[str]]:
        return [leads[b.id] for b in members if b.id != a.id]

    best: tuple[float, float, str, str] | None = None
    for a in members:
        raw = " ".join((a.title or "").split())
        if not raw or not headline_shape(raw, own=len(members) == 1) or is_loaded(raw):
            continue
        back = backing(raw, others(a)) if len(members) > 1 else 1.0
        key = (-back, -centrality.get(a.id, 0.0), a.id, clean_headline(raw))
        best = key if best is None or key < best else best
    if best is not None:
        return best[3]
    built: tuple[float, str, str] | None = None
    for a in members:
        lead = lead_sentence(a)
        if lead is None or is_loaded(lead):
            continue
        lead_key = (-backing(lead, others(a)), a.id, who_did_what(lead))
        built = lead_key if built is None or lead_key < built else built
    if built is not None:
        return built[2]
    # Every lead is loaded or missing: the plainest headline there is, else any headline (a
    # question, a quote in it: the outlet's own words beat no title at all; real text, stop 48:
    # one story in twenty was "Untitled story" though its articles had titles).
    titled = sorted((not headline_shape(a.title), a.id, clean_headline(a.title))
                    for a in members if a.title and clean_headline(a.title))
    return titled[0][2] if titled else "Untitled story"
