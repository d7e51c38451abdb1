"""Speakers too vague to be anyone (issue 20, round 14 real samples): "few people believe
...", "People often assume ...", "a lot of people think ...". A verb of belief with a generic
crowd as subject reports what the writer takes to be common opinion, not words someone said;
`cues` keeps the phrase as written and leaves the speaker unresolved."""

from __future__ import annotations

# Verbs of belief, not of saying: with a crowd as subject nobody said anything.
BELIEF_LEMMAS = frozenset("""believe think assume feel suspect know understand realize
realise recognize recognise doubt fear hope expect imagine suppose presume guess worry
agree""".split())
# Heads of a generic crowd: "(few/many/most) people", "everyone", "a lot (of people)", "most",
# "a majority", "45 percent (of voters)", "half (of Americans)". A named or defined group
# ("Democrats", "the committee's members") is not one of them.
CROWD_HEADS = frozenset("""people person persons folks everyone everybody anyone anybody nobody
someone somebody many most few some lot lots majority minority plurality percent % share
half third quarter fraction millions thousands hundreds dozens scores""".split())
# A plural head counted this way is a crowd too: "most founding-era Americans", "many voters".
_CROWD_COUNTS = frozenset("most many few some all".split())


# Words that make a crowd a set of sources the writer spoke to: "people close to X",
# "people familiar with ...", "many of the people interviewed", "those involved".
_SOURCE_WORDS = frozenset("close familiar interview involve brief know speak talk".split())


def crowd_belief(head, verb) -> bool:
    """`head` (a speaker phrase's head) is a generic crowd and cue `verb` a verb of belief.
    Not a crowd the writer defines as sources ("people close to the Clintons felt", "many of
    her aides feel", "some people in Trump world think"): a proper noun, a possessor, a
    relative clause or a word of `_SOURCE_WORDS` in the phrase makes them someone."""
    if verb is None or verb.lemma_.lower() not in BELIEF_LEMMAS or not _crowd(head):
        return False
    # ("millions of citizens who feel": the cue's own relative clause does not count)
    own = {t.i for t in verb.subtree} if verb.dep_ == "relcl" else set()
    return not any(t.pos_ == "PROPN" or t.dep_ in ("poss", "relcl", "acl")
                   or t.lemma_.lower() in _SOURCE_WORDS
                   for t in head.subtree if t.i != head.i and t.i not in own)


def predicted_words(head, verb) -> bool:
    """`90 percent of them will assure you it's not true`, `Trump's defenders will say …`: a
    cue in the future with a crowd or a plural common noun as subject is the writer's guess at
    words nobody has said yet (stop 45, columns in fresh Baly draws). A name ("Democrats will
    say"), a source the writer spoke to ("people familiar with …") or one person keeps it."""
    if verb is None or verb.dep_ == "ccomp" or not any(
            c.dep_ == "aux" and c.lower_ in ("will", "'ll", "’ll") for c in verb.children):
        return False  # (`X said she expected that voters will say “no”`: X's guess, X's words)
    if head.pos_ == "PROPN" or head.ent_type_ or not (_crowd(head) or head.tag_ == "NNS"):
        return False
    return not any(t.lemma_.lower() in _SOURCE_WORDS for t in head.subtree if t.i != head.i)


def _crowd(head) -> bool:
    if head.lower_ in CROWD_HEADS and head.pos_ != "PROPN":
        return True
    if any(c.dep_ == "appos" and c.lower_ in ("percent", "%") for c in head.children):
        # A poll's row parsed onto a name: "beat Trump -- and more (68 percent) think he
        # can" (stop 44, real text: the 68 percent's belief went to Trump).
        return True
    return head.tag_ in ("NNS", "NNPS") and any(
        c.dep_ in ("amod", "det") and c.lower_ in _CROWD_COUNTS for c in head.children)
