"""Which files a folder holds for us, their form, and the outlet a folder layout gives.

Folders are walked recursively in sorted order (so runs are reproducible), without following
symbolic links (no loops) and without hidden files. A file in `root/<name>/...` gets `<name>`
as its outlet, unless `<name>` looks like a date or a generic bucket ("2020", "html", "data").
Unsupported files inside folders (and `.json` files and symbolic links there) are skipped,
each reported as one problem line naming the file and the reason, and listed in
`ReadStats.skipped_files`: a skip the user does not hear of looks like a file that was read.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from ._common import open_regular

FORMS = ("text", "html", "jsonl", "json", "feed", "warc")

_SUFFIXES: tuple[tuple[str, str], ...] = (
    (".jsonl.gz", "jsonl"), (".ndjson.gz", "jsonl"), (".jsonl", "jsonl"), (".ndjson", "jsonl"),
    (".warc.gz", "warc"), (".warc", "warc"),
    (".html", "html"), (".htm", "html"), (".xhtml", "html"), (".shtml", "html"),
    (".txt", "text"), (".text", "text"),
    (".rss", "feed"), (".atom", "feed"), (".xml", "feed"),
    (".json", "json"),
)
# A lone .json in a folder is more often a config or gold file than articles: read .json only
# when it is named explicitly.
_FOLDER_SKIP_FORMS = {"json"}
_GENERIC_DIRS = {"data", "raw", "html", "text", "txt", "pages", "articles", "jsonl", "feeds",
                 "warc", "input", "inputs", "corpus", "files", "docs", "misc", "tmp", "all"}
_DATE_LIKE = re.compile(r"^\d{1,4}([-_.]\d{1,2}){0,2}$")


def form_of(path: Path) -> str | None:
    name = path.name.lower()
    for suffix, form in _SUFFIXES:
        if name.endswith(suffix):
            return form
    return None


def sniff_form(path: Path) -> str | None:
    """The form of a file without a known extension, from its first bytes."""
    try:
        with open_regular(path) as f:
            head = f.read(4096)
    except OSError:
        return "text"  # the text reader reports the read error with its reason
    if head.startswith(b"\x1f\x8b"):
        return "jsonl"
    if head.startswith(b"WARC/"):
        return "warc"
    lower = head.lstrip().lower()
    if lower.startswith(b"{") or lower.startswith(b"["):
        return "jsonl" if lower.startswith(b"{") else "json"
    if b"<rss" in lower or b"<feed" in lower or b"<rdf:rdf" in lower:
        return "feed"
    if lower.startswith((b"<!doctype html", b"<html")) or b"<body" in lower:
        return "html"
    return "text"


def outlet_from_layout(root: Path, file: Path) -> str | None:
    try:
        parts = file.relative_to(root).parts
    except ValueError:
        return None
    if len(parts) < 2:
        return None
    name = parts[0].strip()
    if not name or name.lower() in _GENERIC_DIRS or _DATE_LIKE.match(name):
        return None
    return name


def skip_reason(file: Path, form: str | None) -> str | None:
    """Why a file found in a folder is not read (None: it is read)."""
    if file.is_symlink():
        return "symbolic link; not followed in folders (name the file itself to read it)"
    if form is None:
        return "not a supported type (.txt, .html, .jsonl, .jsonl.gz, .json, .xml/.rss/.atom, " \
               ".warc, .warc.gz); skipped"
    if form in _FOLDER_SKIP_FORMS:
        return "a .json file inside a folder is not read (name it to read it); skipped"
    return None


def walk_folder(root: Path, skipped: list[str]
                ) -> Iterator[tuple[Path, str | None, str | None, str | None]]:
    """(file, outlet from the layout, form, None) for every supported file under `root`,
    and (file, None, None, reason) for every other file, which is also added to `skipped`.
    Hidden files and folders (names starting with ".") are not walked."""
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            file = Path(dirpath) / name
            form = form_of(file)
            reason = skip_reason(file, form)
            if reason is not None:
                skipped.append(str(file))
                yield file, None, None, reason
                continue
            yield file, outlet_from_layout(root, file), form, None
