"""The verbs that cue a quote or a claim, as lemmas (read by `extract.cues` and its passes, and
by `nlp.selective`, which parses only the sentences holding one of them). No imports: both
the extractors and the NLP loader may use it.
"""

from __future__ import annotations

SPEECH_LEMMAS = frozenset("""
say tell add state claim announce insist warn argue note explain stress emphasize emphasise
declare assert affirm reiterate report confirm deny acknowledge admit suggest write tweet post
ask reply respond answer conclude quote describe call urge predict promise vow pledge recall
remark comment observe mention reveal disclose maintain contend allege complain boast testify
believe think hope fear expect learn agree accuse charge threaten signal indicate estimate
caution concede counter propose recommend demand question wonder order instruct inform assure
joke quip exclaim lament bark yell shout scream chant cry whisper mutter plead beg retort
interject interrupt recount muse sigh gush scoff snap tout insist grumble concur
characterize characterise
""".split())
# Verbs that take a reported clause for the indirect kind: the subset that is about speaking
# or writing, so "hope that" or "expect that" alone does not make a quote.
INDIRECT_LEMMAS = (SPEECH_LEMMAS - frozenset("wonder question order".split())) | frozenset(
    "show find know realize recognize understand feel doubt assume mention "
    "imply intimate insinuate speculate".split())
# Statement verbs whose object is what was said: "announced new sanctions".
OBJECT_LEMMAS = frozenset("announce mention propose promise pledge vow call urge demand deny "
                          "confirm reveal describe cite predict threaten accuse blame "
                          "criticize criticise praise condemn".split())
# Verbs that can stand as a parenthetical cue: "The plan, he said, is dead."
PARENTHETICAL_LEMMAS = frozenset("say add note write argue explain insist claim warn contend "
                           "continue tell report state".split())
# Verbs that issue a document: the statement it released said.
ISSUE_LEMMAS = frozenset("issue release publish send file post tweet write sign".split())
# What such a verb issues that can hold the words quoted right after it (`X issued a
# statement, “…”`, `X posted a message: “…”`; `direct._left_cue`).
ISSUED_NOUNS = frozenset("statement message tweet post letter note memo release email e-mail"
                         .split())

# Verbs that put words on record (not "estimate", "predict": what they report is no quote):
# `inner_cues` reads a quote as theirs, `unsaid` a fragment of their adverbial clause.
WORDING_LEMMAS = frozenset("say write tell state declare tweet post add".split())

# Verbs of judging someone aloud (`blasted the press for being “…”`, `dismissed X as “…”`):
# cues only where the syntax already ties a quoted fragment to them (`direct._governing_verb`).
# Statement verbs that say what their object is ("described the tax as arbitrary", "praised
# cooperatives as “...”"): the verdict after "as" is said with the object, never the object
# alone (stop 61, two real articles; `extract.reported.said_object`).
AS_VERDICT_LEMMAS = frozenset("call describe praise criticize criticise condemn".split())
# Nouns of a speech act: a date on them ("in a statement on Tuesday") dates the speaking
# (`extract.anchors`), and their owner says what a participle on them reports (`extract.cues`).
SPEECH_NOUNS = frozenset({
    "statement", "interview", "remark", "speech", "conference", "briefing", "tweet", "post",
    "letter", "release", "address", "appearance", "comment", "testimony", "hearing",
    "announcement", "call", "memo", "op-ed", "email", "message", "video", "podcast"})
VERDICT_LEMMAS = frozenset("blast slam dismiss lambaste decry denounce mock ridicule laud hail "
                           "brand label dub criticize criticise praise condemn blame accuse "
                           "attack chide scold rebuke fault castigate".split())

# Nouns of something said whose possessor said it (`his promise to be “neutral”`, `Trump's
# claim that X “founded” Y`): a quoted fragment in their phrase is the possessor's.
CLAIM_NOUNS = frozenset("""claim assertion contention promise pledge vow warning accusation
comment remark statement argument insistence suggestion denial admission declaration call
prediction boast threat description dictum characterization characterisation""".split())

# Heads under which an infinitive cue is only permitted, wanted, planned or expected
# (`would allow X to demand`, `plans to announce`): nothing said yet (`extract.cues.unasserted`).
IRREALIS_HEADS = frozenset(
    "allow let permit enable want wish plan intend hope expect aim need prepare urge ask "
    "encourage invite force pressure push refuse decline fail hesitate schedule set due "
    "likely unlikely ready eager willing reluctant try seek attempt".split())
# Of those, the heads of an attempt: only a cue that is no verb of speech stays unasserted
# under them ("tried to show how far he's come"; "they're trying to say that X" says it).
ATTEMPT_HEADS = frozenset("try seek attempt".split())

# What a text is written on or in: "read" is a cue when one of these reads (`“…,” the
# email read`, `a sign that read “…”`, `“…,” read one`), never when a person reads.
READABLE_NOUNS = frozenset("""statement letter email e-mail memo note message sign placard
banner poster shirt t-shirt headline caption tweet post text release notice card ad
advertisement billboard slogan inscription plaque label editorial column page website
one another it which that""".split())
# Documents news writes before "read" after a quote (round 16: "the article read" on PolNeAR
# dev blind; on the Baly set report 6, petition 4, filing 3, order 3, ruling 2, …): texts too.
READ_DOCUMENT_NOUNS = frozenset("""article report story piece study petition filing order ruling
decision judgment judgement opinion lawsuit complaint indictment document resolution platform
warning memorandum transcript essay op-ed graphic""".split())

# Every cue lemma: a sentence holding one of them needs the parser.
CUE_LEMMAS = SPEECH_LEMMAS | INDIRECT_LEMMAS | OBJECT_LEMMAS | PARENTHETICAL_LEMMAS | ISSUE_LEMMAS

# Marks of an adverbial clause that sets the scene for a main clause ("When X tried to
# interrupt, Y cut her off"; "Trump tweeted hours after X released a statement"). Not "as"
# ("As X put it, …": the cue itself), not "that".
SCENE_MARKS = frozenset("when whenever after before once until while because since though "
                        "although if".split())
