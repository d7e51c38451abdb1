"""A blank line starts a sentence: a paragraph is never the tail of the sentence before it.

spaCy's parser sets sentence boundaries as it parses, and it joins about one paragraph break
in six to the sentence before it (200 Baly articles: 768 of 4,335 breaks, stop 63). A
question standing alone as a subheading then became the subject of the next paragraph's
cue: in "What makes him the best to take on Trump?\\n\\nCarla Shead, a 49-year-old from
Maryland, told the BBC: “It'll take another New Yorker to beat Trump.”" the parser made
"What makes ..." the subject of "told", Carla Shead its object, and the quote went to the
BBC. The parser keeps boundaries that a component before it has set, so this one, placed
before it, marks the first token after a blank line as a sentence start. A single line
break is left to the parser: hard-wrapped plain text breaks lines inside sentences. So is a
blank line after a colon, which introduces what follows: a reader's letter set out as
"Anne Doe of Velmar:" and the letter's paragraph below it.
"""

from __future__ import annotations

from typing import Any

FACTORY = "newsprism_paragraphs"


def mark_paragraphs(doc: Any) -> Any:
    """`doc` with the token after each blank line (whitespace holding two line breaks or
    more) not right after a colon set to start a sentence; nothing else is set."""
    from spacy.attrs import IS_SPACE

    n = len(doc)
    for i in doc.to_array([IS_SPACE]).nonzero()[0].tolist():
        if i + 1 < n and doc[i].text.count("\n") >= 2 and not doc[i + 1].is_space \
                and not (i > 0 and doc[i - 1].text == ":"):
            doc[i + 1].is_sent_start = True
    return doc


def install(nlp: Any) -> bool:
    """Put `mark_paragraphs` right before the parser; returns whether it did (False when
    the pipeline has no parser)."""
    from spacy.language import Language

    if "parser" not in nlp.pipe_names:
        return False
    if not Language.has_factory(FACTORY):  # once per process
        Language.component(FACTORY, func=mark_paragraphs)
    nlp.add_pipe(FACTORY, before="parser")
    return True
