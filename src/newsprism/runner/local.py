"""The default runner: the per-article stages in this process, one batch after another."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..model import Article
from ..settings import Settings
from .base import Batch, BatchRunner, Work, process_batch, split


class LocalRunner(BatchRunner):
    """`batch_size` None: `settings.spacy_batch_size` articles per batch (and checkpoint)."""

    def __init__(self, batch_size: int | None = None, work: Work | None = None) -> None:
        if batch_size is not None and batch_size <= 0:
            raise ValueError(f"batch_size must be positive, got {batch_size}")
        self.batch_size = batch_size
        self.work = work

    def iter_batches(self, articles: Sequence[Article], settings: Settings,
                     frames: bool = False) -> Iterator[Batch]:
        size = self.batch_size or settings.spacy_batch_size
        for index, batch in enumerate(split(articles, size)):
            yield process_batch(index, batch, settings, self.work, frames)
