"""`newsprism eval compare`: plants change one fact of a real-looking story; controls copy it
unchanged. A plant must be found, its control must raise nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.eval.compare import Plant, plants_for, run_plant
from newsprism.model import Article

A = ("Officials said three soldiers were killed when rebels attacked the northern base. "
     "The rebels marched 10 miles from the border before the raid began at dawn. "
     "The army said the attack began on July 8 after weeks of quiet in the region.\n\n"
     "\u201cWe will answer this attack with all the force we have,\u201d said Omar Haddad.")
B = ("The army confirmed the raid. A spokesman gave no further details about the fighting, "
     "which went on for hours near the hills.")


@pytest.fixture(scope="module")
def story():
    return [Article(id="a", source="a", text=A, outlet="x"),
            Article(id="b", source="b", text=B, outlet="y")]


def test_plants_change_one_fact_and_controls_keep_it(story):
    plants = plants_for("test", story, ["Lena Brandt"])
    kinds = {p.kind: p for p in plants}
    assert {"words", "units", "date", "attribution"} <= set(kinds)
    assert "twenty-" not in kinds["words"].inserted
    assert kinds["control-words"].inserted == A[kinds["words"].start:kinds["words"].end]
    assert "three" not in kinds["words"].inserted
    assert "16.1 kilometers" in kinds["control-units"].inserted
    assert "Lena Brandt" in kinds["attribution"].inserted
    assert "Omar Haddad" in kinds["control-attribution"].inserted


@pytest.mark.parametrize("kind", ["words", "units", "date"])
def test_plant_found_and_control_quiet(story, settings, kind):
    pytest.importorskip("newsprism.extract.quotes")
    plants = {p.kind: p for p in plants_for("test", story, ["Lena Brandt"])}
    found, _, _ = run_plant(plants[kind], story, settings)
    assert found, plants[kind]
    alarm, _, _ = run_plant(plants["control-" + kind], story, settings)
    assert not alarm


def test_a_plant_that_is_no_change_is_not_found(story, settings):
    pytest.importorskip("newsprism.extract.quotes")
    same = Plant("words", "test", "a", 0, A.index(".") + 1, A[:A.index(".") + 1], "b")
    found, _, _ = run_plant(same, story, settings)
    assert not found


def test_real_stories_are_read_when_the_data_is_there():
    from newsprism.eval.compare import real_stories

    data = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
    if not (data / "neus" / "train.source").exists():
        pytest.skip("shared data absent")
    got = real_stories(data, range(401, 403))
    names = [n for n, _ in got]
    assert names[:2] == ["neus:401", "neus:402"] and "ecb:1" in names and "ecbplus:1" in names
    assert all(len(arts) >= 2 for n, arts in got if n.startswith("neus"))


def test_a_figure_opening_its_sentence_keeps_its_capital():
    """"Hundreds of ..." changed to "dozens of ..." was parsed differently from the
    original and read by no outlet that way: the plant keeps the capital."""
    text = ("Hundreds of protesters rallied outside the state capitol on the first warm day. "
            "Three nurses spoke to the crowd about the shortage of masks at the clinic.")
    arts = [Article(id="a", source="a", text=text, outlet="x"),
            Article(id="b", source="b", text=B, outlet="y")]
    kinds = {p.kind: p.inserted for p in plants_for("test", arts, [])}
    assert kinds["vague"].startswith("Dozens of protesters rallied")
    assert kinds["words"].startswith("Fifty nurses spoke")


def _plants(text: str) -> dict[str, str]:
    arts = [Article(id="a", source="a", text=text, outlet="x"),
            Article(id="b", source="b", text=B, outlet="y")]
    return {p.kind: p.inserted for p in plants_for("test", arts, [])}


def test_a_bound_is_never_planted_as_a_count():
    """"upwards of 300" changed to "upwards of 907" is two open bounds that can both hold:
    no conflict to find, so no plant."""
    assert "digits" not in _plants("Upwards of 300 protesters marched past the town hall on "
                                   "the first warm day of the spring.")
    assert "digits" not in _plants("The lake now holds under 400 swans after the long and "
                                   "very dry summer months.")


def test_a_chained_vague_figure_is_changed_whole():
    """"hundreds of thousands of tenants" is one figure; it used to become "dozens of
    thousands of tenants", with "thousands" taken as the counted noun."""
    got = _plants("The new rule could force hundreds of thousands of tenants to leave their "
                  "homes before the winter.")
    assert got["vague"].startswith("The new rule could force thousands of tenants to leave")


def test_a_vague_figure_counts_a_noun_with_words_before_it():
    got = _plants("Hundreds of Marovian farmers blocked the main road into the capital with "
                  "their tractors.")
    assert got["vague"].startswith("Dozens of Marovian farmers blocked")
    got = _plants("Thousands of people lined the river to watch the old ships sail past the "
                  "harbour.")
    assert got["vague"].startswith("Hundreds of people lined")


def test_a_control_copy_joining_its_sources_side_is_no_false_alarm(settings):
    """The story itself disagrees (three soldiers / twelve soldiers); a control copies the
    first outlet's sentence unchanged into a third. The copy sides with its source: that is
    no alarm raised by the copy, and it is kept apart. A copy set against its own source is."""
    pytest.importorskip("newsprism.extract.quotes")
    said = "Officials said three soldiers were killed in the attack on the northern base."
    arts = [Article(id="a", source="a", text=A.replace(A[:A.index(".") + 1], said),
                    outlet="x"),
            Article(id="b", source="b", text=B, outlet="y"),
            Article(id="c", source="c", text=B + "\n\n" + said.replace("three", "twelve"),
                    outlet="z")]
    copy = Plant("control-words", "test", "a", 0, len(said), said, "b")
    joined: list = []
    alarm, _, story = run_plant(copy, arts, settings, joined)
    assert story.conflicts and not alarm
    assert len(joined) == 1
    changed = Plant("control-words", "test", "a", 0, len(said),
                    said.replace("three", "forty"), "b")
    alarm, _, _ = run_plant(changed, arts, settings, [])
    assert alarm
