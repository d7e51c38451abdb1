"""What every reader shares: size caps, decoding, and telling text from binary.

Readers never raise on bad input: they return an `InputProblem` (one line naming the item and
the reason), so the dispatcher in `__init__` can report it and go on with the rest.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..model import InputProblem
from ..settings import Settings

# Bytes of raw input allowed for one article (a text or HTML file, one JSON line, one feed or
# page). Derived from the article cap so one setting governs both: HTML carries markup, so it
# gets 25 bytes per kept character, and never less than 2 MB.
_BYTES_PER_CHAR = 25
_MIN_INPUT_BYTES = 2_000_000


def max_input_bytes(settings: Settings) -> int:
    return max(_MIN_INPUT_BYTES, settings.max_article_chars * _BYTES_PER_CHAR)


def human_size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB"
    return f"{n} bytes"


def read_capped(path: Path, source: str, settings: Settings) -> bytes | InputProblem:
    """The file's bytes, or a problem when it cannot be read or is over the size cap."""
    cap = max_input_bytes(settings)
    try:
        size = path.stat().st_size
        if size > cap:
            return InputProblem(source, f"file too large ({human_size(size)}; the limit for one "
                                        f"article is {human_size(cap)}, set by max_article_chars)")
        with path.open("rb") as f:
            data = f.read(cap + 1)
    except OSError as exc:
        return InputProblem(source, f"cannot read file ({exc.strerror or exc})")
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
