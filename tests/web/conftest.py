"""Web fixtures: a store filled from a hand-built report, and apps over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsprism.settings import Settings
from newsprism.storage.store import Store, open_store
from newsprism.web.app import create_app

from .factory import make_report

TOKEN = "test-token-0123456789"


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    # A file, not sqlite:// — an in-memory SQLite database is one per thread, and the app
    # answers from a thread pool.
    s = open_store(f"sqlite:///{tmp_path / 'web.db'}")
    s.save_report(make_report(evil=True))
    yield s
    s.close()


@pytest.fixture()
def client(store: Store) -> TestClient:
    return TestClient(create_app(Settings(token=TOKEN, max_upload_bytes=20_000), store))


@pytest.fixture()
def readonly(store: Store) -> TestClient:
    return TestClient(create_app(Settings(token=None), store))
