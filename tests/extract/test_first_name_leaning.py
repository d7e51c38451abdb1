"""First names that only lean one way (round 16, issue 20): the table left "Hillary" (0.922
female in nomquamgender's pooled data) and "Bernie" (0.151) out as unknown, so a "she" after a
Hillary mentioned, not a subject, stayed unresolved. A leaning first name is now evidence for a
pronoun of its gender, never against the other. Made-up surnames."""

from newsprism.extract.names import name_gender, name_leaning


def _with(quotes, words):
    return [q for q in quotes if words in q.text]


def test_she_after_a_hillary_with_a_bernie_between_is_her(quotes_of):
    """A Bernie (leaning male, gender otherwise untold) named between a Hillary and "she" was
    a rival of unknown gender, and the "she" stayed unresolved."""
    quotes = quotes_of("Hillary Dunmore on Monday hit Bernie Kowal on guns and on trade.\n\n"
                       "“We cannot afford to wait another year for this,” she said.")
    q = _with(quotes, "another year")
    assert q and q[0].speaker == "Hillary Dunmore"


def test_he_after_a_bernie_with_a_hillary_between_is_him(quotes_of):
    quotes = quotes_of("Bernie Kowal on Monday hit Hillary Dunmore on guns and on trade.\n\n"
                       "“We cannot afford to wait another year for this,” he said.")
    q = _with(quotes, "another year")
    assert q and q[0].speaker == "Bernie Kowal"


def test_a_leaning_name_only_mentioned_does_not_take_a_pronoun(quotes_of):
    """(guard) a leaning name that is neither subject nor speaker stays as unsure as an
    unknown one: "she" is not resolved to it (the first version did, and on PolNeAR gave a
    woman's words, whose name the NER missed, to a Hillary mentioned before)."""
    quotes = quotes_of("Voters lined up for hours to hear Hillary Dunmore at the fairground in "
                       "Ohio. Mayor Tom Reyes introduced her to the crowd.\n\n“We cannot afford "
                       "to wait another year for this,” she said.")
    q = _with(quotes, "another year")
    assert q and q[0].speaker is None


def test_a_leaning_first_name_never_rules_the_other_pronoun_out(quotes_of):
    """(guard) "Lindsey" leans female in the pooled data; a man named Lindsey keeps his "he"."""
    quotes = quotes_of("Sen. Lindsey Marsh toured the plant on Monday.\n\n“We cannot afford to "
                       "wait another year for this,” he said.")
    q = _with(quotes, "another year")
    assert q and q[0].speaker == "Lindsey Marsh"


def test_clinton_herself_is_the_woman_of_two_namesakes(quotes_of):
    """"X herself" after a "he said" resolved to her husband X went to him (PolNeAR, seen in
    this round's diff): the reflexive tells the gender of a bare surname."""
    quotes = quotes_of("Hillary Vance came to Harlem on Tuesday with her husband.\n\nBill Vance "
                       "spoke first. “After he’s been a Democrat a little while longer, he’ll get "
                       "used to it,” he said.\n\nVance herself also signaled that she is ready "
                       "for a fight.")
    q = _with(quotes, "ready for a fight")
    assert q and q[0].speaker == "Hillary Vance"


def test_a_leaning_name_is_not_a_one_sided_gender():
    """The one-sided reading (which also decides who is a person, `mentions`) is unchanged."""
    assert name_gender("Hillary Dunmore") is None and name_leaning("Hillary Dunmore") == "f"
    assert name_gender("Karen Dunmore") is None and name_leaning("Bernie Kowal") == "m"
    assert name_gender("Nancy Dunmore") == "f" and name_leaning("Nancy Dunmore") is None


def test_the_build_rule_keeps_leaning_names_in_their_own_tier():
    """scripts/build_first_names.py: p(gf) within 0.05 of a side is one-sided, within 0.2 leans
    (the values are nomquamgender's pooled shares, made-up here)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "scripts" / "build_first_names.py"
    spec = importlib.util.spec_from_file_location("build_first_names", path)
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert [build.tier(p) for p in (0.01, 0.97, 0.151, 0.922, 0.5, 0.3)] == \
        ["m", "f", "m?", "f?", None, None]
