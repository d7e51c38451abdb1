"""A verb the parser gives two subjects (a fronted phrase read as a noun phrase): a verb of
saying joined to it speaks with the subject nearest the verb (stop 39, seed 449: "Briefing
Parliament on Tuesday, Foreign Minister X called … but said …" went to "Briefing
Parliament"). Made-up text."""


def test_a_joined_cue_takes_the_subject_nearest_its_verb(quotes_of, quote_with):
    quotes = quotes_of("Rome said any strike must be authorized. Briefing Parliament on "
                       "Tuesday, Foreign Minister Emma Bonino called the chemical attack a "
                       "\"war crime,\" but said the government would not support military "
                       "action without Security Council authorization.")
    assert quote_with(quotes, "would not support military action").speaker == "Emma Bonino"
