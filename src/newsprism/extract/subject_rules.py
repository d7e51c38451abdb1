"""Round 14's readings of a cue's subject, applied to the attributions of an article once the
passes have found them (`quotes.find_attributions`): verbs of implying need a subject of their
own (`implied`), and a he/she of a subordinate clause written before its main clause may
name the main clause's subject (`cataphora`); round 15's readings of words nobody said
(`not_said`); stop 39's readings of relative clauses (`relatives`)."""

from __future__ import annotations

from .cataphora import forward_pronouns
from .implied import implied_by_subject
from .not_said import not_said
from .relatives import relative_misread, relative_pronouns


def subject_rules(finder, atts: list) -> list:
    """`atts` after every rule (see the modules named above)."""
    atts = forward_pronouns(finder, implied_by_subject(finder.doc, atts))
    return not_said(finder, relative_pronouns(finder, relative_misread(finder, atts)))
