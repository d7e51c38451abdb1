"""Words the model takes into a person's name that open none: a participle or a preposition
("Removing Trump", "Following Kennedy’s", "Decoding Trump's Daca dalliances"), a month after a
preposition of time ("in June Obama announced"). Read by `mentions`."""

from __future__ import annotations

from ..dates import MONTHS
from ..nlp.loader import verb_lemmas


def opens_no_name(tok, lower_words: set[str]) -> bool:
    """"Removing Trump", "Following Kennedy’s", "Inside Philadelphia" (stop 55: entity names
    on real story pages): a participle or a preposition the model took into a name opens
    none, when the article also writes it in lower case and it is no first name of the
    table ("Irving", "Sterling")."""
    from ..lexicons import first_name_genders

    w = tok.text.lower()
    if w in first_name_genders():
        return False
    if len(w) > 5 and w.endswith("ing"):
        # "Decoding Trump's Daca dalliances" (a BBC subheading, stop 56): the participle of a
        # verb the model's lemmatizer knows needs no lower-case twin in the article.
        stem = w[:-3]
        verbs = verb_lemmas(tok.doc.vocab)
        if stem in verbs or stem + "e" in verbs or stem[-1:] == stem[-2:-1] and stem[:-1] in verbs:
            return True
    return (len(w) > 5 and w.endswith("ing") or w in _PREPOSITIONS) \
        and common_word(tok, lower_words)


def month_after_preposition(tok) -> bool:
    """"in June Obama announced …" (stop 56, a real story page's "June Obama"): a month name
    after a preposition of time dates the sentence; it opens no name."""
    return tok.lower_ in _MONTHS and tok.i > 0 and tok.doc[tok.i - 1].lower_ in _TIME_PREPS


# Month names as the dates module reads them, the full word of each month only ("Jan" is
# also a first name).
_MONTHS = frozenset(m for m, n in MONTHS.items()
                    if len(m) == max(len(k) for k, v in MONTHS.items() if v == n))
_TIME_PREPS = frozenset("in since by until till through during from last early late mid "
                        "next this".split())
_PREPOSITIONS = frozenset({"inside", "outside", "after", "before", "under", "without", "with",
                           "from", "for", "during", "despite", "among", "amid", "against",
                           "behind", "beyond", "within", "since", "until", "unlike", "toward",
                           "towards", "across", "through", "about", "like", "via"})


def common_word(tok, lower_words: set[str]) -> bool:
    """A word the article also writes in lower case (headline case hides it): "Signs"."""
    w = tok.text.lower()
    return w in lower_words or tok.lemma_.lower() in lower_words or (
        w.endswith("s") and w[:-1] in lower_words)
