"""A roundup of columns credits each quoted column on a line after it (`Name, Outlet`), with no
speech verb (stop 45, read on fresh Baly draws: a roundup outlet's columns had no speaker, or
the framing crowd's: "Others note that “…”", "The right says"). Every text is made up."""

from __future__ import annotations

ROUNDUP = (
    "From the Left\n\n"
    "The left worries that the court will narrow the law.\n\n"
    "“As the council stays deadlocked, the court has become the only branch that works. It has "
    "taken on the role of policymaker…\n\n"
    "“By the end of the term, tired Democrats may struggle to talk about anything else.”\n\n"
    "Mara Ellison, The Daily Ledger\n\n"
    "Others note that “the ruling could upend thirty years of precedent, and no law of the "
    "last decade would be safe.”\n\n"
    "Tobias Renner, Harbor Review\n\n"
    "“A court that rewrites a statute takes a power no voter gave it, and the damage lasts "
    "longer than any term.” Lena Fairbanks, The Northern Post\n\n"
    "From the Right\n\n"
    "“The court should leave this to the legislature. Unelected judges should not pre-empt "
    "it.”\n\n"
    "Editorial Board, Wall Street Journal\n")


def test_each_credited_column_is_its_writers(quotes_of, quote_with):
    quotes = quotes_of(ROUNDUP)
    assert quote_with(quotes, "deadlocked").speaker == "Mara Ellison"
    assert quote_with(quotes, "tired Democrats").speaker == "Mara Ellison"
    assert quote_with(quotes, "tired Democrats").kind == "direct"
    # the framing crowd ("Others note that") did not write the column: its writer did
    assert quote_with(quotes, "thirty years").speaker == "Tobias Renner"
    # the credit may end the quote's own paragraph
    assert quote_with(quotes, "rewrites a statute").speaker == "Lena Fairbanks"


def test_an_editorial_board_stays_as_written_with_its_outlet(quotes_of, quote_with):
    q = quote_with(quotes_of(ROUNDUP), "leave this to the legislature")
    assert q.speaker == "Editorial Board, Wall Street Journal"
    assert q.speaker_confidence < 1.0


def test_a_name_alone_on_a_line_heads_the_next_section_and_credits_nothing(quotes_of,
                                                                           quote_with):
    """(guard) `Sen. Name (R) of State` or an interviewer's name between two quotes heads
    what follows far more often than it credits what went before."""
    quotes = quotes_of(
        "Lawmakers spoke about their faith.\n\n"
        "“Faith is what keeps a community together through the hardest winters.”\n\n"
        "Sen. Maren Holt (R) of Vermont\n\n"
        "Senator Holt says her faith guides her votes on the budget.\n")
    assert quote_with(quotes, "hardest winters").speaker != "Maren Holt"


def test_a_named_speaker_before_the_credit_keeps_the_quote(quotes_of, quote_with):
    """(guard) Only a quote that opens its paragraph, or a crowd's (`Others note that “…”`),
    is the credited writer's: one the paragraph gives to a named person stays theirs."""
    quotes = quotes_of(
        "From the Right\n\n"
        "The mayor promised a balanced budget last spring. Councilwoman Dana Whitfield "
        "said on Monday, “the city is spending money it does not have.”\n\n"
        "Peter Lindqvist, Harbor Review\n")
    assert "Dana Whitfield" in quote_with(quotes, "spending money").speaker


def test_two_writers_on_one_credit_line_leave_the_column_to_neither(quotes_of, quote_with):
    """(guard) `A and B, Outlet`: both wrote it; neither alone is the speaker."""
    quotes = quotes_of(
        "From the Left\n\n"
        "“Every administration for sixty years has protected people who fled war, and the "
        "courts have said so again and again.” Janet Morrow and Paul Ibsen, Valley Times\n")
    assert quote_with(quotes, "sixty years").speaker not in ("Janet Morrow", "Paul Ibsen")


def test_a_subhead_after_a_quote_is_no_credit(quotes_of, quote_with):
    """(guard) `Moon, Abe struggle`: words after the comma that are not an outlet's."""
    quotes = quotes_of(
        "The leaders met in Tokyo.\n\n"
        "“We will keep talking until we find a way forward on trade,” Moon said.\n\n"
        "Moon, Abe struggle\n\n"
        "“The talks were hard,” an aide said.\n")
    assert quote_with(quotes, "way forward").speaker == "Moon"


def test_a_credit_the_line_test_cannot_read_ends_the_run_of_the_next(quotes_of, quote_with):
    """(guard) `“…” Janet Morrow and Paul Ibsen, Valley Times` (two writers: no credit read)
    closes its own quote: the next credit line covers only the quotes after it."""
    quotes = quotes_of(
        "From the Left\n\n"
        "“Every administration for sixty years has protected people who fled war, and the "
        "courts have said so again and again.” Janet Morrow and Paul Ibsen, Valley Times\n\n"
        "“The rule will shut out a large number of families who followed every law.”\n\n"
        "Mara Ellison, The Daily Ledger\n")
    assert quote_with(quotes, "shut out a large number").speaker == "Mara Ellison"
    assert quote_with(quotes, "sixty years").speaker != "Mara Ellison"


def test_a_long_roundup_credits_each_column_to_its_own_writer(quotes_of):
    """Two hundred columns, each credited: every quote gets its own writer (the pass reads each
    credit's paragraphs through a sorted index, not every quote for every credit)."""
    first = ["Mara", "Tobias", "Lena", "Peter", "Dana"]
    last = ["Ellison", "Renner", "Fairbanks", "Lindqvist", "Whitfield"]
    parts = ["From the Left\n\nThe left worries about the rule.\n\n"]
    for n in range(200):
        parts.append(f"“Column number {n} says the harbour rule hurts families who follow every "
                     f"law.”\n\n{first[n % 5]} {last[n // 5 % 5]}, The Daily Ledger\n\n")
    quotes = quotes_of("".join(parts))
    credited = {q.text.split()[2]: q.speaker for q in quotes if q.text.startswith("Column")}
    assert len(credited) == 200
    right = [n for n in range(200) if credited[str(n)] == f"{first[n % 5]} {last[n // 5 % 5]}"]
    # (a name the model does not tag PERSON credits nothing: never someone else's column)
    assert all(credited[str(n)] is None for n in range(200) if n not in right)
    assert len(right) >= 180


def test_a_credit_ending_the_paragraph_of_a_crowd_s_lead_in_is_the_writers(quotes_of,
                                                                            quote_with):
    """Real text, stop 49: `Some, however, argue that “What's perhaps most comforting ...”
    Paul Begala, CNN` gave the column to "Some": the credit ends a paragraph that a short
    lead-in opens, not a quote mark."""
    quotes = quotes_of(
        "From the Left\n\n"
        "The left is pleased with the turnout in the spring primaries.\n\n"
        "Some, however, argue that “what comforts me most is that voters would not let even a "
        "flood keep them from the polls this spring.” Tobias Renner, Harbor Review\n")
    assert quote_with(quotes, "comforts me most").speaker == "Tobias Renner"


def test_a_named_speaker_in_the_lead_in_keeps_the_quote_before_a_credit(quotes_of, quote_with):
    """(guard) The lead-in names who said it: the credit after does not take it."""
    quotes = quotes_of(
        "From the Right\n\n"
        "Councilwoman Dana Whitfield said on Monday, “the city is spending money it does not "
        "have.” Peter Lindqvist, Harbor Review\n")
    assert "Dana Whitfield" in quote_with(quotes, "spending money").speaker
