"""What may be the subject of "read" as a cue (`“…,” the article read`, `a sign that read
“…”`): the texts of `lexicons.cues.READABLE_NOUNS` and the documents news writes before
"read" after a quote, which that list lacked (round 16: "the article read" on PolNeAR dev
blind; on the Baly set report 6, petition 4, filing 3, order 3, ruling 2, …). Read by
`cues.text_reader`. (Its own module: `documents` holds the issuers of documents.)"""

from __future__ import annotations

from ..lexicons.cues import READABLE_NOUNS

READ_DOCUMENT_NOUNS = frozenset("""article report story piece study petition filing order ruling
decision judgment judgement opinion lawsuit complaint indictment document resolution platform
warning memorandum transcript essay op-ed graphic""".split())

READABLE = READABLE_NOUNS | READ_DOCUMENT_NOUNS
