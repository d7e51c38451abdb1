"""Exact, faster stand-ins for spaCy's two rule components: the attribute ruler and the rule
lemmatizer.

In the English pipelines these two pure-Python/Matcher steps cost about a fifth of the parse
(docs/scale.md), yet their output is a function of a few attributes of each token:

- the attribute ruler's single-token patterns test only token attributes (in the English
  pipelines TAG, LOWER, DEP, IS_SPACE), so which of them match a token is memoised on those
  attributes; the few multi-token patterns still run through a Matcher of their own. The
  matches are then sorted and applied by the stock component's own `set_annotations`, so
  precedence is unchanged.
- the rule lemmatizer's answer depends on the token's ORTH, POS and MORPH only (that is its
  own cache key), so it is memoised on those, read and written as arrays rather than one
  Python `Token` per word.

`install(nlp)` puts one component doing both where the attribute ruler was and disables the
two stock ones; when a pipeline has anything these stand-ins do not reproduce exactly (another
lemmatizer mode, a pattern operator, an attribute they do not read) it leaves the pipeline as
it is. `tests/test_nlp_rules.py` checks token-for-token identity with the stock pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

FACTORY = "newsprism_fast_rules"
# Token attributes a memoised single-token pattern may test, as spaCy's Matcher names them.
_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE", "ORTH", "NORM")


def _predicate(value: Any) -> tuple[Callable[[Any], bool], frozenset | None] | None:
    """A test on one attribute value (a string, or an int/bool), with the finite set of values
    it can be true for (None for an open test such as a regex); None if not supported."""
    if isinstance(value, bool | int):
        want = int(value)
        return (lambda v: int(v) == want), frozenset((want, bool(want)))
    if isinstance(value, str):
        return (lambda v: v == value), frozenset((value,))
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN" and isinstance(arg, list):
            allowed = frozenset(arg)
            return (lambda v: v in allowed), allowed
        if op == "NOT_IN" and isinstance(arg, list):
            banned = frozenset(arg)
            return (lambda v: v not in banned), None
        if op == "REGEX" and isinstance(arg, str):
            rx = re.compile(arg)
            return (lambda v: isinstance(v, str) and rx.search(v) is not None), None
    return None


# What the patterns do to one class of token: the merged attributes of the single-token patterns
# it matches, the (pattern, position) pairs of longer patterns it satisfies, and the
# (attr_id, match_id) of those single-token matches (to re-sort when a longer pattern hits).
TokenRules = tuple[dict, frozenset[tuple[int, int]], tuple[tuple[int, int], ...]]


class FastRules:
    """The attribute ruler and then the rule lemmatizer, memoised (see module doc)."""

    def __init__(self, nlp: Any, ruler_name: str = "attribute_ruler",
                 lemmatizer_name: str = "lemmatizer") -> None:
        self.ruler = nlp.get_pipe(ruler_name)
        self.lemmatizer = nlp.get_pipe(lemmatizer_name)
        self.vocab = nlp.vocab
        strings = nlp.vocab.strings
        # Every pattern as (attr_id, match_id, index, tests per token position).
        self.patterns: list[tuple[int, int, int, list[list[tuple[str, Callable]]]]] = []
        used: set[str] = set()
        closed: dict[str, set] = {}  # attribute -> every value a closed test can be true for
        opened: dict[str, list[Callable]] = {}  # attribute -> its open tests (regex, NOT_IN)
        for attr_id in range(len(self.ruler.attrs)):
            key = str(attr_id)
            found = self.ruler.matcher.get(key)
            if found is None:
                continue
            for pattern in found[1]:
                per_token = []
                for spec in pattern:
                    tests = []
                    for attr, value in spec.items():
                        attr = attr.upper()
                        got = _predicate(value)
                        if attr not in _ATTRS or got is None:  # also any "OP": not fixed
                            raise ValueError(f"attribute ruler pattern not reproduced: {spec}")
                        test, values = got
                        tests.append((attr, test))
                        used.add(attr)
                        if values is None:
                            opened.setdefault(attr, []).append(test)
                        else:
                            closed.setdefault(attr, set()).update(values)
                    per_token.append(tests)
                if not per_token:
                    continue
                self.patterns.append((attr_id, strings[key], self.ruler.indices[attr_id],
                                      per_token))
        self.keys = tuple(sorted(used))
        self._closed = {k: frozenset(closed.get(k, ())) for k in self.keys}
        self._open = {k: tuple(opened.get(k, ())) for k in self.keys}
        # Per attribute, a value's class: the value itself if a closed test names it, else
        # one "other" class, plus the outcome of each open test. Tokens of one class tuple
        # match the same patterns, so the memo below is keyed on classes, not on words.
        self._classes: list[dict[int, Any]] = [{} for _ in self.keys]
        # class tuple -> what the patterns do to such a token
        self._memo: dict[tuple, TokenRules] = {}
        self._lemmas: dict[tuple[int, int, int], int] = {}
        # `_index_as_sets`: the lemmatizer's word index as shipped, and as sets.
        index = self.lemmatizer.lookups.get_table("lemma_index", None)
        self._index_lists: dict[Any, Any] = dict(index.items()) if index is not None else {}
        self._index_sets = {k: frozenset(v) for k, v in self._index_lists.items()
                            if isinstance(v, list)}

    def _class(self, k: int, value: int) -> Any:
        attr = self.keys[k]
        text = bool(value) if attr == "IS_SPACE" else self.vocab.strings[value]
        cls = (text if text in self._closed[attr] else None,
               tuple(test(text) for test in self._open[attr]))
        self._classes[k][value] = cls
        return cls

    def _token_rules(self, key: tuple, row: Any) -> TokenRules:
        """What the patterns do to a token of this class tuple, found on one such token."""
        row = tuple(row) if isinstance(row, list) else (row,)
        strings = self.vocab.strings
        attrs = {k: (bool(v) if k == "IS_SPACE" else strings[v])
                 for k, v in zip(self.keys, row, strict=True)}
        merged: dict = {}
        singles = []
        partial = set()
        for n, (attr_id, match_id, _index, per_token) in enumerate(self.patterns):
            for pos, tests in enumerate(per_token):
                if all(test(attrs[a]) for a, test in tests):
                    if len(per_token) == 1:
                        merged.update(self.ruler.attrs[attr_id])  # in attr_id order
                        singles.append((attr_id, match_id))
                    else:
                        partial.add((n, pos))
        got = (merged, frozenset(partial), tuple(singles))
        self._memo[key] = got
        return got

    def __call__(self, doc: Any) -> Any:
        self._rule_attributes(doc)
        self._lemmatize(doc)
        return doc

    def _rule_attributes(self, doc: Any) -> None:
        from spacy import attrs as A
        from spacy.tokens._retokenize import set_token_attrs

        if not len(doc):
            return
        ids = [getattr(A, k) for k in self.keys]
        array = doc.to_array(ids)
        columns = array.reshape(len(doc), -1).T.tolist()
        per_attr = []
        for k, (cls, column) in enumerate(zip(self._classes, columns, strict=True)):
            get = cls.get
            per_attr.append([get(v) or self._class(k, v) for v in column])
        memo = self._memo
        found = []
        for i, key in enumerate(zip(*per_attr, strict=True)):
            got = memo.get(key)
            found.append(got if got is not None else self._token_rules(key, array[i].tolist()))
        # Longer patterns: where every position is satisfied in turn. The stock ruler sorts
        # all matches by attr_id and applies them in that order, so a token hit by one gets
        # its attributes re-merged in that order.
        extra: dict[int, list[tuple[int, int, int, int]]] = {}
        n_tokens = len(found)
        for start, (_merged, partial, _singles) in enumerate(found):
            for n, pos in partial:
                if pos:
                    continue
                attr_id, match_id, index, per_token = self.patterns[n]
                end = start + len(per_token)
                if end <= n_tokens and all((n, k) in found[start + k][1]
                                           for k in range(1, len(per_token))):
                    target = (start if index >= 0 else end) + index
                    extra.setdefault(target, []).append((attr_id, match_id, start, end))
        for i, (merged, _partial, singles) in enumerate(found):
            if i in extra:
                merged = self._remerge(extra[i] + [(a, m, i, i + 1) for a, m in singles])
            if merged:
                set_token_attrs(doc[i], merged)

    def _remerge(self, matches: list[tuple[int, int, int, int]]) -> dict:
        """A token's attributes when a longer pattern also targets it: every match, sorted
        the way the stock ruler sorts them, applied in turn."""
        out: dict = {}
        for attr_id, *_rest in sorted(matches):
            out.update(self.ruler.attrs[attr_id])
        return out

    def _lemmatize(self, doc: Any) -> None:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return
        lem = self.lemmatizer
        if not lem._validated:  # what the stock component does on its first call
            from spacy.errors import Errors

            lem._validate_tables(Errors.E1004)
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        out = table[:, 3].copy()
        cache = self._lemmas
        strings = self.vocab.strings
        with self._index_as_sets():
            for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
                if lemma and not lem.overwrite:
                    continue
                key = (orth, pos, morph)
                got = cache.get(key)
                if got is None:
                    got = strings.add(lem.lemmatize(doc[i])[0])
                    cache[key] = got
                out[i] = got
        doc.from_array([LEMMA], out.reshape(-1, 1))

    @contextmanager
    def _index_as_sets(self) -> Iterator[None]:
        """The stock rule lemmatizer's word index (`lemma_index`: per part of speech, a list
        of up to 57,528 words in en_core_web_sm) as sets while this runs, lists again after.
        `rule_lemmatize` only tests membership in it (`form in index`), the same answer from a
        set; on a list each test scanned the list, 0.7 ms a new word, which was most of the
        parse time the memo did not save. The lists are put back so the component stays as
        it ships (serialisable)."""
        table = self.lemmatizer.lookups.get_table("lemma_index", None)
        if table is None or not self._index_sets:
            yield
            return
        for k, v in self._index_sets.items():
            table[k] = v
        try:
            yield
        finally:
            for k, v in self._index_lists.items():
                table[k] = v


def install(nlp: Any) -> bool:
    """Swap the two stock rule components for `FastRules` if it reproduces them exactly;
    returns whether it did."""
    from spacy.language import Language

    names = nlp.pipe_names
    if "attribute_ruler" not in names or "lemmatizer" not in names:
        return False
    if names.index("lemmatizer") != names.index("attribute_ruler") + 1:
        return False  # something runs between them that might read or change what they set
    lem = nlp.get_pipe("lemmatizer")
    if getattr(lem, "mode", None) != "rule" or not hasattr(lem, "lemmatize"):
        return False
    try:
        rules = FastRules(nlp)
    except ValueError:
        return False
    del rules  # built to check it can be; add_pipe builds the one it keeps
    if not Language.has_factory(FACTORY):  # once per process
        Language.factory(FACTORY, func=_make)
    nlp.add_pipe(FACTORY, after="lemmatizer")
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    return True


def _make(nlp: Any, name: str) -> FastRules:
    return FastRules(nlp)
