"""The exception tree. Every error newsprism raises on purpose is one of these.

    NewsprismError                  root: catch this to catch everything of ours
    ├── FetchError                  a URL could not be fetched politely (timeout, refused,
    │   │                           robots.txt, too large)
    │   └── BlockedAddressError     the URL points at a private/loopback address and the
    │                               `allow_private_fetch` setting is off
    ├── ConfigError                 a setting, a settings file or a CLI option is invalid
    ├── ModelError                  the spaCy pipeline named in the settings cannot be loaded
    └── StoreError                  the database cannot be opened, migrated or written

Messages name the file (or URL, or setting) and what to do about it. A bad input file or item
is not an exception: readers yield an `InputProblem` (model.py) and the run goes on.
"""

from __future__ import annotations


class NewsprismError(Exception):
    """Root of every error newsprism raises on purpose."""


class FetchError(NewsprismError):
    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


class BlockedAddressError(FetchError):
    pass


class ConfigError(NewsprismError):
    pass


class ModelError(NewsprismError):
    pass


class StoreError(NewsprismError):
    pass
