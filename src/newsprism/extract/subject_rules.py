"""Round 14's readings of a cue's subject, applied to the attributions of an article once the
passes have found them (`quotes.find_attributions`): verbs of implying need a subject of their
own (`implied`), and a he/she of a subordinate clause written before its main clause may
name the main clause's subject (`cataphora`); round 15's readings of words nobody said
(`not_said`)."""

from __future__ import annotations

from .cataphora import forward_pronouns
from .implied import implied_by_subject
from .not_said import not_said


def subject_rules(finder, atts: list) -> list:
    """`atts` after both rules (see the modules named above)."""
    return not_said(finder, forward_pronouns(finder, implied_by_subject(finder.doc, atts)))
