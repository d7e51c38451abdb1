"""Per-article extraction: one parsed `Doc` in, one `ArticleFacts` out (no spaCy objects).

The extractors each own a module: `mentions` (named entities, with our fixes to the NER),
`quotes` (direct, partial, indirect quotes and their speakers within the article), `claims`
(quantities, dates, statements). `entities` works later, across the articles of a story.
"""

from __future__ import annotations

from collections import Counter

from ..model import Article, ArticleFacts, Sentence
from ..nlp.loader import ents_of, forget_views, sents_of, text_of, tokens_of
from ..settings import Settings
from ..text import closing_mark_end

_TERM_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}


def sentences_of(article: Article, doc) -> tuple[Sentence, ...]:
    out = []
    whole = text_of(doc)
    taken = 0  # the end of the last sentence, with the closing mark it took from the next
    for sent in sents_of(doc):
        begin = max(sent.start_char, taken)
        text = whole[begin:sent.end_char]  # sent.text, without a pass over its tokens
        lead = len(text) - len(text.lstrip())
        start, end = begin + lead, begin + len(text.rstrip())
        if end > start:
            end = closing_mark_end(whole, start, end)
            out.append(Sentence(article.id, start, end))
            taken = end
    return tuple(out)


def terms_of(doc) -> tuple[tuple[str, int], ...]:
    """Lemmatised content words (and whole entity names) with counts, for clustering."""
    counts: Counter[str] = Counter()
    for tok in tokens_of(doc):
        if tok.pos_ in _TERM_POS and not tok.is_stop and len(tok.text) > 1 and tok.is_alpha:
            counts[tok.lemma_.lower()] += 1
    for ent in ents_of(doc):
        if ent.label_ in ("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC"):
            counts["ent:" + ent.text.lower()] += 1
    return tuple(sorted(counts.items()))


def analyze_article(article: Article, doc, settings: Settings) -> ArticleFacts:
    from .claims import find_claims
    from .descriptors import mention_descriptors
    from .mentions import find_mentions
    from .quotes import find_quotes

    try:
        mentions = find_mentions(article, doc)
        quotes = find_quotes(article, doc, mentions)
        quantities, dates, claims = find_claims(article, doc, mentions, quotes)
        return ArticleFacts(
            article_id=article.id,
            sentences=sentences_of(article, doc),
            mentions=mentions,
            quotes=quotes,
            quantities=quantities,
            dates=dates,
            claims=claims,
            terms=terms_of(doc),
            descriptors=mention_descriptors(doc, mentions),
        )
    finally:
        forget_views(doc)  # the cached tokens refer back to the Doc
