"""compare_story on hand-built contexts: each kind of finding, wire copies counted once,
evidence spans that point at the right words. Seeds tests run the line pieces that exist."""

from __future__ import annotations

import dataclasses

import pytest

from newsprism.compare.attribution import attribution_conflicts
from newsprism.compare.conflicts import quantity_conflicts
from newsprism.compare.framing import lexicon_hits, load_lexicon, outlet_tones
from newsprism.compare.match import units_match
from newsprism.compare.story import compare_story
from newsprism.model import (
    Article,
    ArticleFacts,
    Claim,
    Edit,
    Entity,
    Passage,
    Quantity,
    Quote,
    Reuse,
    Sentence,
    Story,
    StoryContext,
)
from newsprism.text import stable_id


def _article(aid: str, text: str, outlet: str | None = None) -> Article:
    return Article(id=aid, source=f"{aid}.txt", text=text, outlet=outlet or f"outlet-{aid}",
                   published="2021-03-04")


def _claim(article: Article, sentence: str, **kw) -> Claim:
    start = article.text.index(sentence)
    end = start + len(sentence)
    return Claim(id=stable_id(article.id, str(start), str(end)), article_id=article.id,
                 start=start, end=end, text=sentence, **kw)


def _qty(article: Article, phrase: str, low, high, unit) -> Quantity:
    start = article.text.index(phrase)
    return Quantity(article.id, start, start + len(phrase), phrase, low, high, unit)


def _quote(article: Article, words: str, speaker: str | None, entity: str | None = None
           ) -> Quote:
    start = article.text.index(words)
    return Quote(id=stable_id(article.id, str(start)), article_id=article.id, start=start,
                 end=start + len(words), text=words, kind="direct", speaker=speaker,
                 speaker_entity=entity)


def _ctx(articles, claims=(), quotes=(), reuse=(), entities=()) -> StoryContext:
    story = Story(id="s1", title="t", article_ids=tuple(a.id for a in articles),
                  entities=tuple(entities), quotes=tuple(quotes), claims=tuple(claims))
    facts = tuple(ArticleFacts(article_id=a.id,
                               claims=tuple(c for c in claims if c.article_id == a.id),
                               quotes=tuple(q for q in quotes if q.article_id == a.id))
                  for a in articles)
    return StoryContext(story=story, articles=tuple(articles), facts=facts, reuse=tuple(reuse))


def _parsed(ctx: StoryContext, nlp) -> StoryContext:
    """The context with each article's descriptors, read from its parse as the extract stage
    does (`mention_descriptors` over the article's mentions)."""
    from newsprism.extract.descriptors import mention_descriptors

    facts = []
    for art, f in zip(ctx.articles, ctx.facts, strict=True):
        mentions = sorted((m for e in ctx.story.entities for m in e.mentions
                           if m.article_id == art.id), key=lambda m: m.start)
        facts.append(dataclasses.replace(
            f, descriptors=mention_descriptors(nlp(art.text), mentions)))
    return dataclasses.replace(ctx, facts=tuple(facts))


def _wire(a: str, b: str) -> Reuse:
    return Reuse(a=a, b=b, share_a=0.8, share_b=0.8, origin=a,
                 passages=(Passage(0, 50, 0, 50),), near_duplicate=True)


@pytest.mark.parametrize(("a", "b", "same"), [
    ("strike", "airstrike", True), ("strikes", "strike", True), ("attack", "counterattack", True),
    ("people", "people", True), ("strike", "soldier", False), ("man", "woman", False),
    (None, "strike", False),
])
def test_units_match(a, b, same):
    assert units_match(a, b) is same


def test_quantity_conflict_counts_wire_copies_once(settings):
    s1 = "The navy has launched hundreds of strikes on rebel ports since the war began."
    s3 = "The navy has carried out dozens of airstrikes on rebel ports in recent years."
    a1, a2, a3 = _article("a1", s1), _article("a2", "Copy. " + s1), _article("a3", s3)
    claims = [
        _claim(a1, s1, quantities=(_qty(a1, "hundreds of strikes", 200, 999, "strike"),)),
        _claim(a2, s1, quantities=(_qty(a2, "hundreds of strikes", 200, 999, "strike"),)),
        _claim(a3, s3, quantities=(_qty(a3, "dozens of airstrikes", 24, 99, "airstrike"),)),
    ]
    story = compare_story(_ctx([a1, a2, a3], claims, reuse=[_wire("a1", "a2")]), settings)
    (conflict,) = [c for c in story.conflicts if c.kind == "quantity"]
    versions = {v.value: v for v in conflict.versions}
    assert versions["hundreds of strikes"].article_ids == ("a1", "a2")
    assert versions["hundreds of strikes"].independent_sources == 1
    assert versions["dozens of airstrikes"].article_ids == ("a3",)
    for v in conflict.versions:
        for span in v.spans:
            text = {"a1": a1, "a2": a2, "a3": a3}[span.article_id].text
            assert text[span.start:span.end] == v.value


def test_overlapping_or_unrelated_counts_are_no_conflict():
    a = _article("a", "Police said more than 300 protesters marched through the capital.")
    b = _article("b", "Some 400 protesters marched through the capital on Sunday.")
    c = _article("c", "The ministry said 12 protesters were fined for blocking a bridge at dawn.")
    claims = [
        _claim(a, a.text, quantities=(_qty(a, "more than 300 protesters", 300, None,
                                           "protester"),)),
        _claim(b, b.text, quantities=(_qty(b, "Some 400 protesters", 340, 460, "protester"),)),
        _claim(c, c.text, quantities=(_qty(c, "12 protesters", 12, 12, "protester"),)),
    ]
    assert quantity_conflicts(claims, {"a": "a", "b": "b", "c": "c"}) == []


def test_attribution_conflict_with_paraphrased_quote():
    texts = {
        "a": 'The minister said: "If our enemies could break us, they would not wait a moment."',
        "b": '"If our enemies were able to break us, they would not wait for a moment," he said.',
        "c": '"If our enemies could break us they would not wait a moment," the general said.',
        "d": 'Unrelated: "We will build new schools across the region this year," she said.',
    }
    arts = {k: _article(k, v) for k, v in texts.items()}
    quote = {"a": "If our enemies could break us, they would not wait a moment.",
             "b": "If our enemies were able to break us, they would not wait for a moment,",
             "c": "If our enemies could break us they would not wait a moment,",
             "d": "We will build new schools across the region this year,"}
    minister = Entity(id="e1", name="Sam Rivers", type="PERSON")
    general = Entity(id="e2", name="Alex Stone", type="PERSON")
    quotes = [_quote(arts["a"], quote["a"], "Sam Rivers", "e1"),
              _quote(arts["b"], quote["b"], "Sam Rivers", "e1"),
              _quote(arts["c"], quote["c"], "Alex Stone", "e2"),
              _quote(arts["d"], quote["d"], "Alex Stone", "e2")]
    conflicts = attribution_conflicts(quotes, {"e1": minister, "e2": general},
                                      {k: k for k in arts})
    (conflict,) = conflicts
    assert {v.value: v.article_ids for v in conflict.versions} == {
        "Sam Rivers": ("a", "b"), "Alex Stone": ("c",)}
    assert conflict.versions[0].value == "Sam Rivers"  # the majority version first


def test_attribution_without_entities_joins_transliterations():
    a = _article("a", '"We shall defend every inch of our land," said Gen. Ahmad Bagheri.')
    b = _article("b", '"We shall defend every inch of our land," said Ahmad Baqeri.')
    quotes = [_quote(a, "We shall defend every inch of our land,", "Gen. Ahmad Bagheri"),
              _quote(b, "We shall defend every inch of our land,", "Ahmad Baqeri")]
    assert attribution_conflicts(quotes, {}, {"a": "a", "b": "b"}) == []


def test_consensus_needs_two_independent_sources_and_omission(settings):
    fact = "The central bank raised its main interest rate to five percent on Thursday."
    para = "On Thursday the central bank raised its main interest rate to five percent."
    a1, a2 = _article("a1", fact), _article("a2", fact)
    a3 = _article("a3", para)
    a4 = _article("a4", "Shoppers in the capital crowded markets ahead of the holiday weekend.")
    claims = [_claim(a, a.text, predicate="raise") for a in (a1, a2, a3)]
    claims.append(_claim(a4, a4.text, predicate="crowd", attributed_to="traders"))
    story = compare_story(_ctx([a1, a2, a3, a4], claims, reuse=[_wire("a1", "a2")]), settings)
    (cons,) = story.consensus
    assert cons.article_ids == ("a1", "a2", "a3") and cons.independent_sources == 2
    assert {s.article_id for s in cons.spans} == {"a1", "a2", "a3"}
    kinds = {(e.kind, e.article_id) for e in story.exclusives}
    assert ("omission", "a4") in kinds
    assert ("exclusive", "a4") in kinds

    # Two copies of one wire are one source: no consensus.
    only_wire = compare_story(_ctx([a1, a2], claims[:2], reuse=[_wire("a1", "a2")]), settings)
    assert only_wire.consensus == ()

    # Stop 36, real text: two pages of one outlet (each its own words, no copy between them)
    # are one voice: "X contributed to this report" on both was a consensus of "2 sources".
    b1, b2 = _article("b1", fact, outlet="Coast Wire"), _article("b2", para, outlet="Coast Wire")
    own = [_claim(b, b.text, predicate="raise") for b in (b1, b2)]
    assert compare_story(_ctx([b1, b2], own), settings).consensus == ()
    b3 = _article("b3", fact, outlet="Harbour Post")
    both = compare_story(_ctx([b1, b2, b3], [*own, _claim(b3, fact, predicate="raise")]),
                         settings)
    assert [c.independent_sources for c in both.consensus] == [2]


def test_an_omission_needs_three_outlets_carrying_the_item(settings):
    """Stop 43, real text: in stories of three outlets, two carrying an item made the third
    "omit" it, and most such items were themselves wrong. Two of three is no omission; three
    of four is (as in the test above)."""
    fact = "The central bank raised its main interest rate to five percent on Thursday."
    para = "On Thursday the central bank raised its main interest rate to five percent."
    a1, a3 = _article("a1", fact), _article("a3", para)
    a4 = _article("a4", "Shoppers in the capital crowded markets ahead of the holiday weekend.")
    claims = [_claim(a, a.text, predicate="raise") for a in (a1, a3)]
    claims.append(_claim(a4, a4.text, predicate="crowd", attributed_to="traders"))
    story = compare_story(_ctx([a1, a3, a4], claims), settings)
    assert [c.article_ids for c in story.consensus] == [("a1", "a3")]
    assert not [e for e in story.exclusives if e.kind == "omission"]


def test_lexicon_is_documented_and_hits_skip_names_and_quotes():
    lex = load_lexicon()
    assert len(lex) > 200 and lex["regime"] < 0 and lex["freedom fighters"] > 0
    text = ('The regime cracked down. The National Front for Liberation said "terrorists '
            'attacked us".')
    art = _article("x", text)
    quote_start = text.index("terrorists")
    terms = [t for t, _, _ in lexicon_hits(art, [(quote_start, quote_start + 20)])]
    assert terms == ["regime"]


def test_tones_use_lexicon_and_reuse_edits():
    a = _article("a", "The government forces entered the city after a long civil war.", "Wire")
    b = _article("b", "The regime forces entered the city after a long brutal war.", "Paper")
    edit = Edit(a="civil", b="brutal", a_start=a.text.index("civil"),
                a_end=a.text.index("civil") + 5, b_start=b.text.index("brutal"),
                b_end=b.text.index("brutal") + 6)
    reuse = Reuse(a="a", b="b", share_a=0.9, share_b=0.9, origin="a",
                  passages=(Passage(0, len(a.text), 0, len(b.text), edits=(edit,)),))
    tones = {t.outlet: t for t in outlet_tones([a, b], [reuse])}
    assert "regime" in tones["Paper"].loaded_terms and "brutal" in tones["Paper"].loaded_terms
    assert tones["Paper"].tone < 0 <= tones["Wire"].tone
    assert tones["Wire"].loaded_terms == ()


def test_framing_collects_descriptors_per_outlet(settings, nlp):
    from newsprism.model import Mention

    a = _article("a", "Key regional ally Norland has sent troops to the border.", "Daily")
    b = _article("b", "The rogue regime of Norland sent more troops on Monday.", "Voice")
    ments = []
    for art in (a, b):
        s = art.text.index("Norland")
        ments.append(Mention(art.id, s, s + 7, "Norland", "GPE", "e1"))
    ent = Entity(id="e1", name="Norland", type="GPE", article_ids=("a", "b"),
                 mentions=tuple(ments))
    story = compare_story(_parsed(_ctx([a, b], entities=[ent]), nlp), settings)
    (frame,) = story.framing
    by_outlet = dict(frame.by_outlet)
    assert "Key regional ally" in by_outlet["Daily"]
    assert any("rogue regime" in t for t in by_outlet["Voice"])


def test_attribution_joins_spellings_the_resolver_left_apart():
    words = "Nobody will decide for us how much grain reaches our mills,"
    arts = {k: _article(k, f'"{words}" {who} said.') for k, who in
            (("a", "Irina Volkova"), ("b", "Yirina Volkowa"), ("c", "Piotr Haas"))}
    ents = {"e1": Entity(id="e1", name="Irina Volkova", type="PERSON"),
            "e2": Entity(id="e2", name="Yirina Volkowa", type="PERSON"),
            "e3": Entity(id="e3", name="Piotr Haas", type="PERSON")}
    quotes = [_quote(arts["a"], words, "Irina Volkova", "e1"),
              _quote(arts["b"], words, "Yirina Volkowa", "e2"),
              _quote(arts["c"], words, "Piotr Haas", "e3")]
    (conflict,) = attribution_conflicts(quotes, ents, {k: k for k in arts},
                                        {k: a.text for k, a in arts.items()})
    assert sorted(len(v.article_ids) for v in conflict.versions) == [1, 2]
    assert conflict.versions[0].article_ids == ("a", "b")


def test_article_naming_the_other_speaker_beside_the_quote_holds_no_side():
    words = "The border will stay closed until the spring thaw,"
    a = _article("a", f'"{words}" Piotr Haas said.')
    b = _article("b", f'"{words}" Mara Lind said, repeating what Piotr Haas told the press.')
    ents = {"e1": Entity(id="e1", name="Piotr Haas", type="PERSON"),
            "e2": Entity(id="e2", name="Mara Lind", type="PERSON")}
    quotes = [_quote(a, words, "Piotr Haas", "e1"), _quote(b, words, "Mara Lind", "e2")]
    texts = {"a": a.text, "b": b.text}
    assert attribution_conflicts(quotes, ents, {"a": "a", "b": "b"}, texts) == []
    assert len(attribution_conflicts(quotes, ents, {"a": "a", "b": "b"})) == 1


@pytest.mark.parametrize(("a", "b", "same"), [
    ("demonstrators", "protesters", True), ("troops", "soldiers", True),
    ("congresswoman", "woman", False), ("accord", "treaty", True),
])
def test_units_match_synonyms_and_broad_nouns(a, b, same):
    assert units_match(a, b) is same


def _dated(article: Article, phrase: str, day: str, grain: str, event: str | None):
    from newsprism.model import DateRef

    start = article.text.index(phrase)
    return DateRef(article.id, start, start + len(phrase), phrase, day, grain, event)


def test_event_date_conflict_and_modifiers_tell_events_apart():
    from newsprism.compare.conflicts import event_date_conflicts

    a = _article("a", "The two sides first opened talks on the border in 2016.")
    b = _article("b", "Talks, which began in 2018, were held in secret.")
    c = _article("c", "A separate trade agreement was signed in 2015. Talks opened in 2016.")
    claims = [
        _claim(a, a.text, dates=(_dated(a, "2016", "2016-01-01", "year", "talk start"),)),
        _claim(b, b.text, dates=(_dated(b, "2018", "2018-01-01", "year", "negotiation start"),)),
        _claim(c, c.text, dates=(
            _dated(c, "2015", "2015-01-01", "year", "trade_agreement sign"),
            _dated(c, "2016", "2016-01-01", "year", "talk start"))),
    ]
    (conflict,) = event_date_conflicts(claims, {"a": "a", "b": "b", "c": "a"})
    assert conflict.kind == "date" and "talk" in conflict.about
    versions = {v.value: v for v in conflict.versions}
    assert versions["2016"].article_ids == ("a", "c")
    assert versions["2016"].independent_sources == 1  # c copies a
    assert versions["2018"].article_ids == ("b",)
    # A day inside the year agrees with the year: no conflict.
    d = _article("d", "Talks opened on March 3, 2016.")
    same = [claims[0], _claim(d, d.text, dates=(
        _dated(d, "March 3, 2016", "2016-03-03", "day", "talk start"),))]
    assert event_date_conflicts(same, {"a": "a", "d": "d"}) == []


def test_round_figures_and_differently_dated_counts_are_no_conflict():
    a = _article("a", "Congress passed a $2 trillion relief plan for families and firms.")
    b = _article("b", "Congress passed a $1.9 trillion relief plan for families and firms.")
    claims = [
        _claim(a, a.text, quantities=(_qty(a, "2 trillion relief plan", 2e12, 2e12, "plan"),)),
        _claim(b, b.text, quantities=(_qty(b, "1.9 trillion relief plan", 1.9e12, 1.9e12,
                                           "plan"),)),
    ]
    assert quantity_conflicts(claims, {"a": "a", "b": "b"}) == []
    c = _article("c", "Jobless claims rose by 3.2 million new claims in the week to May 2.")
    d = _article("d", "Jobless claims rose by 6.9 million new claims in the week to March 28.")
    claims = [
        _claim(c, c.text, quantities=(_qty(c, "3.2 million new claims", 3.2e6, 3.2e6, "claim"),),
               dates=(_dated(c, "May 2", "2020-05-02", "day", None),)),
        _claim(d, d.text, quantities=(_qty(d, "6.9 million new claims", 6.9e6, 6.9e6, "claim"),),
               dates=(_dated(d, "March 28", "2020-03-28", "day", None),)),
    ]
    assert quantity_conflicts(claims, {"c": "c", "d": "d"}) == []


def test_framing_keeps_descriptors_with_their_owner(settings, nlp):
    from newsprism.model import Mention

    texts = {
        "a": "Norland, a close partner of the Union, signed. Farmers in Norland waited.",
        "b": "The Western-backed regime in Norland signed. The Union is a partner of Norland.",
    }
    arts = {k: _article(k, v, f"Outlet {k}") for k, v in texts.items()}
    ments = {"n": [], "u": []}
    for k, art in arts.items():
        for name, key in (("Norland", "n"), ("Union", "u")):
            start = 0
            while (i := art.text.find(name, start)) >= 0:
                ments[key].append(Mention(k, i, i + len(name), name, "GPE", key))
                start = i + 1
    ents = [Entity(id=k, name=n, type="GPE", article_ids=("a", "b"), mentions=tuple(ments[k]))
            for k, n in (("n", "Norland"), ("u", "Union"))]
    story = compare_story(_parsed(_ctx(list(arts.values()), entities=ents), nlp), settings)
    frames = {f.entity: dict(f.by_outlet) for f in story.framing}
    assert "close partner" in frames["n"]["Outlet a"]
    assert "close partner" not in frames["u"]["Outlet a"]  # it describes Norland
    assert "Western-backed regime" in frames["n"]["Outlet b"]  # loaded: kept with "in"
    assert "Farmers" not in frames["n"]["Outlet a"]  # a place, not a name for it
    assert "partner" in frames["u"]["Outlet b"]  # "The Union is a partner of ..."
    assert "partner" not in frames["n"]["Outlet b"]


def test_precise_figures_and_broad_nouns_need_the_same_statement():
    a = _article("a", "Health officials reported 514 patients with vaping illnesses across the US.")
    b = _article("b", "Investigators interviewed 86 patients with vaping illnesses in two states.")
    claims = [
        _claim(a, a.text, predicate="report",
               quantities=(Quantity("a", 25, 37, "514 patients", 514, 514, "patient", True),)),
        _claim(b, b.text, predicate="interview",
               quantities=(Quantity("b", 25, 36, "86 patients", 86, 86, "patient", True),)),
    ]
    assert quantity_conflicts(claims, {"a": "a", "b": "b"}) == []
    c = _article("c", "Police arrested 33 people after the protest over the police shooting.")
    d = _article("d", "Hundreds of people marched in protest over the police shooting downtown.")
    claims = [
        _claim(c, c.text, predicate="arrest",
               quantities=(_qty(c, "33 people", 33, 33, "people"),)),
        _claim(d, d.text, predicate="march",
               quantities=(_qty(d, "Hundreds of people", 200, 999, "people"),)),
    ]
    assert quantity_conflicts(claims, {"c": "c", "d": "d"}) == []
    # The same verb and the same scene: a real disagreement about a broad count.
    e = _article("e", "Dozens of people marched in protest over the police shooting downtown.")
    claims[0] = _claim(e, e.text, predicate="march",
                       quantities=(_qty(e, "Dozens of people", 24, 99, "people"),))
    (conflict,) = quantity_conflicts(claims, {"e": "e", "d": "d"})
    assert {v.value for v in conflict.versions} == {"Dozens of people", "Hundreds of people"}


def test_two_quotes_of_the_same_function_words_are_not_one_quote():
    """Two different short quotes built from the same small words ("we don't know" and "we
    don't want that") matched by word-set ratio and gave a false attribution dispute."""
    a = _article("a", 'He said: "We cannot say that it is fully safe, we do not know."')
    b = _article("b", '"Do not say that, we do not want that!" she replied.')
    quotes = [_quote(a, "We cannot say that it is fully safe, we do not know.", "Sam Rivers", "e1"),
              _quote(b, "Do not say that, we do not want that!", "Alex Stone", "e2")]
    people = {"e1": Entity(id="e1", name="Sam Rivers", type="PERSON"),
              "e2": Entity(id="e2", name="Alex Stone", type="PERSON")}
    assert attribution_conflicts(quotes, people, {"a": "a", "b": "b"}) == []


def _attributed(words: str, cues: dict[str, tuple[str, str, float | None]]):
    """Articles quoting `words`, each with (cue sentence, speaker, speaker confidence)."""
    arts = {k: _article(k, f'"{words}" {cue}') for k, (cue, _, _) in cues.items()}
    names = sorted({who for _, who, _ in cues.values()})
    ents = {f"e{i}": Entity(id=f"e{i}", name=n, type="PERSON") for i, n in enumerate(names)}
    ids = {e.name: k for k, e in ents.items()}
    quotes = [dataclasses.replace(_quote(arts[k], words, who, ids[who]), speaker_text=who,
                                  speaker_confidence=conf)
              for k, (_, who, conf) in cues.items()]
    return attribution_conflicts(quotes, ents, {k: k for k in arts},
                                 {k: a.text for k, a in arts.items()})


def test_a_weakly_resolved_speaker_holds_no_attribution_side():
    words = "Nothing in this budget should raise the deficit by a single dime,"
    sure = {"a": ("Tomas Reyes said.", "Tomas Reyes", 1.0),
            "b": ("he said in his prepared remarks.", "Ilse Brandt", 0.95)}
    assert len(_attributed(words, sure)) == 1
    weak = {"a": sure["a"], "b": ("he said in his prepared remarks.", "Ilse Brandt", 0.6)}
    assert _attributed(words, weak) == []


def test_speakers_sharing_a_name_word_make_no_attribution_conflict():
    # The entity stage ran a name on into the next word ("Reyes's State"): one person.
    words = "It does not make sense, and that is why I will veto any new bill,"
    cues = {"a": ("he said.", "Tomas Reyes", 1.0),
            "b": ("the president said.", "Reyes\u2019s State", 0.9)}
    assert _attributed(words, cues) == []


def test_a_speaker_whose_first_name_is_in_the_quote_holds_no_side():
    # "... heartbroken for Tomas" is not said by Tomas, even when a headline beside it names him.
    words = "All we can say is that we are heartbroken. I am heartbroken for Tomas,"
    cues = {"a": ("Tomas Reyes: the host spoke on air.", "Tomas Reyes", 1.0),
            "b": ("Ilse Brandt said on air.", "Ilse Brandt", 1.0)}
    assert _attributed(words, cues) == []
    # Their surname alone may be their own ("the Reyes family"), and holds a side.
    words = "All we can say is that the Reyes family is heartbroken tonight,"
    assert len(_attributed(words, cues)) == 1


def test_two_speakers_quoting_one_document_make_no_attribution_conflict():
    """A short quote of a law's words matched the part of a longer quote that itself quotes
    that law (in inner quote marks): two people citing one text, not one quote disputed."""
    law = "theft, fraud, or other grave offences against the public purse."
    a = _article("a", f"Judge Ilse Brandt read the statute aloud: \u201c{law}\u201d")
    long = ("The word never appears in the charge sheet that began the whole inquiry. It is "
            f"not in the statute, which lists as grounds \u2018{law}\u2019 Nor is it in the "
            "commentaries, where the drafters explained what those offences might be.")
    b = _article("b", f"\u201c{long}\u201d \u2014 Tomas Reyes, columnist")
    quotes = [_quote(a, law, "Ilse Brandt", "e1"), _quote(b, long, "Tomas Reyes", "e2")]
    people = {"e1": Entity(id="e1", name="Ilse Brandt", type="PERSON"),
              "e2": Entity(id="e2", name="Tomas Reyes", type="PERSON")}
    texts = {"a": a.text, "b": b.text}
    assert attribution_conflicts(quotes, people, {"a": "a", "b": "b"}, texts) == []
    # The same long quote with the law's words as its own still matches the short one.
    own = long.replace(f"\u2018{law}\u2019", law)
    c = _article("c", f"\u201c{own}\u201d \u2014 Tomas Reyes, columnist")
    quotes[1] = _quote(c, own, "Tomas Reyes", "e2")
    assert len(attribution_conflicts(quotes, people, {"a": "a", "c": "c"},
                                     {"a": a.text, "c": c.text})) == 1


def _with_sentences(ctx: StoryContext) -> StoryContext:
    """The context with each article's sentences (split after ". "), as the extract stage
    gives them: the consensus check reads where an article's lead ends."""
    facts = []
    for a, f in zip(ctx.articles, ctx.facts, strict=True):
        bounds, start = [], 0
        for part in a.text.split(". "):
            end = min(len(a.text), start + len(part) + 1)
            bounds.append(Sentence(a.id, start, end))
            start = end + 1
        facts.append(dataclasses.replace(f, sentences=tuple(bounds)))
    return dataclasses.replace(ctx, facts=tuple(facts))


def test_consensus_counts_only_members_saying_what_the_item_says(settings):
    """Stop 43, real text: "The Pain-Capable ... Act cleared its first hurdle" and "The
    Pain-Capable ... Act is not based on accepted science" were a consensus of two sources
    (the act's long name made them one group). In the body of two articles, sentences that
    share only names, or whose figures differ, are no agreement; two leads grouped as one
    fact are (each outlet opens on the event in its own words)."""
    lead1 = "Lawmakers met in Kelby on Monday to debate harbour fees."
    lead2 = "The harbour fee debate opened in the Kelby assembly this week."
    said = "The Harbour Toll Relief Act cleared its first vote on Tuesday in the lower chamber."
    other = "The Harbour Toll Relief Act is not based on any traffic study."
    x1, x2 = _article("x1", f"{lead1} Some text here. {said}"), \
        _article("x2", f"{lead2} More text here. {other}")
    claims = [_claim(x1, said, predicate="clear", subject_entity="e-act"),
              _claim(x2, other, predicate="be", subject_entity="e-act")]
    story = compare_story(_with_sentences(_ctx([x1, x2], claims)), settings)
    assert story.consensus == ()
    # The same two sentences as the articles' leads: one fact, each in its own words.
    y1, y2 = _article("y1", f"{said} {lead1}"), _article("y2", f"{other} {lead2}")
    leads = [_claim(y1, said, predicate="clear", subject_entity="e-act"),
             _claim(y2, other, predicate="be", subject_entity="e-act")]
    story = compare_story(_with_sentences(_ctx([y1, y2], leads)), settings)
    assert [c.article_ids for c in story.consensus] == [("y1", "y2")]
    # Figures: the same words, other numbers, in the body.
    n1 = "The storm destroyed 1,200 homes along the coast, officials said."
    n2 = "The storm destroyed 800 homes along the coast, officials said."
    z1, z2 = _article("z1", f"{lead1} Some text here. {n1}"), \
        _article("z2", f"{lead2} More text here. {n2}")
    figs = [_claim(z1, n1, predicate="destroy"), _claim(z2, n2, predicate="destroy")]
    assert compare_story(_with_sentences(_ctx([z1, z2], figs)), settings).consensus == ()
    same = _article("z3", f"{lead2} More text here. {n1}")
    both = [figs[0], _claim(same, n1, predicate="destroy")]
    agreed = compare_story(_with_sentences(_ctx([z1, same], both)), settings)
    assert [c.article_ids for c in agreed.consensus] == [("z1", "z3")]


def test_an_undated_lead_agrees_with_another_lead_only_in_its_words(settings):
    """Stop 60, real text: "Trump has cancelled a summit with Kim Jong-un" stood as agreed by
    the lead of an undated piece on a student's family rebuking Trump's praise of Kim: a
    story with undated members may join a topic's events, so an undated lead confirms
    another lead only when the two say the same thing (dated leads, as before, by being
    leads: the test above)."""
    said = "The Harbour Toll Relief Act cleared its first vote on Tuesday in the lower chamber."
    other = "The Harbour Toll Relief Act is not based on any traffic study."
    lead1 = "Lawmakers met in Kelby on Monday to debate harbour fees."
    lead2 = "The harbour fee debate opened in the Kelby assembly this week."
    y1, y2 = _article("y1", f"{said} {lead1}"), _article("y2", f"{other} {lead2}")
    y2 = dataclasses.replace(y2, published=None)
    leads = [_claim(y1, said, predicate="clear", subject_entity="e-act"),
             _claim(y2, other, predicate="be", subject_entity="e-act")]
    assert compare_story(_with_sentences(_ctx([y1, y2], leads)), settings).consensus == ()
    # (guard) the same words still agree where they say the same thing
    same = _article("y3", f"{said} {lead2}")
    same = dataclasses.replace(same, published=None)
    both = [leads[0], _claim(same, said, predicate="clear", subject_entity="e-act")]
    agreed = compare_story(_with_sentences(_ctx([y1, same], both)), settings)
    assert [c.article_ids for c in agreed.consensus] == [("y1", "y3")]


def test_an_undated_lead_agrees_with_a_whole_quote_only_on_a_run_of_its_words(settings):
    """Stop 62, real text: Fox's lead "The Supreme Court will decide whether the 2020 census
    can include a question about citizenship ..." stood as agreed by the second sentence of
    an undated newsletter, a columnist's quote on a later turn of the case ("... makes it
    hard to see the Trump administration's efforts to include a citizenship question on the
    2020 census as anything but a partisan power grab"). Undated, the two leads must agree
    in their words: a whole quote shares a run of words with what it confirms. Dated leads
    still agree by being leads."""
    said = ("The Appeals Court will decide whether the 2030 survey can ask about residency, "
            "ensuring a quick review of a ruling that blocked the port board.")
    quoted = ("“New papers before the Appeals Court make it hard to see the port board's push "
              "to ask about residency in the 2030 survey as anything but a power grab…")
    y1 = _article("y1", f"{said} Lawmakers met in Kelby on Monday.")
    y2 = _article("y2", f"Our columnists on the survey. {quoted}")
    claims = [_claim(y1, said, predicate="decide"),
              _claim(y2, quoted, predicate="make")]
    undated = dataclasses.replace(y2, published=None)
    assert compare_story(_with_sentences(_ctx([y1, undated], claims)), settings).consensus == ()
    agreed = compare_story(_with_sentences(_ctx([y1, y2], claims)), settings)
    assert [c.article_ids for c in agreed.consensus] == [("y1", "y2")]


@pytest.mark.parametrize(("stem_", "expected"), [
    ("strike", "strikes"), ("child", "children"), ("casualty", "casualties"),
    ("day", "days"), ("bus", "buses"), ("migrant worker", "migrant workers"),
    ("person", "people"), ("life", "lives"), ("chief", "chiefs")])
def test_a_count_conflict_is_about_the_counted_noun_s_plural(stem_, expected):
    """Stop 43, real text: "how many childs" (the stem and an "s"); stop 44: "how many
    lifes"."""
    from newsprism.compare.match import plural
    assert plural(stem_) == expected


def test_framing_leaves_out_words_that_frame_nothing(settings):
    """Stop 43, real text: "Mr.", "Ms.", "Dr.", "Sens", "D", "R-Iowa" were descriptors of
    people, "Reuters" (from a dateline) of Texas, a page's markup of a president. A title or a
    party that says something of the person stays ("Iowa Republican", "embattled Sen.")."""
    from newsprism.compare.framing import framing, worth_showing
    from newsprism.model import Mention

    others = frozenset({"harbour wire", "norland"})
    for junk in ("Mr.", "Ms", "Dr.", "Sens", "D", "R-Iowa", "(D-Calif.)", "Harbour Wire",
                 'video.example.com">http://video.example.com President'):
        assert not worth_showing(junk, others), junk
    for kept in ("Iowa Republican", "embattled Sen.", "Republican", "former Agriculture "
                 "Secretary", "the rogue regime of"):
        assert worth_showing(kept, others), kept
    a = _article("a", "Mr. Dale Olsen met voters on Monday.", "Daily")
    b = _article("b", "Embattled Sen. Dale Olsen met voters on Monday.", "Voice")
    ments = [Mention("a", 4, 14, "Dale Olsen", "PERSON", "e1", title="Mr."),
             Mention("b", 16, 26, "Dale Olsen", "PERSON", "e1", title="Embattled Sen.")]
    ent = Entity(id="e1", name="Dale Olsen", type="PERSON", article_ids=("a", "b"),
                 mentions=tuple(ments))
    (frame,) = framing([ent], [a, b], ())
    assert dict(frame.by_outlet) == {"Daily": ("Dale Olsen",),
                                     "Voice": ("Dale Olsen", "Embattled Sen.")}


def test_a_conflict_between_one_outlet_s_own_articles_is_at_most_possible(settings):
    """Stop 44, real text: two BBC pieces of one story, three weeks apart and undated in the
    feed, gave "25,239 deaths" and "more than 70,000 related deaths": the outlet's own later
    toll, not outlets disagreeing. The same two figures from two outlets stay confident."""
    s1 = "The navy has launched hundreds of strikes on rebel ports since the war began."
    s2 = "The navy has carried out dozens of airstrikes on rebel ports in recent years."

    def story_of(outlet_b: str):
        a = _article("a", s1, outlet="Harbour Wire")
        b = _article("b", s2, outlet=outlet_b)
        claims = [_claim(a, s1, quantities=(_qty(a, "hundreds of strikes", 200, 999,
                                                   "strike"),)),
                  _claim(b, s2, quantities=(_qty(b, "dozens of airstrikes", 24, 99,
                                                   "airstrike"),))]
        return compare_story(_ctx([a, b], claims), settings)

    (across,) = [c for c in story_of("Kelby Post").conflicts if c.kind == "quantity"]
    (own,) = [c for c in story_of("Harbour Wire").conflicts if c.kind == "quantity"]
    assert own.confidence < across.confidence
    assert own.status == "possible" and "one outlet's own articles" in own.why
    assert "one outlet" not in across.why


def test_a_lead_sentence_is_no_outlets_exclusive(settings):
    """Stop 55, real summaries: "According only to NPR, President Trump signed an executive
    order on Tuesday ..." while the Guardian's lead told the same signing in its own words.
    A lead tells the story's event; a later sentence that no other outlet carries stays."""
    import dataclasses

    from newsprism.model import Sentence

    lead_a = "Mayor Anna Holt signed the river order on Tuesday, her aides said."
    lead_b = "Holt put her name to a measure on the river barrier Tuesday afternoon."
    second = "A small crowd watched."  # the lead is two sentences (agreement.LEAD_SENTENCES)
    later = "The barrier will cost 40 million dollars over ten years."
    a = _article("a", lead_a)
    b = _article("b", f"{lead_b} {second} {later}")
    claims = [_claim(a, lead_a, predicate="sign", attributed_to="aides"),
              _claim(b, lead_b, predicate="put", subject_entity="e1"),
              _claim(b, later, predicate="cost", subject_entity="e2")]
    ctx = _ctx([a, b], claims)
    sentences = {"a": (Sentence("a", 0, len(lead_a)),),
                 "b": (Sentence("b", 0, len(lead_b)),
                       Sentence("b", len(lead_b) + 1, len(lead_b) + 1 + len(second)),
                       Sentence("b", b.text.index(later), len(b.text)))}
    ctx = dataclasses.replace(ctx, facts=tuple(dataclasses.replace(
        f, sentences=sentences[f.article_id]) for f in ctx.facts))
    story = compare_story(ctx, settings)
    found = {(e.article_id, e.text) for e in story.exclusives if e.kind == "exclusive"}
    assert ("a", lead_a) not in found and ("b", lead_b) not in found
    assert ("b", later) in found


def test_a_copied_passage_is_one_source_for_its_items(settings):
    """Stop 55, real text: the Washington Times reprinted five paragraphs of a Fox News report
    (29% of its words: under the share that makes the two one source) and each reprinted
    sentence was a consensus of "2 sources". A sentence copied is one source; the same fact
    in each outlet's own words outside the passage is two."""
    copied = "The draft plan contains ten initiatives on border security and officer pay."
    own_a = "The central bank raised its main interest rate to five percent on Thursday."
    own_b = "On Thursday the central bank raised its main interest rate to five percent."
    a = _article("a", f"{copied} {own_a}", outlet="Coast Wire")
    b = _article("b", f"{own_b} Filler words here. {copied}", outlet="Harbour Post")
    pb = b.text.index(copied)
    reuse = Reuse(a="a", b="b", share_a=0.29, share_b=0.2, origin="a",
                  passages=(Passage(0, len(copied), pb, pb + len(copied)),))
    claims = [_claim(a, copied, predicate="contain"), _claim(b, copied, predicate="contain"),
              _claim(a, own_a, predicate="raise"), _claim(b, own_b, predicate="raise")]
    story = compare_story(_ctx([a, b], claims, reuse=[reuse]), settings)
    assert [c.text for c in story.consensus] in ([own_a], [own_b])
    assert story.consensus[0].independent_sources == 2
