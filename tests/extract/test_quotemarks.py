import time

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from newsprism.extract.quotemarks import inner, pair_quotes


def contents(text: str) -> list[str]:
    return [text[p.open + 1:p.close] for p in pair_quotes(text)]


@pytest.mark.parametrize("text, expected", [
    ('He said "we will win" today.', ["we will win"]),
    ("He said “we will win” today.", ["we will win"]),
    ('"We will strengthen it,” he said.', ["We will strengthen it,"]),  # straight open, curly close
    ("“We will,\" he said.", ["We will,"]),  # curly open, straight close
    ("Iran’s army didn't say 'maybe' or ‘never’.", ["maybe", "never"]),
    ("The groups’ cells and the army’s units moved.", []),  # apostrophes only
    ("“Outer ‘inner’ text,” she said.", ["Outer ‘inner’ text,"]),  # nested single kept inside
    ("He said “one. Two. Three,” and left.", ["one. Two. Three,"]),  # across sentence breaks
])
def test_pairs(text, expected):
    assert contents(text) == expected


def test_doubled_apostrophes_are_one_double_mark():
    text = "The network axed ''Harbour Watch,'' and ''It is over,'' she said. It's 'fine'."
    got = [text[slice(*inner(text, p))] for p in pair_quotes(text)]
    assert got == ["Harbour Watch,", "It is over,", "fine"]


def test_unbalanced_marks_are_dropped_not_fatal():
    assert contents('"never closed\n\nNext paragraph with “ok” here.') == ["ok"]
    assert contents('” stray close and “ stray open') == []
    marks_only = pair_quotes('"""""')
    assert all(0 <= p.open < p.close < 5 for p in marks_only)


def test_multi_paragraph_quote_keeps_first_paragraph():
    text = '“This is a long first paragraph of a quote without close\n\n“And it goes on,” he said.'
    got = contents(text)
    assert got[0].startswith("This is a long first paragraph")
    assert got[-1] == "And it goes on,"


def test_one_megabyte_line_is_linear():
    text = ('word "quoted bit" and ’ stray ‘ marks don’t " matter ' * 20_000)[:1_000_000]
    t0 = time.process_time()  # CPU time: a busy machine does not make it fail
    pairs = pair_quotes(text)
    assert time.process_time() - t0 < 5
    assert all(p.open < p.close for p in pairs)
    assert all(p.close - p.open <= 4001 for p in pairs)


@hsettings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab .,\n"“”„«»\'‘’`:')), max_size=300))
def test_pairs_are_ordered_disjoint_and_bounded(text):
    pairs = pair_quotes(text)
    last_close = -1
    for p in pairs:
        assert 0 <= p.open < p.close <= len(text)
        assert p.close - p.open <= 4001
        if not p.single:
            assert p.open > last_close  # double-quoted stretches never overlap
            last_close = p.close


def test_a_mark_glued_between_sentences_closes_or_opens():
    # Scraping lost the spaces around the marks: the first quote must end at its full stop,
    # not run on into the next one (which then went to the first speaker).
    text = ('She said the plan "makes a point and no real one."The paper, in turn, said he '
            'will attend."As editor, I talk with people," he said.')
    assert contents(text) == ["makes a point and no real one.", "As editor, I talk with people,"]


def test_doubled_curly_marks_are_one_double_mark():
    # `“...,’’ says X` (an archive's closing double mark as two right single quotes, read on
    # real news, stop 35): one quote, whose content holds no stray mark
    text = "“It was a big step,’’ says Mike Madrid. It was, he wrote, ‘‘a long night.’’"
    got = [text[slice(*inner(text, p))] for p in pair_quotes(text)]
    assert got == ["It was a big step,", "a long night."]


@pytest.mark.parametrize("text, expected", [
    # Round 12: a space before the closing mark, after the quoted sentence's end, closes it.
    ('They asked about the plan. "What does it mean? " Mona Reyes asked.', ["What does it mean? "]),
    ('"We will not give up, " the mayor said.', ["We will not give up, "]),
    # a mark alone between spaces with no sentence end before it still pairs nothing
    ('He said "no" and then " maybe later " to them.', ["no"]),
])
def test_a_spaced_closing_mark_after_a_sentence_end_closes(text, expected):
    assert contents(text) == expected
