"""The only place spaCy is loaded, and what is added to it.

    loader.py  load_pipeline (cached per process), parse_many, text_of
    rules.py   the fast rule components added to the model (see settings.spacy_fast_rules)
    lang.py    language id of an article, before anything is parsed
"""

from .loader import load_pipeline, parse_many, text_of

__all__ = ["load_pipeline", "parse_many", "text_of"]
