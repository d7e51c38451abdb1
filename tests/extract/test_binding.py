"""A pronoun speaker is never a person its own clause names after it (issue 20, round 14 real
samples). Each text is made up; the shape of each comes from a wrong speaker read on real
news."""


def test_a_pronoun_is_not_the_person_named_in_what_it_reports(quotes_of, quote_with):
    """`While Biden was in office, he ... called for the dismissal of Lutsenko's predecessor`
    was given to Lutsenko, the subject of the sentences before."""
    quotes = quotes_of("Viktor Lanz was the former prosecutor. While Peter Mornay was in office, "
                       "he along with others called for the dismissal of Lanz's predecessor, a "
                       "prosecutor named Ivo Kral.")
    assert quote_with(quotes, "dismissal").speaker is None


def test_a_pronoun_is_not_the_person_named_in_its_reported_clause(quotes_of, quote_with):
    """`He insisted Curiel had “an inherent conflict”`: "he" is not Curiel."""
    quotes = quotes_of("The judge in the case is Ramon Okafor, who was born in Ohio. "
                       "He insisted Okafor had a conflict of interest in the case.")
    assert quote_with(quotes, "conflict of interest").speaker is None


def test_a_name_in_an_aside_clause_does_not_bind(quotes_of, quote_with):
    """(guard) `“…,” he said after the prosecutor read the facts to which Lazar admitted`:
    writers name the speaker in such clauses; he stays Lazar."""
    quotes = quotes_of('Mark Lazaro pleaded guilty on Monday. "They are all accurate," he said '
                       "after the prosecutor read the facts to which Lazaro admitted.")
    assert quote_with(quotes, "all accurate").speaker == "Mark Lazaro"


def test_a_name_in_a_joined_clause_of_its_own_does_not_bind(quotes_of, quote_with):
    """(guard) `He said A would win, and Kask said he agreed`: the parser may join the second
    cue to the reported clause; its subject is not bound by "he"."""
    quotes = quotes_of("Tom Kask spoke on Monday. He said Ann Loft would win and Kask said he "
                       "agreed.")
    assert quote_with(quotes, "Ann Loft would win").speaker == "Tom Kask"


def test_a_pronoun_after_another_persons_remark_is_unresolved(quotes_of, quote_with):
    """`McCain was referring to Trump's jaw-dropping comment last year on POWs, when he said,
    “I like people that weren't captured.”` was given to McCain."""
    quotes = quotes_of('John Kask said there would have to be a condition first. Kask was '
                       "referring to Peter Loft's comment last year on veterans, when he said, "
                       '"I like people that were not captured."')
    assert quote_with(quotes, "not captured").speaker is None


def test_a_remark_of_someone_of_the_other_gender_leaves_the_pronoun(quotes_of, quote_with):
    """(guard) `Kask was referring to Ann Loft's comment, when she said ...`: only Ann Loft
    fits "she"."""
    quotes = quotes_of('Tom Kask said there would have to be a condition first. Kask was '
                       "referring to Ann Loft's comment last year on veterans, when she said, "
                       '"I like people that were not captured."')
    assert quote_with(quotes, "not captured").speaker == "Ann Loft"


def test_a_name_after_a_preposition_before_a_colon_does_not_speak(quotes_of):
    """`Fauci with a subtle rebuke of Trump: “When you talk about ...”` was given to Trump
    (second draw of seed 361)."""
    quotes = quotes_of('Kask with a subtle rebuke of Ann Loft: "When you talk about the virus '
                       'just going away, that is not going to happen."')
    assert not [q for q in quotes if q.speaker == "Ann Loft"]


def test_a_name_in_a_phrase_hung_on_a_name_speaker_does_not_speak(quotes_of):
    """`Several senior Democrats with longtime ties to both Clintons cited another “trap”
    debate` went to Bill Clinton (PolNeAR train tune, read in this round's diff)."""
    quotes = quotes_of("Peter Loft won in May. Several senior Democrats with longtime ties to "
                       "Peter Loft cited another “trap” debate.")
    assert not [q for q in quotes if q.speaker == "Peter Loft"]


def test_who_after_a_name_stands_for_that_name(quotes_of, quote_with):
    """`the Reverend Franklin Graham, who called it “disgraceful”, ... and Republican senator
    Lindsey Graham, who said: “…”` gave Lindsey Graham's words to Franklin Graham: the parser
    hung the second "who" on the first Graham (second draw of seed 367)."""
    quotes = quotes_of("Critics included the Reverend Franklin Graham, who called it "
                       "“disgraceful”, former aide Anthony Scaramucci, who said it was not "
                       "“the Christian way”, and Republican senator Lindsey Graham, who said: "
                       "“President Trump could stop this policy with a phone call.”")
    assert quote_with(quotes, "phone call").speaker == "Lindsey Graham"


def test_a_parenthetical_pronoun_is_none_of_the_people_its_host_names(quotes_of):
    """`Ryan, he says, is helping conservatives remember why they are conservatives` (Brooks
    speaking) was given to Paul Ryan (third draw of seed 361)."""
    quotes = quotes_of("Republicans such as Paul Ryan want to tap aspirations, Brooks said. "
                       "Ryan, he says, is helping conservatives remember why they are "
                       "conservatives.")
    assert not [q for q in quotes if q.speaker == "Paul Ryan"]


def test_a_description_is_not_the_person_named_in_what_it_reports(quotes_of, quote_with):
    """`The president said Clinton was ready to be commander in chief` went to Clinton (third
    draw of seed 367); `the former vice president's spokeswoman told POLITICO that Gore plans
    to skip ...` to Gore (PolNeAR train tune)."""
    quotes = quotes_of("Former Vice President Al Lanz will skip the convention. Citing "
                       "“obligations at home,” the former vice president’s spokeswoman told "
                       "reporters that Lanz plans to skip the festivities.")
    assert quote_with(quotes, "plans to skip").speaker is None


def test_an_apposition_of_the_subject_does_not_bind(quotes_of, quote_with):
    """(guard) `“…,” the governor said, before clarifying that he, Christie, ...`: the
    apposition names the subject itself."""
    quotes = quotes_of("Gov. Chris Kask backed the plan. “I have known him for years,” he said, "
                       "adding that he, Kask, would not change his mind.")
    assert quote_with(quotes, "known him for years").speaker == "Chris Kask"


def test_a_titled_name_after_an_office_phrase_still_speaks(quotes_of, quote_with):
    """(guard, read in the round 14 blind sample's diff) `said California Department of Public
    Health Director Sonia Angels`: the parser hangs the name under "of"; after its title it
    is still the speaker."""
    quotes = quotes_of("There was no evidence the woman had any link to the base, said "
                       "California Department of Public Health Director Sonia Angels.")
    assert quote_with(quotes, "no evidence").speaker == "Sonia Angels"


def _reparsed(nlp, text: str, heads: dict[int, tuple[int, str]]):
    """`text` parsed, with the heads and relations of some tokens set as a parser once set
    them on real text (token -> (head, relation))."""
    from spacy.tokens import Doc

    doc = nlp(text)
    ents = [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in doc]
    new = [heads.get(t.i, (t.head.i, t.dep_)) for t in doc]
    return Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
               tags=[t.tag_ for t in doc], pos=[t.pos_ for t in doc],
               lemmas=[t.lemma_ for t in doc], heads=[h for h, _ in new],
               deps=[d for _, d in new], ents=ents)


def test_a_name_under_a_title_heads_preposition_still_speaks(nlp):
    """(guard, read in the round 14 diff of seed 361) `what Director of National Intelligence
    James Clapper and other top intelligence bosses called ...` with "Clapper" parsed under
    "of": the title head's name speaks, not the FBI director named before."""
    from newsprism.extract.mentions import find_mentions
    from newsprism.extract.quotes import find_quotes
    from newsprism.model import Article

    text = ("FBI Director Peter Lofton spoke on Monday. Lofton said he would testify. It tops "
            "what Director of National Intelligence John Clapton and other top intelligence "
            "bosses called an unprecedented spike in meddling.")
    doc = _reparsed(nlp, text, {20: (22, "compound"), 22: (18, "pobj"), 23: (17, "cc"),
                                27: (17, "conj")})
    assert doc[22].text == "Clapton" and doc[18].text == "of"
    article = Article(id="a1", source="test", text=text)
    quotes = find_quotes(article, doc, find_mentions(article, doc))
    spike = [q for q in quotes if "unprecedented spike" in q.text]
    assert spike and spike[0].speaker == "John Clapton"


def _quotes_of_doc(doc, text: str):
    from newsprism.extract.mentions import find_mentions
    from newsprism.extract.quotes import find_quotes
    from newsprism.model import Article

    article = Article(id="a1", source="test", text=text)
    return find_quotes(article, doc, find_mentions(article, doc))


def test_he_said_hung_as_parataxis_without_commas_is_no_parenthetical(nlp):
    """(guard, read in the round 14 diff of seed 361) `Mr. Clinton laid out math he said
    showed that ...`, with "said" parsed as a parataxis of "laid": not a parenthetical "he
    says", so the name in the clause it hangs on does not rule Clinton out."""
    text = ("Mr. Bill Kask spoke for an hour. Mr. Kask laid out math he said showed that "
            "Democrats lead in job creation.")
    doc = _reparsed(nlp, text, {10: (10, "ROOT"), 14: (10, "parataxis")})
    assert doc[14].text == "said"
    quotes = _quotes_of_doc(doc, text)
    assert [q.speaker for q in quotes if "Democrats lead" in q.text] == ["Bill Kask"]


def test_a_headline_name_parsed_under_the_line_befores_preposition_speaks(nlp):
    """(guard, read in the round 14 diff of seed 361) `Stewart: Michelle Obama gave one of the
    finest speeches ...` with "Stewart" parsed as the object of "to" on the line before."""
    text = ("Opinion\nGordon Kask: If Tom Loft is re-elected, he will owe much to his wife\n"
            "Kask: Ann Loft gave one of the finest speeches ever at a convention")
    doc = _reparsed(nlp, text, {21: (17, "pobj")})
    assert doc[21].text == "Kask" and doc[17].text == "to"
    quotes = _quotes_of_doc(doc, text)
    assert [q.speaker for q in quotes if "finest speeches" in q.text] == ["Gordon Kask"]


def test_a_name_after_an_affiliation_preposition_still_speaks(quotes_of, quote_with):
    """(guard, read in the round 14 diff of seed 367) `said Washington Institute for Near East
    Policy fellow Eric Trager`: a name under "for" (or "of") of an affiliation is the speaker;
    only "with", "to", "against" ... phrases name someone else."""
    quotes = quotes_of("The army is “suffering” now, said Washington Institute for Near East "
                       "Policy fellow Eric Lofton.")
    assert quote_with(quotes, "suffering").speaker == "Eric Lofton"


def test_a_parenthetical_description_is_none_of_the_people_its_host_names(quotes_of):
    """(read in the round 14 diff of seed 361) `Kushner, the official said, told Scarborough to
    call the president`: the official is not Kushner (the commas are around the phrase)."""
    quotes = quotes_of("A White House official said nothing untoward had occurred. The official "
                       "told CNN that Kask called the son-in-law, Jared Lofton, about the story. "
                       "Lofton, the official said, told Kask to call the president.")
    assert not [q for q in quotes if q.speaker == "Jared Lofton"]
