"""What every reader shares: size caps, decoding, and telling text from binary.

Readers never raise on bad input: they return an `InputProblem` (one line naming the item and
the reason), so the dispatcher in `__init__` can report it and go on with the rest.
"""

from __future__ import annotations

import codecs
import errno
import fcntl
import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

from ..model import InputProblem
from ..settings import Settings

# Bytes of raw input allowed for one article (a text or HTML file, one JSON line, one feed or
# page). Derived from the article cap so one setting governs both: HTML carries markup, so it
# gets 25 bytes per kept character, and never less than 2 MB.
_BYTES_PER_CHAR = 25
_MIN_INPUT_BYTES = 2_000_000


def max_input_bytes(settings: Settings) -> int:
    return max(_MIN_INPUT_BYTES, settings.max_article_chars * _BYTES_PER_CHAR)


# A compressed input may give this many bytes per byte of file: news JSON Lines expand about
# 3x (the 12k-article corpus: 2.7x), HTML WARCs 5-8x. More is a "zip bomb", whose work would
# not be bounded by the size of the file the user gave.
MAX_EXPANSION = 20


def expansion_cap(path: Path, settings: Settings) -> int:
    """Decompressed bytes allowed from `path` (never less than one full-size item)."""
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return max(MAX_EXPANSION * size, max_input_bytes(settings))


def expansion_problem(source: str, cap: int, items: int) -> InputProblem:
    return InputProblem(source, f"decompresses to more than {human_size(cap)} "
                                f"({MAX_EXPANSION} times the file: a zip bomb?); the "
                                f"{items} item(s) before were read, the rest skipped")


def human_size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB"
    return f"{n} bytes"


def not_regular(path: Path, source: str) -> InputProblem | None:
    """A problem when `path` is not a regular file: opening a FIFO or a device named `x.txt`
    blocks or never ends, so only regular files are read."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return InputProblem(source, f"cannot read file ({exc.strerror or exc})")
    if not stat.S_ISREG(mode):
        return InputProblem(source, NOT_REGULAR)
    return None


NOT_REGULAR = "not a regular file (a pipe, socket or device); skipped"


def open_regular(path: Path) -> BinaryIO:
    """`path` opened for reading, only if it is a regular file: opened with O_NONBLOCK (a FIFO
    put in its place after a `stat` check does not block the open) and checked on the opened
    descriptor (`fstat`), so there is no window between the check and the open. Raises
    OSError (strerror: `NOT_REGULAR`) for anything else; readers report OSError as one line."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, NOT_REGULAR)
        # A regular file: blocking reads as usual from here on.
        fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def os_problem(source: str, exc: OSError) -> InputProblem:
    """The one line for a file that could not be opened or read."""
    if exc.strerror == NOT_REGULAR:
        return InputProblem(source, NOT_REGULAR)
    return InputProblem(source, f"cannot read file ({exc.strerror or exc})")


def read_capped(path: Path, source: str, settings: Settings) -> bytes | InputProblem:
    """The file's bytes, or a problem when it cannot be read or is over the size cap."""
    cap = max_input_bytes(settings)
    try:
        size = path.stat().st_size
        if size > cap:
            return InputProblem(source, f"file too large ({human_size(size)}; the limit for one "
                                        f"article is {human_size(cap)}, set by max_article_chars)")
        with open_regular(path) as f:
            data = f.read(cap + 1)
    except OSError as exc:
        return os_problem(source, exc)
    if len(data) > cap:  # grew while we read it, or a device file
        return InputProblem(source, f"file too large (over {human_size(cap)})")
    return data


_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 kB: not a text document."""
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    return len(_CONTROL.findall(head)) > max(8, len(head) // 50)


def decode_text(data: bytes, source: str) -> str | InputProblem:
    """UTF-8 (with or without BOM) or BOM-marked UTF-16; anything else is reported, not
    guessed, because a wrong guess silently corrupts names and quotes."""
    if not data.strip():
        return InputProblem(source, "empty file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            return InputProblem(source, f"broken UTF-16 at byte {exc.start}")
    if looks_binary(data):
        return InputProblem(source, "binary file, not text (no reader for it)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start:exc.start + 1].hex()
        return InputProblem(source, f"not valid UTF-8 (byte 0x{bad} at offset {exc.start}); "
                                    "re-save the file as UTF-8")
    if not text.strip():
        return InputProblem(source, "empty file")
    return text


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


# Text that reaches a sink (report JSON, database, terminal, page) never holds these: NUL
# (refused by PostgreSQL) and lone surrogates (from undecodable bytes: no UTF-8 encoder takes
# them). One character becomes one character, so offsets into the text survive.
_UNENCODABLE = re.compile("[\x00\ud800-\udfff]")
# In one-line values (sources, reasons, ids) also every control character: a terminal would
# obey escape sequences, and a newline would fake a second problem line.
_CONTROL_CHARS = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
REPLACEMENT = "\ufffd"
MAX_ID_CHARS = 128  # the store's key columns are VARCHAR(128) (PostgreSQL enforces it)
MAX_REASON_CHARS = 500  # a problem line stays one readable line


def safe_text(text: str) -> str:
    return _UNENCODABLE.sub(REPLACEMENT, text)


def safe_line(text: str, limit: int | None = None) -> str:
    """A value shown on one line: control characters and lone surrogates replaced."""
    text = _CONTROL_CHARS.sub(REPLACEMENT, text)
    if limit is not None and len(text) > limit:
        text = text[:limit - 1] + "\u2026"
    return text


def id_problem(article_id: str) -> str | None:
    """Why `article_id` cannot be an id (None: it can): every store, URL and page takes it."""
    if not article_id:
        return "'id' is empty"
    if len(article_id) > MAX_ID_CHARS:
        return f"'id' is longer than {MAX_ID_CHARS} characters ({len(article_id)})"
    if _CONTROL_CHARS.search(article_id):
        return ("'id' holds a control character, NUL or undecodable byte "
                f"({safe_line(article_id, 60)!r})")
    return None
