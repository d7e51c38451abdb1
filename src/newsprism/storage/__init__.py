"""Storage at the edge of the line: the store (SQLite or PostgreSQL), the codec, the report.

    store.py   Store and open_store(url): articles, facts, reuse, stories, pending work
    codec.py   model values to and from plain data
    report.py  the report contract (CONTRACT.md) as JSON
"""

from .store import Store, open_store

__all__ = ["Store", "open_store"]
