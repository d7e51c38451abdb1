"""A short neutral headline for a story.

Choice: we do not write new words; we pick the headline of one member article. Each member's
headline (its title, else its first sentence) is scored by how central the article is in the
story (mean similarity to the other members) minus penalties for what makes a headline
partisan or clickbait: loaded verbs and adjectives from a small general lexicon, opinion labels
("OPINION:", "ANALYSIS"), questions, exclamations, quoted phrases. Labels, site names after a
" | " or " - " and trailing full stops are cut, and long headlines are cut at a word boundary.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..dates import MONTHS, WEEKDAYS
from ..model import Article
from ..text import fold

MAX_WORDS = 14
# General news-language loaded words (not taken from any corpus we evaluate on).
LOADED = frozenset("""
slam slams slammed blast blasts blasted rip rips ripped destroy destroys destroyed shred shreds
eviscerate eviscerates torches torch smack smacks smacked bash bashes bashed lash lashes lashed
outrage outraged outrageous shocking shock shocked stunning stunned bombshell disgrace
disgraceful scandal scandalous slam-dunk meltdown melts unhinged radical extremist extreme
furious fury rage raging insane crazy lunatic idiot idiotic stupid ridiculous absurd pathetic
horrible horrific terrible disaster disastrous catastrophic chaos chaotic hysteria hysterical
brutal brutally vicious slaughter massacre humiliate humiliates humiliated humiliating
collusion hoax witch-hunt propaganda lies lie lying liar caves cave caved grovel grovels
mocks mock mocked sneers sneer sneered dodges dodge dodged admits admitted finally
castigates castigate castigated trashes trash trashed hammers hammer hammered
""".split())
_LABEL = re.compile(r"^\s*(?:[A-Z][A-Z /&]{2,30}:|(?:opinion|analysis|editorial|commentary|"
                    r"exclusive|breaking|watch|video|live|update[d]?)\b\s*[:\-–—|]?)\s*", re.I)
_SITE_TAIL = re.compile(r"\s+(?:\||–|—|-)\s+[^|–—-]{2,40}$")
_SENTENCE_END = re.compile(r"[.!?](?=[\"”’']?\s+[\"“‘']?[A-Z0-9])")


def clean_headline(text: str) -> str:
    line = " ".join(text.split())
    for _ in range(2):
        line = _LABEL.sub("", line)
    line = _SITE_TAIL.sub("", line).strip()
    line = line.rstrip(". -–—:;,").strip()
    words = line.split()
    if len(words) > MAX_WORDS:
        line = " ".join(words[:MAX_WORDS]).rstrip(",;:") + "…"
    return line


def _headline_like(line: str) -> bool:
    """3-20 words, at least three of them real words (not a dateline, a menu of names or an
    id line): "Thursday 13 August 2020" is not a headline."""
    tokens = line.split()
    if not 3 <= len(tokens) <= 20:
        return False
    plain = [t for t in (fold(t) for t in tokens)
             if t.isalpha() and t not in MONTHS and t not in WEEKDAYS]
    lower = sum(1 for t in tokens if t[:1].islower())
    return len(plain) >= 3 and (lower >= 1 or len(tokens) <= 12) and ":" not in line[:12]


def first_sentence(text: str) -> str:
    """The first line when it reads like a headline, else the first sentence (not cut at
    "Gov." or "6.1")."""
    text = text.strip()
    line = text.split("\n", 1)[0].strip()
    for candidate in text.split("\n")[:5]:
        if _headline_like(candidate):
            return candidate.strip()
    for m in _SENTENCE_END.finditer(text, 20):
        before = text[:m.start()].rsplit(None, 1)[-1] if text[:m.start()].strip() else ""
        if len(before) <= 4 and before[:1].isupper():
            continue  # "Gov.", "Mr.", "U.S."
        return text[: m.start() + 1]
    return line


def headline_of(article: Article) -> str:
    if article.title and article.title.strip():
        return clean_headline(article.title)
    return clean_headline(first_sentence(article.text)[:300])


def loaded_penalty(headline: str, raw: str) -> float:
    words = fold(headline).split()
    penalty = 0.3 * sum(1 for w in words if w in LOADED)
    if "?" in raw or "!" in raw:
        penalty += 0.3
    if re.search(r"[\"“”‘’']\w[^\"“”]{0,60}\w[\"“”’']", raw):
        penalty += 0.15
    if _LABEL.match(raw or ""):
        penalty += 0.3
    if len(words) < 3:
        penalty += 0.5
    return penalty


def story_title(members: Sequence[Article], centrality: Mapping[str, float]) -> str:
    """The least loaded, most central member headline; ties go to the smallest article id."""
    best: tuple[float, str, str] | None = None
    for a in members:
        head = headline_of(a)
        if not head:
            continue
        raw = a.title or head
        score = centrality.get(a.id, 0.0) - loaded_penalty(head, raw)
        key = (-score, a.id, head)
        if best is None or key < best:
            best = key
    return best[2] if best else "Untitled story"
