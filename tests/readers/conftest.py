"""Fixtures for the reader tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from local_http import LocalServer, serve


@pytest.fixture
def local_server() -> Iterator[LocalServer]:
    with serve() as server:
        yield server
