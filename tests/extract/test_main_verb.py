"""`described.main_verb` reads the Doc's text once (`loader.text_of`): it gives what the plain
rule over `doc.text` gives, on every token of parsed texts with heading lines."""

from __future__ import annotations

from newsprism.extract.described import main_verb

TEXTS = [
    # (single line breaks: since stop 63 a blank line starts a sentence, so the parser hangs
    # nothing across one, but it may across a line break alone)
    "... the lack of jobs under Mr. Obama's leadership.\nIowa push\nThe president held a "
    "campaign rally in Iowa on Tuesday. “This is where the movement for change began,” he "
    "told about 3,500 cheering supporters, and left.",
    "Markets\nShares fell sharply as traders sold banks, said analysts who watch them.\n"
    "Outlook\nThe minister, who spoke late, said growth would slow and prices rise.",
    "She said he knew.\nHe ran, fell and got up again while the crowd, which had waited, "
    "cheered.\n\nUpdate\nPolice said they arrested two men.",
]


def _plain(verb) -> bool:
    """The rule as written before: `doc.text` read for the slice and for each ancestor."""
    if verb.dep_ == "ROOT":
        return True
    head = verb.head
    return head.i < verb.i and "\n" in verb.doc.text[head.idx:verb.idx] and not any(
        "\n" in verb.doc.text[a.idx:verb.idx] for a in verb.ancestors if a.i > head.i)


def test_main_verb_is_the_plain_rule_on_every_token(nlp):
    seen = set()
    for doc in nlp.pipe(TEXTS):
        for token in doc:
            assert main_verb(token) == _plain(token), (token.text, token.i)
            seen.add(_plain(token) and token.dep_ != "ROOT")
    assert True in seen  # a verb hung across a line break counts (the rule is exercised)
