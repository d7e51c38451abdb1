"""The outlet's name from an HTML page when trafilatura finds no site name.

Signals, most trusted first: the publisher named in JSON-LD or microdata; the part of
`<title>` that is not the headline ("Headline | Outlet"); an element the page marks as its
logo, site title or brand; a copyright line ("© 2024 Outlet"); a short masthead line before the
headline that the footer repeats. Each must look like a name (1-6 words, capitalised).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from ..text import COPYRIGHT, fold

_SPLIT = re.compile(r"\s+[|–—\-:·•»]\s+|\s*\|\s*|(?<=\w):\s+")
_BRAND = re.compile(r"site[-_]?(?:title|name|logo|brand)|logo|brand|masthead|publication",
                    re.I)
_SMALL = {"the", "of", "and", "al", "el", "de", "la", "le", "du", "for", "on", "in", "&"}
_NOT_NAMES = {"home", "menu", "search", "news", "skip to content", "subscribe", "log in",
              "sign in", "advertisement", "all rights reserved"}


def looks_like_name(value: str | None) -> str | None:
    if not value:
        return None
    value = " ".join(value.split()).strip(" .,|-–—:")
    tokens = value.split()
    if not 1 <= len(tokens) <= 6 or len(value) > 60 or fold(value) in _NOT_NAMES:
        return None
    if not all(t[0].isupper() or t[0].isdigit() or t.lower() in _SMALL for t in tokens):
        return None
    if not re.search(r"[^\W\d_]", value):
        return None
    return value


def _ld_publishers(value: Any) -> Iterator[str]:
    if isinstance(value, list):
        for v in value:
            yield from _ld_publishers(v)
    elif isinstance(value, dict):
        pub = value.get("publisher")
        if isinstance(pub, dict) and isinstance(pub.get("name"), str):
            yield pub["name"]
        elif isinstance(pub, list):
            for p in pub:
                if isinstance(p, dict) and isinstance(p.get("name"), str):
                    yield p["name"]
        if "@graph" in value:
            yield from _ld_publishers(value["@graph"])


def _text(el: Any) -> str:
    try:
        return " ".join(el.text_content().split())
    except (ValueError, AttributeError):
        return ""


def title_parts(root: Any) -> list[str]:
    """`<title>` split at its separators ("Headline | Site", "Blog: Headline")."""
    title_el = root.find(".//title")
    if title_el is None:
        return []
    return [p.strip() for p in _SPLIT.split(_text(title_el)) if p.strip()]


def fix_site_as_title(root: Any, title: str | None, first_line: str
                      ) -> tuple[str | None, str | None]:
    """When the extracted "title" is the site's name (a blog's header in `<h1>`) and the other
    half of `<title>` is the text's first line, return (real headline, site name)."""
    parts = title_parts(root)
    if not title or len(parts) != 2:
        return None, None
    for i in (0, 1):
        if fold(parts[i]) == fold(title) and fold(parts[1 - i]) == fold(first_line):
            return parts[1 - i], looks_like_name(parts[i])
    return None, None


def site_name_from_html(root: Any, headline: str | None) -> str | None:  # noqa: C901  (one case per place a page names its site)
    """The outlet named by the page (an lxml HTML tree), or None."""
    for script in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        for name in _ld_publishers(data):
            if found := looks_like_name(name):
                return found
    for el in root.xpath("//*[@itemprop='publisher']//*[@itemprop='name']"):
        if found := looks_like_name(el.get("content") or _text(el)):
            return found
    for meta in root.xpath("//meta[@name='application-name' or @name='publisher']"):
        if found := looks_like_name(meta.get("content")):
            return found
    parts = title_parts(root)
    if headline:
        if len(parts) >= 2:
            head = fold(headline)
            rest = [p for p in parts if fold(p) != head and fold(p) not in head]
            if len(rest) == 1 and len(rest) < len(parts):
                if found := looks_like_name(rest[0]):
                    return found
    for el in root.xpath("//*[@class or @id]"):
        marker = f"{el.get('class', '')} {el.get('id', '')}"
        if not _BRAND.search(marker) or el.tag in ("script", "style", "meta", "link"):
            continue
        text = _text(el) or (el.get("alt") or "")
        if not text:
            imgs = el.xpath(".//img/@alt")
            text = imgs[0] if imgs else ""
        first = _SPLIT.split(text)[0] if text else ""
        if found := looks_like_name(first):
            return found
    body = root.find(".//body")
    tail = _text(body)[-400:] if body is not None else ""
    if m := COPYRIGHT.search(tail):
        if found := looks_like_name(m.group("name")):
            return found
    return _masthead(root, tail)


def _masthead(root: Any, tail: str) -> str | None:
    """A short line before the first heading that the end of the page repeats."""
    h1 = root.find(".//h1")
    body = root.find(".//body")
    if h1 is None or body is None:
        return None
    for el in body.iter():
        if el is h1:
            break
        if not isinstance(el.tag, str) or len(el) or el.tag in ("script", "style"):
            continue
        if (found := looks_like_name(_text(el))) and found in tail:
            return found
    return None
