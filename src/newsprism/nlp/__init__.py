"""The only place spaCy is loaded, and what is added to it.

    loader.py  load_pipeline (cached per process), pipeline_for, parse_many, text_of, and the
               per-Doc views the extractors share (tokens_of, ents_of, sents_of)
    selective.py  the parser on the sentences that need it (settings.spacy_parse)
    rules.py   the fast rule components added to the model (see settings.spacy_fast_rules)
    lang.py    language id of an article, before anything is parsed
"""

from .loader import load_pipeline, parse_many, pipeline_for, text_of

__all__ = ["load_pipeline", "parse_many", "pipeline_for", "text_of"]
