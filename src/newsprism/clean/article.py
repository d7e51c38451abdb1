"""The clean stage: boilerplate removal and metadata recovery. Pure: no I/O.

`clean_article(article, settings)` returns the article with
- `text` cleaned: header lines (dates, bylines, labels, menus, the title), photo captions and
  credits, promos and link lines for other stories, a video player's text, share/comment
  widgets, cookie and subscription text, site menus, repeated lines and "About <outlet>" /
  "Related" footers removed; cut to `settings.max_article_chars`. Every
  offset downstream refers to this text.
- `title`, `outlet`, `byline`, `published` recovered from the header (see `clean_header`) where
  the reader did not supply them; values from HTML/JSONL metadata are trusted unless clearly
  wrong (unparseable date, a "title" that is just the site name or "Home").
- `language` set (ISO 639-1) when the text says enough.

Cleaning an already clean article changes nothing, so re-running the line is safe.
"""

from __future__ import annotations

import dataclasses
import json
import re

from ..dates import iso, parse_date
from ..model import Article
from ..nlp.lang import detect_language
from ..settings import Settings
from ..text import COPYRIGHT, fold, repair_mojibake
from .header import read_header
from .lines import (
    caption_base,
    drop_fold_label,
    drop_link_cards,
    drop_player_widgets,
    drop_story_label,
    is_caption,
    is_link_line,
    is_menu,
    is_shouted,
    is_widget,
    nwords,
    smart_case,
    words_of,
)

_FOOTER_START = re.compile(
    r"^(?:about (?P<about>(?:the )?[^\W\d_][\w .&'’-]{1,60})|related (?:articles|stories|"
    r"posts|news|content)|more from [\w .&'’-]{1,60}|more stories|you (?:may|might) also like|"
    r"recommended(?: for you)?|most (?:read|popular|viewed)|trending now|leave a reply|"
    r"comments|post navigation|share this:?|related|read next)\s*:?$", re.I)
_NOT_OUTLET = {"the author", "author", "us", "me", "the writer", "this article", "the authors",
               "this site", "the site", "the editor", "cookies", "this story"}
_GENERIC_TITLES = {"home", "news", "untitled", "index", "article", "page", "homepage",
                   "breaking news", "latest news", "404", "error"}
_SENTENCE_END = re.compile(r"[.!?\"”’)]\s*$")


def _footer_cut(lines: list[str], first_body: int) -> tuple[int, str | None]:
    """Index where the footer starts (len(lines) if none) and the outlet an "About X" names."""
    nonempty = [i for i, ln in enumerate(lines) if ln.strip() and i >= first_body]
    if len(nonempty) < 3:
        return len(lines), None
    # Only the last 40 % of the body can be a footer: an "About" heading early is content.
    start = nonempty[int(len(nonempty) * 0.6)]
    for i in nonempty:
        if i < start:
            continue
        s = " ".join(lines[i].split())
        m = _FOOTER_START.match(s)
        if m is None or len(words_of(s)) > 8:
            continue
        about = m.group("about")
        outlet = None
        if about and about.lower() not in _NOT_OUTLET:
            tokens = words_of(about)
            if tokens and all(t[0].isupper() or t.lower() in ("the", "of", "and") for t in tokens):
                outlet = smart_case(about.strip())
            else:
                continue  # "About two hours later..." is prose, not a footer
        return i, outlet
    return len(lines), None


def _copyright_outlet(lines: list[str]) -> str | None:
    for line in reversed(lines[-8:]):
        m = COPYRIGHT.search(line)
        if m:
            name = m.group("name").strip()
            tokens = words_of(name)
            if 1 <= len(tokens) <= 6 and tokens[0][0].isupper():
                return smart_case(name)
    return None


def _published_ok(value: str | None) -> str | None:
    if not value:
        return None
    if re.match(r"^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:[+-]\d{2}:\d{2}|Z)?)?$", value):
        return value
    parsed = parse_date(value)
    return iso(parsed) if parsed else None


def _title_ok(title: str | None, outlet: str | None) -> str | None:
    if not title:
        return None
    title = " ".join(repair_mojibake(title).split())
    if fold(title) in _GENERIC_TITLES or len(title) > 300:
        return None
    if outlet:
        if fold(title) == fold(outlet):
            return None
        # "Headline - Outlet" / "Headline | Outlet": the site's suffix is not the headline.
        for sep in (" | ", " - ", " – ", " — ", " :: "):
            head, _, tail = title.rpartition(sep)
            if head and fold(tail) == fold(outlet):
                return head.strip()
    return title


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    space = text.rfind(" ", int(limit * 0.9), limit)
    return text[:space if space > 0 else limit].rstrip()


def clean_lines(lines: list[str], drop: set[int]) -> list[str]:
    """Body boilerplate: captions (and their bare repeats), widgets, menus, repeated lines, and
    all-capital promo lines when the rest of the text is written in normal case (a text all in
    capitals, as some wire feeds send, keeps its lines); inline link cards are cut out of the
    sentences that carry them (`drop_link_cards`), and so are a video player's text
    (`drop_player_widgets`) and a "Story highlights" label (`drop_story_label`); a link line
    ("<headline> Read more", `is_link_line`) goes whole."""
    captions = {caption_base(lines[i]) for i in range(len(lines)) if is_caption(lines[i])}
    captions.discard("")
    filled = [s for s in lines if s.strip()]
    shouted = {i for i, s in enumerate(lines) if is_shouted(s)}
    if len(shouted) * 2 > len(filled):
        shouted = set()
    kept: list[str] = []
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if i in drop or i in shouted:
            continue
        line = drop_story_label(drop_player_widgets(drop_link_cards(line)))
        s = line.strip()
        if not s:
            kept.append("")
            continue
        key = " ".join(s.split()).lower()
        n = nwords(s)
        if is_caption(s) or s in captions or (n >= 6 and captions and any(
                s.startswith(c) and len(c) >= 0.8 * len(s) for c in captions)):
            continue
        if is_widget(s) or is_menu(s) or is_link_line(s):
            continue
        if key in seen and (n >= 4 or is_widget(s)):
            continue
        seen.add(key)
        kept.append(line.rstrip())
    return kept


def _drop_outlet_footer(text: str, outlet: str) -> str:
    """Trailing short lines that start with the outlet's name ("The Post, 4 Mill Lane")."""
    lines = text.split("\n")
    name = fold(outlet)
    cut = len(lines)
    for i in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
        s = lines[i].strip()
        if not s:
            continue
        folded = fold(s) if nwords(s) <= 8 else ""
        if folded and (folded == name or folded.startswith(name) and
                       not _SENTENCE_END.search(s)):
            cut = i
        else:
            break
    return _join(lines[:cut]) if cut < len(lines) and cut > 0 else text


# A wire dateline opening the first paragraph: "WASHINGTON —", "ERBIL, Iraq—", "BEIRUT (AP) —".
_DATELINE = re.compile(r"[A-Z][A-Z.'’ -]{2,}(?:,\s+[A-Z][\w.'’ -]{1,30})?\s*"
                       r"(?:\((?:AP|Reuters|AFP|UPI|CNN)\)\s*)?[—–-]{1,2}\s*\S")
_BEFORE_DATELINE = 4  # the dateline is one of the first paragraphs
_FURNITURE_WORDS = 12


def _drop_before_dateline(lines: list[str]) -> list[str]:
    """Short lines without a sentence's end above the paragraph that opens on a dateline are
    the page's furniture, not text: the writers' names and the outlet's ("Kevin Johnson and
    Erin Kelly", "USA TODAY": 44 of 3,000 Baly texts, stop 47; names there became the story's
    people), a label ("NOTABLES"). Sentences there stay (a caption, a standfirst)."""
    filled = [i for i, ln in enumerate(lines) if ln.strip()][:_BEFORE_DATELINE]
    at = next((k for k, i in enumerate(filled) if k and _DATELINE.match(lines[i].strip())), None)
    if at is None:
        return lines
    drop = {i for i in filled[:at] if nwords(lines[i]) <= _FURNITURE_WORDS
            and not _SENTENCE_END.search(lines[i].strip())}
    return [ln for i, ln in enumerate(lines) if i not in drop]


def _join(lines: list[str]) -> str:
    text = "\n".join(lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text)


def clean_article(article: Article, settings: Settings) -> Article:
    """The article with clean text and recovered metadata (see the module docstring)."""
    raw = repair_mojibake(article.text)
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    raw = raw.replace("\ufeff", "").replace("\u200b", "")
    lines = raw.split("\n")
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is not None:
        lines[first] = drop_fold_label(lines[first])
    given_title = _title_ok(article.title, article.outlet)
    header = read_header(lines, given_title)
    # A standfirst printed above the byline and again in the body: keep the body's copy.
    body_keys = {" ".join(ln.split()).lower() for ln in lines[header.end:] if ln.strip()}
    for i in range(header.end):
        if lines[i].strip() and " ".join(lines[i].split()).lower() in body_keys:
            header.drop.add(i)
    cut_at, about_outlet = _footer_cut(lines, header.end)
    body = _drop_before_dateline(clean_lines(lines[:cut_at], header.drop))
    text = _join(body)
    metadata = list(article.metadata)
    if len(text) > settings.max_article_chars:
        metadata.append(("text_cut_from_chars", json.dumps(len(text))))
        text = _cut(text, settings.max_article_chars)
    outlet = article.outlet or header.outlet or about_outlet or _copyright_outlet(lines)
    if outlet:
        text = _drop_outlet_footer(text, outlet)
    title = given_title or header.title
    if title is not None:
        title = _title_ok(title, outlet)
    published = _published_ok(article.published)
    extracted = any(key == "extracted_by" for key, _ in article.metadata)
    if published and header.labelled and header.labelled < published[:10] and \
            (extracted or not article.published):
        # The page itself says "Published <day>" earlier than the metadata: the metadata
        # carried an updated or crawl date.
        published = header.published if header.published and \
            header.published[:10] == header.labelled else header.labelled
    published = published or header.published
    if published is None:
        for key, value in article.metadata:
            if key == "published_raw":
                published = _published_ok(str(json.loads(value)))
    return dataclasses.replace(
        article, text=text, title=title, outlet=outlet,
        byline=article.byline or header.byline, published=published,
        language=article.language or detect_language(text),
        metadata=tuple(sorted(metadata)),
    )
