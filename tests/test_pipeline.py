"""The one line: STAGES holds the stage callables and is checked when it is built."""

from __future__ import annotations

import dataclasses

import pytest

from newsprism.pipeline import STAGES, Stage, check_stages, stage_function


def test_stages_are_callables_in_line_order() -> None:
    assert [s.name for s in STAGES] == ["clean", "extract", "reuse", "stories", "entities",
                                        "compare", "summarize"]
    for stage in STAGES:
        assert callable(stage.function)
        assert stage_function(stage.name) is stage.function


def test_a_requirement_no_earlier_stage_provides_fails_when_built() -> None:
    reordered = (STAGES[0], STAGES[3], STAGES[1], STAGES[2], *STAGES[4:])
    with pytest.raises(ValueError, match="stage 'stories' requires"):
        check_stages(reordered)


def test_unknown_scope_and_non_callable_are_refused() -> None:
    bad_scope = dataclasses.replace(STAGES[0], scope="paragraph")
    with pytest.raises(ValueError, match="valid scopes: article, corpus, story"):
        check_stages((bad_scope, *STAGES[1:]))
    not_callable = Stage("clean", "newsprism.clean:clean_article",  # type: ignore[arg-type]
                         ("article.raw",), ("article.text",), "article")
    with pytest.raises(ValueError, match="not callable"):
        check_stages((not_callable,))


def test_unknown_stage_name_lists_the_stages() -> None:
    with pytest.raises(KeyError, match="clean, extract"):
        stage_function("parse")
