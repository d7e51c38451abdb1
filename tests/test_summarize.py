"""The summary stage over hand-built story contexts (the earlier stages' output typed by hand)."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from newsprism.model import (
    Article,
    ArticleFacts,
    Conflict,
    ConflictVersion,
    Consensus,
    DateRef,
    Entity,
    Exclusive,
    Framing,
    OutletTone,
    Passage,
    Reuse,
    Sentence,
    Span,
    Story,
    StoryContext,
)
from newsprism.settings import Settings
from newsprism.summarize.neutral import Neutralizer, builtin_lexicon, quoted_regions
from newsprism.summarize.select import split_sentences
from newsprism.summarize.story import summarize_story

# A fictional story: three outlets on a flood, with one disputed number and one loaded word.
TEXTS = {
    "a1": ("Harbor Post", "2031-05-14",
           "The river flooded the town of Kelby on Tuesday, forcing 300 residents to leave. "
           "The Kelby regime was slow to send help, residents said. "
           "Hundreds of houses were damaged by the water. "
           "Mayor Ana Vale said the dam would be inspected on May 20."),
    "a2": ("Valley Times", "2031-05-14",
           "A river flood hit Kelby on Tuesday and forced 300 residents to leave their homes. "
           "Dozens of houses were damaged, according to the fire service. "
           "Mayor Ana Vale said the dam would be inspected on May 20. "
           "Volunteers brought food to the school gym."),
    "a3": ("North Wire", "2031-05-15",
           "The town of Kelby was flooded on Tuesday when the river rose, and 300 residents left. "
           "Town officials asked for help from the province. "
           "The council will meet on Friday to discuss repairs to the dam."),
}


def _span_of(article: Article, phrase: str) -> Span:
    start = article.text.index(phrase)
    return Span(article.id, start, start + len(phrase))


def make_articles(texts=TEXTS) -> tuple[Article, ...]:
    return tuple(Article(id=k, source=f"{k}.txt", text=t, outlet=o, published=p)
                 for k, (o, p, t) in texts.items())


def make_facts(articles, dates=()) -> tuple[ArticleFacts, ...]:
    out = []
    for a in articles:
        sents = tuple(Sentence(a.id, s, e) for s, e in split_sentences(a.text))
        refs = tuple(d for d in dates if d.article_id == a.id)
        out.append(ArticleFacts(article_id=a.id, sentences=sents, dates=refs))
    return tuple(out)


def _date(article: Article, phrase: str, day: str) -> DateRef:
    s = article.text.index(phrase)
    return DateRef(article.id, s, s + len(phrase), phrase, day)


def full_context() -> StoryContext:
    arts = make_articles()
    a1, a2, a3 = arts
    dates = (_date(a1, "on Tuesday", "2031-05-13"), _date(a2, "on Tuesday", "2031-05-13"),
             _date(a3, "on Tuesday", "2031-05-13"), _date(a1, "on May 20", "2031-05-20"),
             _date(a2, "on May 20", "2031-05-20"), _date(a3, "on Friday", "2031-05-16"))
    kelby = Entity("e-kelby", "Kelby", "GPE", aliases=("Kelby town",), article_ids=("a1", "a2",
                                                                                   "a3"))
    council = _span_of(a3, "The council will meet on Friday to discuss repairs to the dam.")
    story = Story(
        id="s1", title="Flood in Kelby", article_ids=("a1", "a2", "a3"), entities=(kelby,),
        consensus=(Consensus("300 residents left Kelby", ("a1", "a2", "a3"), 3, spans=(
            _span_of(a1, "forcing 300 residents"), _span_of(a2, "forced 300 residents"),
            _span_of(a3, "300 residents left"))),),
        conflicts=(Conflict("quantity", "damaged houses", (
            ConflictVersion("hundreds of houses", ("a1",), (_span_of(a1, "Hundreds of houses"),)),
            ConflictVersion("dozens of houses", ("a2",), (_span_of(a2, "Dozens of houses"),)))),),
        exclusives=(Exclusive(a3.text[council.start:council.end], "a3", council.start,
                              council.end),),
        framing=(Framing("e-kelby", (("Harbor Post", ("the Kelby regime",)),
                                      ("Valley Times", ("Kelby",)))),),
        tones=(OutletTone("Harbor Post", -0.4, ("regime",)),),
    )
    return StoryContext(story, arts, make_facts(arts, dates))


def test_consensus_first_conflict_names_both_sides_and_exclusive_last() -> None:
    story = summarize_story(full_context(), Settings())
    roles = [s.role for s in story.summary]
    assert roles[0] == "consensus"
    assert "300 residents" in story.summary[0].text
    assert roles.index("conflict") > max(i for i, r in enumerate(roles) if r == "consensus")
    conflict = next(s for s in story.summary if s.role == "conflict")
    assert "Harbor Post" in conflict.text and "Valley Times" in conflict.text
    assert "hundreds of houses" in conflict.text and "dozens of houses" in conflict.text
    assert set(conflict.article_ids) == {"a1", "a2"}
    assert roles[-1] == "exclusive"
    assert "North Wire" in story.summary[-1].text


def test_disputed_values_are_not_stated_as_fact_elsewhere() -> None:
    story = summarize_story(full_context(), Settings())
    for s in story.summary:
        if s.role != "conflict":
            assert "ozens of houses" not in s.text and "undreds of houses" not in s.text


def test_loaded_terms_only_inside_quotes() -> None:
    ctx = full_context()
    story = summarize_story(ctx, Settings(summary_sentences=8))
    neutral = Neutralizer(ctx.story)
    for s in list(story.summary) + list(story.timeline):
        assert neutral.loaded_in(s.text) == [], s.text
        assert not re.search(r"\bregime\b", _outside_quotes(s.text)), s.text


def _outside_quotes(text: str) -> str:
    out, pos = [], 0
    for s, e in quoted_regions(text):
        out.append(text[pos:s])
        pos = e
    return "".join(out) + text[pos:]


def test_framing_term_becomes_canonical_name() -> None:
    ctx = full_context()
    neutral = Neutralizer(ctx.story)
    assert neutral.rewrite("The Kelby regime was slow.").text == "Kelby was slow."


@pytest.mark.parametrize(("text", "expected"), [
    ("Officials slammed the plan.", "Officials criticized the plan."),
    ("It was a shocking decision.", "It was a decision."),
    ("An outrageous move followed.", "A move followed."),
    ("He said the “shocking” result stood.", "He said the “shocking” result stood."),
    ("She claimed that taxes rose.", "She said that taxes rose."),
    ("They claimed responsibility.", "They claimed responsibility."),
    ("In a swift and stunning rout, they won.", "In a swift rout, they won."),
    ("A long, brutal war ended.", "A long war ended."),
    ("Prices have soared.", "Prices have increased."),
    # A term whose plain word is what it is "of" goes with its "of" (stop 55, real text:
    # "is facing a criticism of criticism").
    ("The mayor is facing a firestorm of criticism.", "The mayor is facing criticism."),
    ("The firestorm of protest grew.", "The criticism of protest grew."),
    # A loaded word that is part of a name is the name ("bash" has a plain form).
    ("Host Jeremy Bash refuted the reports.", "Host Jeremy Bash refuted the reports."),
])
def test_builtin_plain_wording(text: str, expected: str) -> None:
    story = Story(id="s", title="t", article_ids=())
    assert Neutralizer(story).rewrite(text).text == expected


def test_loaded_term_without_plain_form_is_quoted_and_attributed() -> None:
    arts = make_articles({"b1": ("Blue Ledger", "2031-01-01",
                                 "The mayor gave a tearjerker speech at the town hall meeting. "
                                 "The budget vote was delayed until next month by the council.")})
    story = Story(id="s", title="t", article_ids=("b1",),
                  tones=(OutletTone("Blue Ledger", -0.2, ("tearjerker",)),))
    out = summarize_story(StoryContext(story, arts, make_facts(arts)), Settings())
    speech = next(s for s in out.summary if "speech" in s.text)
    assert "“tearjerker”" in speech.text
    assert speech.text.startswith("According to Blue Ledger,")


def test_timeline_sorted_resolved_and_merged_across_outlets() -> None:
    story = summarize_story(full_context(), Settings())
    days = [t.date for t in story.timeline]
    assert days == sorted(days)
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in days)
    flood = [t for t in story.timeline if t.date == "2031-05-13"]
    assert len(flood) == 1 and set(flood[0].article_ids) == {"a1", "a2", "a3"}
    inspection = [t for t in story.timeline if t.date == "2031-05-20"]
    assert len(inspection) == 1 and set(inspection[0].article_ids) == {"a1", "a2"}
    for t in story.timeline:
        for span in t.spans:
            assert span.article_id in t.article_ids


def test_extractive_fallback_prefers_content_several_sources_carry() -> None:
    arts = make_articles()
    story = Story(id="s", title="t", article_ids=("a1", "a2", "a3"))
    out = summarize_story(StoryContext(story, arts, make_facts(arts)), Settings(
        summary_sentences=2))
    assert len(out.summary) == 2
    assert len(out.summary[0].article_ids) >= 2
    assert out.summary[0].role == "consensus"


def test_wire_copies_count_once() -> None:
    wire = "The bridge over the Sarn river closed on Monday after engineers found cracks."
    texts = {"w1": ("Paper One", "2031-02-02", wire + " Traffic was diverted to the ring road."),
             "w2": ("Paper Two", "2031-02-02", wire + " Schools stayed open all week long."),
             "w3": ("Paper Three", "2031-02-02",
                    "Engineers found cracks, so the Sarn river bridge closed on Monday. "
                    "Drivers were told to use the ring road while it is repaired.")}
    arts = make_articles(texts)
    n = len(wire)
    reuse = (Reuse("w1", "w2", 0.6, 0.6, "w1", (Passage(0, n, 0, n),)),)
    ctx = StoryContext(Story(id="s", title="t", article_ids=tuple(texts)), arts, make_facts(arts),
                       reuse)
    from newsprism.summarize.select import candidates, score_candidates
    cands = candidates(ctx)
    score_candidates(ctx, cands)
    first = next(c for c in cands if c.article_id == "w1" and c.position == 0)
    assert set(first.supporters) >= {"w1", "w2"}
    assert first.support == len(set(first.supporters)) - 1


def test_a_sentence_with_no_statement_in_it_is_no_candidate() -> None:
    """Real text (stop 48): the parser cut "Among the news organizations cited:" off its list,
    and "According to USA Today, CNN, The New York Times, ... and Time Magazine." was a summary
    sentence. A sentence no claim overlaps has no verb; an article whose facts hold no claims
    (not parsed) keeps every sentence."""
    from newsprism.model import Claim
    from newsprism.summarize.select import candidates

    text = ("The Sarn river bridge closed on Monday after engineers found cracks. Among the "
            "towns cut off: Kelby, Dalby, Sarn Quay and the Mill Lane estate. "
            "Drivers were told to use the ring road while it is repaired.")
    arts = make_articles({"a": ("Paper One", "2031-02-02", text)})
    stated = [text.split(". ")[0] + ".", "Among the towns cut off:",
              "Drivers were told to use the ring road while it is repaired."]
    claims = tuple(Claim(id=str(i), article_id="a", start=text.index(c),
                         end=text.index(c) + len(c), text=c) for i, c in enumerate(stated))
    sents = tuple(Sentence("a", text.index(c), text.index(c) + len(c)) for c in
                  [stated[0], stated[1], "Kelby, Dalby, Sarn Quay and the Mill Lane estate.",
                   stated[2]])
    story = Story(id="s", title="t", article_ids=("a",))
    facts = (ArticleFacts(article_id="a", sentences=sents, claims=claims),)
    kept = [c.text for c in candidates(StoryContext(story, arts, facts))]
    assert not any("Mill Lane" in t for t in kept), kept
    assert any("bridge closed" in t for t in kept) and any("Drivers" in t for t in kept)
    unparsed = (ArticleFacts(article_id="a", sentences=sents),)
    assert any("Mill Lane" in c.text for c in candidates(StoryContext(story, arts, unparsed)))


def test_empty_story_gives_empty_summary() -> None:
    story = Story(id="s", title="t", article_ids=())
    out = summarize_story(StoryContext(story, (), ()), Settings())
    assert out.summary == () and out.timeline == ()


# --- invariants over generated contexts ----------------------------------------------------

_WORDS = st.sampled_from("river town council bridge mayor flood storm vote school road dam "
                         "residents police report hundreds dozens officials Monday help plan "
                         "slammed regime shocking new old said".split())
_SENTENCE = st.lists(_WORDS, min_size=5, max_size=14).map(
    lambda ws: " ".join(ws).capitalize() + ".")


@st.composite
def contexts(draw) -> StoryContext:
    n = draw(st.integers(1, 4))
    texts = {f"x{i}": (draw(st.sampled_from(["Outlet A", "Outlet B", "Outlet C", "Outlet D"])),
                       "2031-03-03", " ".join(draw(st.lists(_SENTENCE, min_size=1, max_size=6))))
             for i in range(n)}
    arts = make_articles(texts)
    ids = [a.id for a in arts]
    facts = make_facts(arts)
    spans = st.builds(lambda a: Span(a.id, 0, min(20, len(a.text))), st.sampled_from(arts))
    id_sets = st.lists(st.sampled_from(ids), min_size=1, max_size=n, unique=True).map(tuple)
    consensus = draw(st.lists(st.builds(Consensus, _SENTENCE, id_sets, st.integers(1, n),
                                        st.lists(spans, max_size=2).map(tuple)), max_size=3))
    conflicts = draw(st.lists(st.builds(
        lambda about, v: Conflict("quantity", about, tuple(v)), _WORDS,
        st.lists(st.builds(ConflictVersion, _WORDS, id_sets), min_size=2, max_size=3)),
        max_size=2))
    exclusives = draw(st.lists(st.builds(Exclusive, _SENTENCE, st.sampled_from(ids)),
                               max_size=2))
    # Loaded terms come from the outlets' words; the summary's own template words ("report",
    # "according") are never an outlet's loaded term.
    loaded = _WORDS.filter(lambda w: w not in ("report", "said"))
    tones = draw(st.lists(st.builds(OutletTone, st.just("Outlet A"), st.just(-0.5),
                                    st.lists(loaded, max_size=2).map(tuple)), max_size=1))
    story = Story(id="g", title="g", article_ids=tuple(ids), consensus=tuple(consensus),
                  conflicts=tuple(conflicts), exclusives=tuple(exclusives), tones=tuple(tones))
    return StoryContext(story, arts, facts)


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(contexts(), st.integers(1, 9))
def test_invariants(ctx: StoryContext, budget: int) -> None:
    out = summarize_story(ctx, Settings(summary_sentences=budget))
    ids = set(ctx.story.article_ids)
    assert len(out.summary) <= budget
    # A loaded term outside quote marks only where the story's articles share it (most of
    # them write it: how the story is told, stated as written; issue 24 round 4).
    neutral = Neutralizer(ctx.story, texts=[a.text for a in ctx.articles])
    for s in out.summary:
        assert s.article_ids and set(s.article_ids) <= ids
        assert all(sp.article_id in ids for sp in s.spans)
        assert [t for t in neutral.loaded_in(s.text) if not neutral.shared(t)] == [], s.text
    roles = [s.role for s in out.summary]
    assert roles == sorted(roles, key=["consensus", "context", "conflict", "exclusive"].index)
    assert [t.date for t in out.timeline] == sorted(t.date for t in out.timeline)
    for t in out.timeline:
        assert t.article_ids and set(t.article_ids) <= ids


def test_consensus_holding_disputed_evidence_is_left_to_the_conflict_sentence() -> None:
    ctx = full_context()
    a1, a2 = ctx.articles[0], ctx.articles[1]
    # Compare says two outlets agree on the damage sentence, but its numbers are disputed.
    agreed = Consensus("houses were damaged", ("a1", "a2"), 2, spans=(
        _span_of(a1, "Hundreds of houses were damaged"), _span_of(a2, "Dozens of houses")))
    story = dataclasses.replace(ctx.story, consensus=ctx.story.consensus + (agreed,))
    out = summarize_story(dataclasses.replace(ctx, story=story), Settings(summary_sentences=8))
    plain = [s.text for s in out.summary if s.role != "conflict"]
    assert not any("houses were damaged" in t for t in plain), plain
    assert any(s.role == "conflict" for s in out.summary)


def test_word_cap_skips_long_sentences_for_shorter_ones() -> None:
    arts = make_articles()
    ctx = StoryContext(Story(id="s", title="t", article_ids=("a1", "a2", "a3")), arts,
                       make_facts(arts))
    from newsprism.summarize.story import build_summary
    capped = build_summary(ctx, 4, max_words=30)
    assert capped and sum(len(s.text.split()) for s in capped) <= 30 + max(
        len(s.text.split()) for s in capped[:1])
    assert len(build_summary(ctx, 4)) >= len(capped)


def test_framing_term_before_the_name_is_dropped_not_doubled() -> None:
    ghani = Entity("e1", "Lena Varga", "PERSON", aliases=("Varga",))
    story = Story(id="s", title="t", article_ids=(), entities=(ghani,), framing=(
        Framing("e1", (("Outlet A", ("the puppet president",)),)),),
        tones=(OutletTone("Outlet A", -0.5, ("puppet",)),))
    n = Neutralizer(story)
    assert n.rewrite("The puppet president Lena Varga left.").text == "Lena Varga left."
    assert n.rewrite("Then puppet president Varga left.").text == "Then Varga left."
    assert n.rewrite("Later the puppet president left.").text == "Later Lena Varga left."


@pytest.mark.parametrize("text", [
    "Who has the most campaign cash on hand?",
    "Keep up with the field with our candidate tracker.",
    "Note their silence about the mayor’s plans for the dam.",
    "We asked the mayor about the plan on Monday.",
    'We are ready to talk," the spokesman told the channel.',
    # stop 56, a real summary sentence: the writer's feeling as a sentence adverb
    "Sadly, the council has no plan for the dam.",
    "The council, unfortunately, has no plan for the dam.",
])
def test_outlet_voice_and_questions_are_not_candidates(text: str) -> None:
    from newsprism.summarize.select import own_voice
    assert own_voice(text)


def test_quoted_first_person_is_a_candidate() -> None:
    from newsprism.summarize.select import own_voice
    assert not own_voice('"We are ready to talk," the spokesman told the channel on Sunday.')
    # (guard) the feeling inside someone's quoted words, or a manner adverb, is no writer's voice
    assert not own_voice('"Sadly, we lost the vote," the mayor said on Sunday.')
    assert not own_voice("The council members sadly watched the dam fail on Monday.")
    assert not own_voice("The dam broke near the mill where, fortunately, nobody was hurt.")


def test_asides_are_dropped_from_summary_sentences() -> None:
    from newsprism.summarize.neutral import compress
    # A dateline's dash opens no aside: the sentence after it stays whole.
    assert compress("LISBON — The harbour chief sketched a bleak picture on Tuesday — and "
                    "warned of delays.") == "LISBON — The harbour chief sketched a bleak " \
        "picture on Tuesday — and warned of delays."
    assert compress("NEW YORK (AP) — The vote — held late — passed.") == \
        "NEW YORK (AP) — The vote passed."
    assert compress("The plan — approved in haste — passed (narrowly) on Monday.") == \
        "The plan passed on Monday."
    quoted = 'He said "it — the plan — works" today.'
    assert compress(quoted) == quoted


def test_date_and_actor_conflicts_read_as_sentences() -> None:
    ctx = full_context()
    a1, a2, a3 = ctx.articles
    date = Conflict("date", "when the dam was inspected", (
        ConflictVersion("2031-05-20", ("a1",), (_span_of(a1, "on May 20"),)),
        ConflictVersion("2031-05-16", ("a3",), (_span_of(a3, "on Friday"),))))
    actor = Conflict("other", "who said the dam would be inspected", (
        ConflictVersion("Ana Vale", ("a1", "a2"), (_span_of(a1, "Mayor Ana Vale said"),
                                                   _span_of(a2, "Mayor Ana Vale said"))),
        ConflictVersion("the council", ("a3",), (_span_of(a3, "The council will meet"),))))
    story = dataclasses.replace(ctx.story, conflicts=(date, actor))
    out = summarize_story(dataclasses.replace(ctx, story=story), Settings(summary_sentences=6))
    texts = [s.text for s in out.summary if s.role == "conflict"]
    # The calendar date is a normalised form of "on Friday" in an article of May 15.
    assert ("Accounts differ on when the dam was inspected: North Wire gives the date as "
            "May 16, 2031; Harbor Post gives the date as May 20, 2031.") in texts
    assert ("Accounts differ on who said the dam would be inspected: Harbor Post and "
            "Valley Times name Ana Vale; North Wire names the council.") in texts


def test_dispute_naming_someone_no_source_names_is_left_out() -> None:
    ctx = full_context()
    a1, a2, _ = ctx.articles
    actor = Conflict("other", "who said the dam would be inspected", (
        ConflictVersion("Ana Vale", ("a1",), (_span_of(a1, "Mayor Ana Vale said"),)),
        ConflictVersion("Piet Dorn", ("a2",), (_span_of(a2, "Mayor Ana Vale said"),))))
    story = dataclasses.replace(ctx.story, conflicts=(actor,))
    out = summarize_story(dataclasses.replace(ctx, story=story), Settings(summary_sentences=6))
    assert not any("Piet Dorn" in s.text for s in out.summary)


_LEXICON_WORDS = sorted({w for k in builtin_lexicon() for w in re.split(r"[\W_]+", k) if w})


@hsettings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(_LEXICON_WORDS),
                          st.sampled_from(["the", "Regime", "so", "SLAMMED", "ſlammed", "İ",
                                           "ı", "’", "'", "-", "_", ",", " ", "\n", "“", "”"]),
                          st.text(max_size=6)), max_size=30))
def test_skipping_texts_without_a_key_word_finds_the_same_terms(parts: list[str]) -> None:
    """The shortcut in `_finditer` (no word of the text starts any key: no scan) must find
    exactly what the full scan finds."""
    text = " ".join(parts)
    story = Story(id="s", title="t", article_ids=(), tones=(OutletTone(
        outlet="o", tone=-0.5, loaded_terms=("so-called", "Regime change")),))
    quick = Neutralizer(story)
    assert quick._leads is not None
    full = Neutralizer(story)
    full._leads = None
    assert [(m.start(), m.end()) for m in quick._finditer(text)] == \
        [(m.start(), m.end()) for m in full._finditer(text)]
    assert quick.rewrite(text) == full.rewrite(text)


# --- issue 24: sentences that stand alone, are supported and name their sources -------------

from newsprism.model import Edit, Mention, Quote, SummarySentence  # noqa: E402
from newsprism.summarize.neutral import name_outlets, outlet_name  # noqa: E402
from newsprism.summarize.standalone import strip_dateline  # noqa: E402
from newsprism.summarize.support import audit, check  # noqa: E402


def _people_context(texts: dict[str, tuple[str, str]], people: list[tuple[str, str]],
                    quotes: tuple[Quote, ...] = (), story: Story | None = None
                    ) -> StoryContext:
    """Articles with PERSON mentions at every place `people` ((article id, name)) occur."""
    arts = tuple(Article(id=k, source=f"/in/{k}.txt", text=t, outlet=o)
                 for k, (o, t) in texts.items())
    facts = []
    for a in arts:
        sents = tuple(Sentence(a.id, s, e) for s, e in split_sentences(a.text))
        mentions = tuple(Mention(a.id, m.start(), m.end(), name, "PERSON")
                         for aid, name in people if aid == a.id
                         for m in re.finditer(re.escape(name), a.text))
        facts.append(ArticleFacts(a.id, sentences=sents, mentions=mentions,
                                  quotes=tuple(q for q in quotes if q.article_id == a.id)))
    story = story or Story(id="s", title="t", article_ids=tuple(a.id for a in arts))
    return StoryContext(story, arts, tuple(facts))


def test_support_check_finds_what_the_evidence_lacks() -> None:
    evidence = ["The council's members approved 1,200 new homes in Kelby on Tuesday."]
    assert check("Members approved 1200 homes in Kelby.", evidence).ok  # normalised forms
    missing = check("Mayor Vale approved 1,500 homes in Kelby and demolished a bridge.", evidence)
    assert missing.names == ("mayor", "vale") and missing.numbers == ("1500",)
    assert set(missing.words) == {"demolish", "bridge"}
    # The summary's own frame is no claim: "According to X" and outlet names pass.
    assert check("According to Harbor Post, members approved homes.", evidence,
                 frame=frozenset({"harbor", "post"})).ok


@pytest.mark.parametrize(("outlet", "source", "url", "expected"), [
    ("The Jerusalem Post", "/x/003_5efe35e3d0ae01af.txt", None, "The Jerusalem Post"),
    (None, "/x/000_a6b6bc9408c3359f.txt", None, None),
    ("000_a6b6bc9408c3359f.txt", "x", None, None),
    (None, "x", "https://www.example.org/a/b", "example.org"),
])
def test_outlet_is_a_real_name_never_a_file(outlet, source, url, expected) -> None:
    assert outlet_name(Article(id="i", source=source, text="t", outlet=outlet, url=url)) \
        == expected


def test_outlets_without_a_name_are_counted() -> None:
    named = Article(id="a", source="a.txt", text="t", outlet="Harbor Post")
    files = [Article(id=f"f{i}", source=f"/in/00{i}_abcdef12.txt", text="t") for i in range(2)]
    assert name_outlets([named, *files]) == "Harbor Post and two other outlets"
    assert name_outlets(files[:1]) == "one outlet"
    assert name_outlets(files[:1], other=True) == "another outlet"
    assert name_outlets(files) == "two outlets"


@pytest.mark.parametrize(("text", "expected"), [
    ("WASHINGTON — The Senate passed the bill.", "The Senate passed the bill."),
    ("DAMASCUS (Dispatches) -- Iran plans to act.", "Iran plans to act."),
    ("BEIRUT, Lebanon (AP) — Talks began.", "Talks began."),
    ("(CNN) — The storm hit the coast.", "The storm hit the coast."),
    ("(CNN)The storm hit the coast.", "The storm hit the coast."),
    ("(Harbor Post) Kelby voted on Monday.", "Kelby voted on Monday."),
    ("(R-Kelby) voted against it.", "(R-Kelby) voted against it."),
    ("MINNEAPOLIS—Gov. Walz sent troops.", "Gov. Walz sent troops."),
    ("For his part, Ayoub praised the deal.", "Ayoub praised the deal."),
    ("U.S. officials met on Monday.", "U.S. officials met on Monday."),
    # Round 12: a title-case city and state before a spaced dash (its agency dropped as an
    # aside in parentheses) stayed at the start of a summary sentence.
    ("Porto Alegre, Rio Grande - With the vote near, the council met.",
     "With the vote near, the council met."),
    ("Kelby, Harbor Post - The council met.", "The council met."),
    ("Ana Vale - the mayor - spoke.", "Ana Vale - the mayor - spoke."),
    # "In addition to" and "Besides" without a comma begin the sentence's own phrase (round 12:
    # "In addition to suspending X, the order bans Y" had become "To suspending X, ...").
    ("In addition, the port will close.", "The port will close."),
    ("In addition to closing the port, the order bans trucks.",
     "In addition to closing the port, the order bans trucks."),
    ("Besides the tax, the bill cuts fees.", "Besides the tax, the bill cuts fees."),
    # Stop 45, real text: "According to Y, Finally, Chen and Rohla considered ..."
    ("Finally, the two economists considered the effect of advertising.",
     "The two economists considered the effect of advertising."),
    ("Finally free, the prisoners walked out on Monday.",
     "Finally free, the prisoners walked out on Monday."),
    ("After all, the port had been closed for a year.", "The port had been closed for a year."),
])
def test_datelines_and_connectives_are_cut(text: str, expected: str) -> None:
    assert strip_dateline(text) == expected


_VALE = {"p1": ("Harbor Post", "Mayor Ana Vale toured the broken dam on Monday. "
                               "She said repairs would start within a week."),
         "p2": ("Valley Times", "Ana Vale and Piet Dorn toured the dam on Monday. "
                                "He said the repairs would start within a week.")}


def test_pronoun_becomes_the_person_the_article_named() -> None:
    ctx = _people_context({"p1": _VALE["p1"]}, [("p1", "Ana Vale")])
    out = summarize_story(ctx, Settings(summary_sentences=4)).summary
    said = [s for s in out if "repairs" in s.text]
    assert said and said[0].text.endswith("Ana Vale said repairs would start within a week.")
    assert not any(re.search(r"\bShe\b", s.text) for s in out)
    # The name put in is evidence too: the span where the article writes it is cited.
    assert any(ctx.articles[0].text[sp.start:sp.end] == "Ana Vale" for sp in said[0].spans)
    assert audit(ctx, out).unsupported == 0


def test_a_pronoun_is_never_a_name_its_own_sentence_writes_after_it() -> None:
    """Seed 433: "one protester said she looked forward to seeing what Williams would do" was
    summarised with "she" put in as "Williams", the one person of the sentence before; the
    "she" is most likely the protester, whom no name stands for."""
    from newsprism.summarize.standalone import Resolver

    text = ("Chief Ana Vale spoke to the marchers on Monday. She looked forward to seeing "
            "what Vale would do about the dam.")
    start = text.index("She looked")
    ctx = _people_context({"p1": ("Harbor Post", text)}, [("p1", "Ana Vale"), ("p1", "Vale")])
    assert Resolver(ctx).resolve(text[start:], "p1", start, len(text)) is None
    marcher = text.replace("She looked", "One marcher said she looked").replace(
        "what Vale would", "what the council would")
    start = marcher.index("One marcher")
    ctx = _people_context({"p1": ("Harbor Post", marcher)}, [("p1", "Ana Vale")])
    assert Resolver(ctx).resolve(marcher[start:], "p1", start, len(marcher)) is None
    plain = text.replace("what Vale would", "what the council would")
    start = plain.index("She looked")
    ctx = _people_context({"p1": ("Harbor Post", plain)}, [("p1", "Ana Vale")])
    st = Resolver(ctx).resolve(plain[start:], "p1", start, len(plain))
    assert st is not None and st.text.startswith("Ana Vale looked forward")  # (guard)


def test_pronoun_with_two_candidates_drops_the_sentence() -> None:
    ctx = _people_context({"p2": _VALE["p2"]}, [("p2", "Ana Vale"), ("p2", "Piet Dorn")])
    out = summarize_story(ctx, Settings(summary_sentences=4)).summary
    assert not any("repairs" in s.text for s in out)


def test_bare_quote_gets_its_speaker_or_is_dropped() -> None:
    text = ("Mayor Ana Vale toured the broken dam on Monday with engineers. "
            "“We will rebuild the dam before the autumn rains come.”")
    start = text.index("We will")
    quote = Quote("q1", "p1", start, text.index("”"), text[start:text.index("”")], "direct",
                  speaker="Ana Vale")
    ctx = _people_context({"p1": ("Harbor Post", text)}, [("p1", "Ana Vale")], (quote,))
    out = [s.text for s in summarize_story(ctx, Settings(summary_sentences=4)).summary]
    assert any(t.startswith("Ana Vale said: “We will rebuild") or "Ana Vale said: “We will"
               in t for t in out)
    anonymous = _people_context({"p1": ("Harbor Post", text)}, [("p1", "Ana Vale")])
    out = [s.text for s in summarize_story(anonymous, Settings(summary_sentences=4)).summary]
    assert not any("rebuild" in t for t in out)


def test_a_quote_tagged_by_its_own_speaker_gets_no_second_speaker() -> None:
    """Stop 45, real text: `Sanders said: "If you are talking about …," Sanders began.` The
    tag after the mark ("X began", "X insisted") names the speaker: no "X said:" before it."""
    text = ("Ana Vale and Tom Reyes met for a debate on Monday. "
            "“If you are talking about the harbour fee, you have it wrong,” Vale began.")
    start = text.index("“If")
    quote = Quote("q1", "p1", start + 1, text.index("”"), text[start + 1:text.index("”")],
                  "direct", speaker="Ana Vale")
    ctx = _people_context({"p1": ("Harbor Post", text)}, [("p1", "Ana Vale")], (quote,))
    out = [s.text for s in summarize_story(ctx, Settings(summary_sentences=4)).summary]
    assert not any("said: “If" in t for t in out)
    assert any("harbour fee" in t and "Vale began" in t for t in out)


def test_a_sentence_ending_inside_its_quote_is_a_bare_quote() -> None:
    """Round 12, two real summaries: a sentence that opens a quote the next sentence closes
    ("“I, as President, want ... MERIT. ...” he wrote") was shown as an outlet's own words with
    no speaker, and its quoted words were open to rewording (a framing term inside it became an
    entity's name)."""
    from newsprism.summarize.standalone import Resolver

    text = ("Mayor Ana Vale wrote to the council on Monday. \u201cI want boats that come in "
            "through a system based on merit. Our harbour must stay open,\u201d she wrote.")
    first = text[text.index("\u201cI want"):text.index("merit.") + 6]
    start = text.index(first)
    anonymous = _people_context({"p1": ("Harbor Post", text)}, [("p1", "Ana Vale")])
    assert Resolver(anonymous).resolve(first, "p1", start, start + len(first)) is None
    quote = Quote("q1", "p1", start + 1, text.index("\u201d"),
                  text[start + 1:text.index("\u201d")], "direct", speaker="Ana Vale")
    known = _people_context({"p1": ("Harbor Post", text)}, [("p1", "Ana Vale")], (quote,))
    st = Resolver(known).resolve(first, "p1", start, start + len(first))
    assert st is not None and st.text.startswith("Ana Vale said: \u201cI want")
    assert st.text.endswith("\u201d")
    neutral = Neutralizer(full_context().story)
    assert neutral.rewrite("Its order said \u201cthe Kelby regime was slow.").text \
        == "Its order said \u201cthe Kelby regime was slow."


@pytest.mark.parametrize(("text", "kept"), [
    # Round 12, real summaries: a promo line in parentheses and an aside opened in one
    # sentence and closed in the next were shown as outlets' sentences.
    ("(Get all the harbour results: here)", False),
    ("(Nor are claims of fraud in the harbour vote.", False),
    ("(The council met twice.)", False),
    ("(Harbor Post) The council met twice on Monday.", True),
    ("The council (which met twice) voted on Monday.", True),
])
def test_a_sentence_in_parentheses_is_no_summary_sentence(text: str, kept: bool) -> None:
    from newsprism.summarize.standalone import Resolver

    ctx = _people_context({"r1": ("Harbor Post", text)}, [])
    assert (Resolver(ctx).resolve(text, "r1", 0, len(text)) is not None) is kept


def test_loaded_rewrite_of_shared_copy_is_a_finding() -> None:
    a = "The occupying regime of Norland has launched hundreds of strikes on the valley."
    b = "Key ally Norland has launched hundreds of strikes on the valley since 2011."
    ctx = _people_context({"w1": ("Harbor Post", a), "w2": ("Valley Times", b)}, [])
    ea, eb = "The occupying regime of Norland", "Key ally Norland"
    edit = Edit(ea, eb, 0, len(ea), 0, len(eb))
    reuse = Reuse("w1", "w2", 0.9, 0.8, None, (Passage(0, len(a), 0, len(b), (edit,)),))
    out = summarize_story(dataclasses.replace(ctx, reuse=(reuse,)), Settings()).summary
    finding = [s for s in out if "shared copy" in s.text]
    assert finding and finding[0].text == (
        "In shared copy, Harbor Post writes “The occupying regime of Norland” where Valley "
        "Times writes “Key ally Norland”.")
    assert set(finding[0].article_ids) == {"w1", "w2"}


def test_consensus_is_credited_only_to_articles_that_carry_it() -> None:
    texts = {"c1": ("Harbor Post", "The council approved 300 new homes in Kelby on Tuesday, "
                                   "according to the Kelby Gazette."),
             "c2": ("Valley Times", "The council approved 300 new homes in Kelby on Tuesday."),
             "c3": ("North Wire", "Kelby will build a new school next year, officials said.")}
    ctx = _people_context(texts, [])
    spans = tuple(Span(k, 0, len(t)) for k, (_, t) in texts.items())
    story = dataclasses.replace(ctx.story, consensus=(
        Consensus("The council approved 300 homes", ("c1", "c2", "c3"), 3, spans),))
    out = summarize_story(dataclasses.replace(ctx, story=story), Settings()).summary
    first = out[0]
    assert first.role == "consensus" and set(first.article_ids) == {"c1", "c2"}
    # The source clause is one outlet's: what both carry is stated without it.
    assert first.text == "The council approved 300 new homes in Kelby on Tuesday."


def test_audit_counts_names_and_numbers_no_source_has() -> None:
    ctx = _people_context({"p1": _VALE["p1"]}, [("p1", "Ana Vale")])
    sp = (Span("p1", 0, len(ctx.articles[0].text)),)
    bad = SummarySentence("Mayor Ana Vale and Piet Dorn toured 40 dams.", ("p1",), spans=sp)
    good = SummarySentence("Mayor Ana Vale toured the broken dam on Monday.", ("p1",), spans=sp)
    result = audit(ctx, [bad, good])
    assert (result.sentences, result.unsupported, result.names, result.numbers) == (2, 1, 2, 1)


def test_a_clause_one_outlet_adds_is_cut_from_the_shared_claim() -> None:
    texts = {"c1": ("Harbor Post", "On Tuesday, the council approved 300 new homes in Kelby, "
                                   "drawing praise from the builders."),
             "c2": ("Valley Times", "The council approved 300 new homes in Kelby on Monday.")}
    ctx = _people_context(texts, [])
    spans = tuple(Span(k, 0, len(t)) for k, (_, t) in texts.items())
    story = dataclasses.replace(ctx.story, consensus=(
        Consensus("The council approved 300 homes", ("c1", "c2"), 2, spans),))
    first = summarize_story(dataclasses.replace(ctx, story=story), Settings()).summary[0]
    # Neither the day (the outlets differ on it) nor the praise is what both carry.
    assert first.text == "The council approved 300 new homes in Kelby."
    assert first.role == "consensus" and set(first.article_ids) == {"c1", "c2"}


@pytest.mark.parametrize(("text", "sources", "expected"), [
    ("According to CDC data, 213 million doses were given.", "one outlet",
     "One outlet reports that according to CDC data, 213 million doses were given."),
    ("According to the mayor, the dam held.", "Harbor Post and Valley Times",
     "Harbor Post and Valley Times report that according to the mayor, the dam held."),
    ("Within hours, the mayor left.", "one outlet",
     "According to one outlet, within hours, the mayor left."),
    ("President Vale left.", "one outlet", "According to one outlet, President Vale left."),
    # stop 45, real text: "According to CNN, Former Trump campaign chairman Paul Manafort ..."
    ("Former Kelby campaign chairman Tom Vale surrendered.", "one outlet",
     "According to one outlet, former Kelby campaign chairman Tom Vale surrendered."),
    ("The dam held through the night, according to the Kelby fire service.", "Harbor Post",
     "Harbor Post reports that according to the Kelby fire service, the dam held through the "
     "night."),
])
def test_attribution_reads_as_one_sentence(text: str, sources: str, expected: str) -> None:
    from newsprism.summarize.neutral import attribute

    assert attribute(text, sources, frozenset({"president"})) == expected


def test_a_word_with_a_comma_before_a_name_is_no_title() -> None:
    """"According to Newsmax, Today, Nancy Pelosi has ..." (stop 56, a fresh Baly draw): the
    title rule ("President Vale" stays) read "Today," as a title before a name."""
    from newsprism.summarize.neutral import attribute

    common = frozenset({"today", "president"})
    assert attribute("Today, Mayor Vale opened the dam.", "Harbor Post", common) == \
        "According to Harbor Post, today, Mayor Vale opened the dam."
    assert attribute("President Vale opened the dam.", "Harbor Post", common) == \
        "According to Harbor Post, President Vale opened the dam."


def test_a_persons_name_and_a_word_with_an_inner_capital_are_never_lowered() -> None:
    """"According to Vox, may will step down" (Theresa May) and "According to The Hill,
    wikileaks founder ..." (stop 56, real summaries): the texts write "may" and "wikileaks"
    (a link) in lower case elsewhere, but one is a person's name, the other a name by its
    inner capital."""
    from newsprism.summarize.neutral import Neutralizer, attribute

    may = Entity("e1", "Tessa May", "PERSON", aliases=("May",))
    feet = Entity("e2", "Feet", "PERSON")  # (a lone word the model tagged as a person)
    story = Story(id="s", title="t", article_ids=(), entities=(may, feet))
    texts = ["May will step down in June. She may stay until a successor is chosen.",
             "DataLeaks founder Ivo Lind was arrested; see dataleaks.org for the files.",
             "Feet away, others waited. They stood two feet apart."]
    common = Neutralizer(story, texts=texts).common
    assert attribute("May will step down in June.", "Vox", common) == \
        "According to Vox, May will step down in June."
    assert attribute("DataLeaks founder Ivo Lind was arrested.", "Vox", common) == \
        "According to Vox, DataLeaks founder Ivo Lind was arrested."
    # (guard) an ordinary word the texts write in lower case still is, even one the model
    # took for a person's name alone
    assert attribute("She may stay.", "Vox", common) == "According to Vox, she may stay."
    assert attribute("Feet away, others waited.", "Vox", common) == \
        "According to Vox, feet away, others waited."


def test_agreement_no_version_of_which_two_sources_carry_is_no_consensus() -> None:
    texts = {"c1": ("Harbor Post", "The council approved 300 new homes in Kelby on Tuesday, "
                                   "according to the Kelby Gazette."),
             "c2": ("Valley Times", "Kelby councillors voted for three hundred houses.")}
    ctx = _people_context(texts, [])
    spans = tuple(Span(k, 0, len(t)) for k, (_, t) in texts.items())
    story = dataclasses.replace(ctx.story, consensus=(
        Consensus("The council approved 300 homes", ("c1", "c2"), 2, spans),))
    out = summarize_story(dataclasses.replace(ctx, story=story), Settings()).summary
    assert out and not any(s.role == "consensus" for s in out)
    assert all(len(s.article_ids) == 1 and (s.text.startswith("According to") or
                                            " reports that according to " in s.text)
               for s in out)
    # The one version ending on its own source names its outlet first, once.
    assert any(s.text.startswith("Harbor Post reports that according to the Kelby Gazette, ")
               for s in out)


def test_single_source_named_when_the_outlet_has_a_name() -> None:
    from newsprism.summarize.story import build_summary

    texts = {"n1": ("Harbor Post", "The Orrin dam broke on Monday and flooded the valley."),
             "n2": (None, "Volunteers brought food and blankets to the school gym.")}
    ctx = _people_context(texts, [])
    plain = {s.article_ids[0]: s.text for s in build_summary(ctx, 4)}
    assert plain["n1"].startswith("According to Harbor Post, ")
    assert plain["n2"] == "Volunteers brought food and blankets to the school gym."
    counted = {s.article_ids[0]: s.text for s in build_summary(ctx, 4, count_unnamed=True)}
    assert counted["n2"].startswith("According to one outlet, ")
    assert not any(".txt" in t for t in [*plain.values(), *counted.values()])


@pytest.mark.parametrize(("text", "kept"), [
    ("Police say they found the car near the river bank.", True),
    ("They added that the rescue would go on until Sunday.", False),
    ("Two of them are at the county hospital tonight.", False),
])
def test_it_and_they_need_something_before_them(text: str, kept: bool) -> None:
    from newsprism.summarize.standalone import Resolver

    ctx = _people_context({"g1": ("Harbor Post", text)}, [])
    assert (Resolver(ctx).resolve(text, "g1", 0, len(text)) is not None) is kept


# --- ROUGE recovery (issue 24): trims and anchors instead of dropped sentences -----------------


@pytest.mark.parametrize(("text", "expected"), [
    # A clause break before the cut: the whole clause before it is kept.
    ("The council postponed the vote on the Orrin dam on Tuesday, after warning the mayor "
     "that the repairs could cost more than", "The council postponed the vote on the Orrin dam "
     "on Tuesday."),
    ("The mayor said the dam would reopen in May — but also warned that the road", "The mayor "
     "said the dam would reopen in May."),
    # No clause break: nothing whole to keep.
    ("The council of Kelby declared on Sunday that the engineer has won the contract for", None),
    # A headline (mostly capitalised words) is no cut sentence.
    ("Kelby Council Delays Dam Vote, Warning Residents Of Higher Costs For", None),
    # Too little would be left.
    ("Kelby flooded, after the river rose over the", None),
    # A gerund clause after "before" is a break even without a comma.
    ("The mayor said on Sunday that the dam would hold before leaving the town hall with",
     "The mayor said on Sunday that the dam would hold."),
    # A relative clause is no break (its subject would be left alone), nor an "and" joining
    # names; a line ending on a colon is whole, no cut.
    ("The parents of the engineer who built the Orrin dam, who died in May, said on Friday "
     "that the", None),
    ("The dispute spilled into public view on Tuesday, as Council Leader Ana Vale, and "
     "Mayor Piet", "The dispute spilled into public view on Tuesday."),
    ("Here is a look at all of the repairs, and other works planned, so far:", None),
])
def test_cut_off_sentence_is_trimmed_at_its_last_clause_break(text: str, expected) -> None:
    from newsprism.summarize.standalone import trim_cut_off

    assert trim_cut_off(text) == expected


_DAM = "The Kelby council"
_DEBT = "The Kelby debt"


@pytest.mark.parametrize(("text", "verbs", "expected"), [
    # No clause break, but the main verb and its object are whole before a trailing phrase.
    ("The Kelby council on Tuesday approved the repair of the Orrin dam after last month's "
     "flood that destroyed 40 homes in", [(_DAM, "approve")],
     "The Kelby council on Tuesday approved the repair of the Orrin dam."),
    # An appositive on the clause after a comma; the "first time" qualifier is kept whole.
    ("The Kelby debt passed 40 million for the first time on Tuesday, a sum that the mayor "
     "said could", [(_DEBT, "pass")],
     "The Kelby debt passed 40 million for the first time on Tuesday."),
    # A clause opened after the verb ("that ...") may have lost its own verb: no cut in it.
    ("The Kelby council declared on Sunday that the engineer has won the contract for",
     [(_DAM, "declare")], None),
    # Cutting the bound of a superlative would make a false claim.
    ("The Orrin river reached its highest level in forty years on", [("The Orrin river",
                                                                       "reach")], None),
    ("The Kelby council approved the dam repair for the first time in seven years on",
     [(_DAM, "approve")], None),
    # The claim's subject is not in the sentence (a misread noun): nothing is cut.
    ("The death toll in the flood on Monday rose again in the valley towns of", [(None, "toll")],
     None),
    # "to" and "from" are no break: "urged voters" is not what "urged voters to" claims.
    ("The Kelby council urged voters to reject the dam levy from", [(_DAM, "urge")], None),
    # What is left must not end on a bare span of time or an adverb ("..., weeks."), nor keep
    # less than two content words of the object ("cleared the way.").
    ("The Kelby council approved the repair of the Orrin dam on Monday, weeks after the flood "
     "that", [(_DAM, "approve")], "The Kelby council approved the repair of the Orrin dam on "
     "Monday."),
    ("The Kelby council on Monday cleared the way for the engineers of the valley to", [(
        _DAM, "clear")], None),
    # The claim is a clause's inside the sentence ("... who said he ..."): nothing is cut.
    ("One of the Kelby engineers — who said he inspected the Orrin dam wall on", [("he",
                                                                                "inspect")], None),
    # Without the verb, no phrase break is tried.
    ("The Kelby council on Tuesday approved the repair of the Orrin dam after last month's "
     "flood that destroyed 40 homes in", [], None),
])
def test_cut_off_sentence_is_trimmed_after_its_verbs_object(text, verbs, expected) -> None:
    from newsprism.summarize.cutoff import trim_cut_off

    assert trim_cut_off(text, verbs) == expected


def test_story_of_cut_off_sentences_still_gets_a_summary() -> None:
    """Excerpts that the page cut off mid-sentence, with no clause break: the summary keeps
    each one's claim up to a trailing phrase rather than leaving the story without one."""
    from newsprism.model import Claim
    from newsprism.summarize.story import build_summary

    texts = {"c1": ("Harbor Post", "The Kelby council on Tuesday approved the repair of the "
                                   "Orrin dam after last month's flood that destroyed 40 "
                                   "homes in"),
             "c2": ("Valley Times", "Engineers in Kelby have inspected the cracked Orrin dam "
                                    "wall on Monday at the request of the")}
    ctx = _people_context(texts, [])
    subjects = {"c1": (_DAM, "approve"), "c2": ("Engineers in Kelby", "inspect")}
    facts = tuple(dataclasses.replace(f, claims=(Claim(
        "k" + f.article_id, f.article_id, 0, len(ctx.article(f.article_id).text),
        ctx.article(f.article_id).text, *subjects[f.article_id]),)) for f in ctx.facts)
    ctx = dataclasses.replace(ctx, facts=facts)
    out = build_summary(ctx, 3)
    assert {s.text for s in out} == {
        "According to Harbor Post, the Kelby council on Tuesday approved the repair of the "
        "Orrin dam.",
        "According to Valley Times, engineers in Kelby have inspected the cracked Orrin dam "
        "wall on Monday."}
    assert audit(ctx, out).unsupported == 0


def test_only_an_articles_last_sentence_counts_as_cut_off() -> None:
    from newsprism.summarize.standalone import Resolver

    cut = ("The council postponed the vote on the Orrin dam on Tuesday, after warning the "
           "mayor that the repairs could cost more than")
    last = "Volunteers cleaned the school gym. " + cut
    ctx = _people_context({"t1": ("Harbor Post", last)}, [])
    start = last.index("The council")
    st = Resolver(ctx).resolve(cut, "t1", start, len(last))
    assert st is not None
    assert st.text == "The council postponed the vote on the Orrin dam on Tuesday."
    # The same words followed by more text are a headline or caption line: dropped.
    mid = cut + "\nVolunteers cleaned the school gym."
    ctx = _people_context({"t2": ("Harbor Post", mid)}, [])
    assert Resolver(ctx).resolve(cut, "t2", 0, len(cut)) is None


@pytest.mark.parametrize(("text", "kept"), [
    # The pronoun's person is named inside the sentence, by role.
    ("The senator received prayers at his church in Kelby on Thursday night.", True),
    ("A reporter was fired over her story about the dam, the paper said.", True),
    # ... or by name right after an opening phrase holding the pronoun.
    ("During his first visit to the dam, Piet Dorn met the engineers.", True),
    # Nothing in the sentence: the pronoun points out of it.
    ("Twelve hours later, he told the engineers about the dam.", False),
    ("During his first visit to the dam, the engineers met the press.", False),
])
def test_person_pronoun_anchored_inside_its_sentence(text: str, kept: bool) -> None:
    from newsprism.summarize.standalone import Resolver

    ctx = _people_context({"r1": ("Harbor Post", text)}, [("r1", "Piet Dorn")])
    assert (Resolver(ctx).resolve(text, "r1", 0, len(text)) is not None) is kept


@pytest.mark.parametrize(("text", "own"), [
    ("US President Ana Vale visited the Orrin dam on Monday.", False),
    ("The U.S. Army sent engineers to the dam on Monday.", False),
    ("Engineer George I. Dorn inspected the dam on Monday.", False),
    ("The mayor told us the dam would hold.", True),
    ("I think the dam will hold until spring.", True),
])
def test_the_country_us_is_not_the_outlets_voice(text: str, own: bool) -> None:
    from newsprism.summarize.select import own_voice

    assert own_voice(text) is own


def test_versions_of_one_agreed_claim_are_stated_once() -> None:
    from newsprism.summarize.story import build_summary

    texts = {"v1": ("Harbor Post", "The Kelby council approved the repair of the Orrin dam on "
                                   "Tuesday after a long debate. Volunteers brought food and "
                                   "blankets to the school gym in the evening."),
             "v2": ("Valley Times", "Councillors in Kelby voted on Tuesday to fix the dam that "
                                    "broke in the spring. Engineers expect the works to last "
                                    "until the end of the summer.")}
    ctx = _people_context(texts, [])
    first = {k: t.index(". ") + 1 for k, (_, t) in texts.items()}
    spans = tuple(Span(k, 0, first[k]) for k in texts)
    story = dataclasses.replace(ctx.story, consensus=(
        Consensus("The Kelby council approved the repair of the Orrin dam", ("v1", "v2"), 2,
                  spans),))
    ctx = dataclasses.replace(ctx, story=story)
    out = build_summary(ctx, 3)
    claims = [s for s in out if "dam" in s.text and ("approved" in s.text or "voted" in s.text)]
    # One version leads, credited to the one outlet whose wording it is, not as consensus.
    assert len(claims) == 1 and claims[0] == out[0]
    assert claims[0].role == "context" and len(claims[0].article_ids) == 1
    assert claims[0].text.startswith("According to ")
    assert audit(ctx, out).unsupported == 0


# --- timeline (issue 22): one entry per event and day, whole sentences, background apart ------


def _timeline_of(texts: dict[str, tuple[str, str, str]],
                 dates: list[tuple[str, str, str]]) -> tuple:
    """Timeline of articles {id: (outlet, published, text)} with day refs (id, phrase, day)
    at the first place each phrase occurs."""
    from newsprism.summarize.timeline import build_timeline

    arts = make_articles(texts)
    by_id = {a.id: a for a in arts}
    refs = tuple(_date(by_id[aid], phrase, day) for aid, phrase, day in dates)
    story = Story(id="s", title="t", article_ids=tuple(by_id))
    return build_timeline(StoryContext(story, arts, make_facts(arts, refs)))


def test_timeline_sentence_naming_two_days_is_one_entry() -> None:
    text = ("Clashes went on in the hills of Kelby late on May 12 and early on May 13. "
            "The council met the engineers at the dam on May 13.")
    out = _timeline_of({"d1": ("Harbor Post", "2031-05-14", text)},
                       [("d1", "on May 12", "2031-05-12"), ("d1", "on May 13", "2031-05-13"),
                        ("d1", "at the dam on May 13", "2031-05-13")])
    clashes = [t for t in out if "Clashes" in t.text]
    assert len(clashes) == 1 and clashes[0].date == "2031-05-12"
    assert len({t.text for t in out}) == len(out)


def test_timeline_merges_one_event_across_outlets_citing_all() -> None:
    texts = {"m1": ("Harbor Post", "2031-05-14",
                    "The Kelby council approved the dam repairs on Tuesday after a long debate."),
             "m2": ("Valley Times", "2031-05-14",
                    "On Tuesday the Kelby council approved repairs to the dam after a debate.")}
    out = _timeline_of(texts, [("m1", "on Tuesday", "2031-05-13"),
                               ("m2", "On Tuesday", "2031-05-13")])
    assert len(out) == 1 and out[0].article_ids == ("m1", "m2")
    assert {sp.article_id for sp in out[0].spans} == {"m1", "m2"}


def test_timeline_never_splices_two_paragraphs() -> None:
    from newsprism.model import Sentence
    from newsprism.summarize.timeline import build_timeline

    text = ("Engineers say the old dam was built by groups working in Kel\n\n"
            "The council statement on Monday also called for the repairs to start at once.")
    arts = make_articles({"p1": ("Harbor Post", "2031-05-14", text)})
    ref = _date(arts[0], "on Monday", "2031-05-12")
    # The parser missed the cut: one "sentence" runs across the paragraph break.
    facts = (ArticleFacts("p1", sentences=(Sentence("p1", 0, len(text)),), dates=(ref,)),)
    story = Story(id="s", title="t", article_ids=("p1",))
    out = build_timeline(StoryContext(story, arts, facts))
    assert [t.text for t in out] == ["The council statement on Monday also called for the "
                                     "repairs to start at once."]
    assert all("\n" not in text[sp.start:sp.end] for t in out for sp in t.spans)


def test_timeline_entry_stands_alone_and_passes_the_support_check() -> None:
    texts = {"w1": ("Harbor Post", "2031-05-14",
                    "KELBY — The council voted for the dam repairs on Monday evening. "
                    "He said on Tuesday that the works would cost more than planned.")}
    out = _timeline_of(texts, [("w1", "on Monday", "2031-05-12"),
                               ("w1", "on Tuesday", "2031-05-13")])
    # The dateline is cut; "He" points at nobody the article names, so that entry is out.
    assert [t.text for t in out] == ["The council voted for the dam repairs on Monday evening."]


@pytest.mark.parametrize(("sentence", "phrase", "day", "is_background"), [
    # Months before the first article: background.
    ("Since the truce of March 5, the two towns have traded along the river.", "of March 5",
     "2031-03-05", True),
    # Told as earlier (past perfect), dated before the first article: background.
    ("The council had approved a first plan for the dam on May 10.", "on May 10",
     "2031-05-10", True),
    # The story's own days, even when told with "earlier".
    ("Earlier on Wednesday, the council approved the dam repairs.", "on Wednesday",
     "2031-05-14", False),
    ("The council approved the dam repairs on Tuesday evening.", "on Tuesday", "2031-05-13",
     False),
])
def test_timeline_background_apart_from_the_storys_events(sentence: str, phrase: str,
                                                          day: str, is_background: bool) -> None:
    out = _timeline_of({"b1": ("Harbor Post", "2031-05-14", sentence)},
                       [("b1", phrase, day)])
    assert len(out) == 1 and out[0].background is is_background


def test_timeline_lists_background_first() -> None:
    text = ("The council approved the dam repairs on Tuesday evening. "
            "Since the truce of March 5, the two towns have traded along the river.")
    out = _timeline_of({"o1": ("Harbor Post", "2031-05-14", text)},
                       [("o1", "on Tuesday", "2031-05-13"), ("o1", "of March 5", "2031-03-05")])
    assert [t.background for t in out] == [True, False]


def test_only_a_plain_unshared_agreement_takes_a_further_lead_slot() -> None:
    from newsprism.summarize.story import build_summary

    texts = {"u1": (None, "The Kelby council approved the repair of the Orrin dam on Tuesday. "
                          "The engineers called the flood report a tearjerker in the spring. "
                          "Volunteers brought food to the school gym on Wednesday evening."),
             "u2": (None, "Councillors in Kelby voted on Tuesday to fix the dam that broke. "
                          "He said the engineers were at fault for the spring flood. "
                          "Engineers expect the repairs to last until the end of the summer.")}
    ctx = _people_context(texts, [])
    ends = {k: t.index(". ") + 1 for k, (_, t) in texts.items()}
    first = tuple(Span(k, 0, ends[k]) for k in texts)
    second = tuple(Span(k, ends[k] + 1, t.index(". ", ends[k]) + 1) for k, (_, t) in texts.items())
    story = dataclasses.replace(ctx.story, consensus=(
        Consensus("The Kelby council approved the repair of the Orrin dam", ("u1", "u2"), 2,
                  first),
        Consensus("The engineers were blamed for the flood", ("u1", "u2"), 2, second)),
        tones=(OutletTone("u1", -0.4, ("tearjerker",)),))
    out = build_summary(dataclasses.replace(ctx, story=story), 3)
    # The first agreed claim leads; the second's loaded version is not put in as a lead (its
    # plain version may still come in through the extractive part).
    assert "approved the repair" in out[0].text
    assert not any("tearjerker" in s.text for s in out)


def test_quoted_rhetoric_makes_an_exclusive_less_notable() -> None:
    from newsprism.summarize.story import _ranked_exclusives

    items = (Exclusive("The minister said the army is headed for “victory” and “glory”.", "x1"),
             Exclusive("The minister said the army will build two new bridges.", "x2"))
    assert [e.article_id for e in _ranked_exclusives(items, [])] == ["x2", "x1"]


# --- stand-alone sentences, round 3 (issue 24) -------------------------------------------------


def _resolve_last(text: str, people: list[str]) -> str | None:
    """The article's last sentence as the resolver makes it stand alone (None: dropped)."""
    from newsprism.summarize.standalone import Resolver

    ctx = _people_context({"z1": ("Harbor Post", text)}, [("z1", p) for p in people])
    s, e = split_sentences(text)[-1]
    st = Resolver(ctx).resolve(text[s:e], "z1", s, e)
    return None if st is None else st.text


def test_a_pronoun_is_replaced_once_and_the_name_anchors_the_rest() -> None:
    text = "Mayor Ana Vale toured the dam on Monday. She said her team would start at once."
    assert _resolve_last(text, ["Ana Vale"]) == "Ana Vale said her team would start at once."


@pytest.mark.parametrize(("last", "kept"), [
    ("This comes after the river rose over the road.", False),
    ("That was the second flood in a year.", False),
    ("The move came after the council voted to close the road.", False),
    ("The move to close the road angered the farmers.", True),
    ("This week the engineers reopened the road to the dam.", True),
    ("Those repairs will cost the town more than expected.", True),
])
def test_a_demonstrative_standing_for_the_sentence_before_drops_it(last: str, kept: bool
                                                                   ) -> None:
    text = "The Orrin dam broke on Monday and flooded the valley. " + last
    assert (_resolve_last(text, []) is not None) is kept


def test_a_sentence_the_splitter_cut_at_a_title_is_no_sentence() -> None:
    from newsprism.summarize.standalone import furniture

    assert furniture("The mayor told reporters on Monday that the council had asked Sen.")
    assert furniture("Two members of the panel were named, Reps.")
    assert not furniture("The council met the senator on Monday.")


def test_a_quote_with_its_verb_of_saying_keeps_its_place_and_gets_the_name() -> None:
    text = "Mayor Ana Vale toured the dam on Monday. “We will rebuild it by May,” she said."
    assert _resolve_last(text, ["Ana Vale"]) == "“We will rebuild it by May,” Ana Vale said."


@pytest.mark.parametrize(("text", "expected"), [
    ("Kelby loves its dam, until it doesn't.", True),
    ("There’s no way the council finishes the repairs this year.", True),
    ("The mayor said, “We don’t know when the road reopens.”", False),
    ("The council's engineers inspected the dam on Monday.", False),
])
def test_casual_voice_outside_quotes(text: str, expected: bool) -> None:
    from newsprism.summarize.select import casual

    assert casual(text) is expected


@pytest.mark.parametrize(("text", "tail"), [
    ("Major General Piet Dorn said here on Wednesday.", True),
    ("Police told reporters in Kelby on Monday.", True),
    ("The mayor said in a statement.", True),
    ("Police said the engineer fled the town on Monday.", False),
    ("The dam broke on Monday, the mayor said on Tuesday.", False),
    ("Engineers said the dam would hold.", False),
])
def test_the_tail_of_a_cut_quote_is_no_sentence(text: str, tail: bool) -> None:
    from newsprism.summarize.standalone import quote_tail

    assert quote_tail(text) is tail
    text_all = "The Orrin dam broke on Monday and flooded the valley. " + text
    assert (_resolve_last(text_all, ["Piet Dorn"]) is None) is tail


# --- round 4 (issue 24): defects seen on real multi-outlet summaries ---------------------------


@pytest.mark.parametrize(("last", "kept"), [
    ("The two said in a statement that the dam would reopen in May.", False),
    ("Both said the repairs would start at once.", False),
    ("The pair agreed to meet again on Friday.", False),
    ("Ana Vale and Piet Dorn met on Monday, and the two agreed to reopen the road.", True),
    ("The two towns share the cost of the repairs.", True),
    ("The council said in a statement that the dam would reopen in May.", True),
])
def test_the_two_without_the_people_named_drops_the_sentence(last: str, kept: bool) -> None:
    text = "Mayor Ana Vale met engineer Piet Dorn at the Orrin dam on Monday. " + last
    assert (_resolve_last(text, ["Ana Vale", "Piet Dorn"]) is not None) is kept


@pytest.mark.parametrize(("text", "expected"), [
    # The statement printed after a colon, without quote marks: the outlet's voice it is not.
    ("The council said in a statement on Monday:\n\nA road of tolls is not a solution for "
     "the valley.", None),
    # The middle of a quotation that opened in an earlier sentence.
    ("Ana Vale said: \"We will rebuild the dam. A road of tolls is not a solution for the "
     "valley. We need the bridge.\"", "Ana Vale said: “A road of tolls is not a solution for "
     "the valley.”"),
    # The same words as the outlet's own sentence stay as they are.
    ("The council met on Monday. A road of tolls is not a solution for the valley.",
     "A road of tolls is not a solution for the valley."),
])
def test_someones_words_without_quote_marks_get_their_speaker_or_go(text: str, expected) -> None:
    from newsprism.summarize.standalone import Resolver

    quotes = ()
    if '"' in text:
        q0 = text.index('"') + 1
        quotes = (Quote("q1", "z1", q0, text.rindex('"'), text[q0:text.rindex('"')], "direct",
                        speaker="Ana Vale", speaker_start=0, speaker_end=8),)
    ctx = _people_context({"z1": ("Harbor Post", text)}, [("z1", "Ana Vale")], quotes)
    sents = split_sentences(text)
    s, e = next((a, b) for a, b in sents if "tolls" in text[a:b])
    st = Resolver(ctx).resolve(text[s:e], "z1", s, e)
    assert (None if st is None else st.text) == expected


def test_attribution_lowers_a_word_the_texts_capitalise_only_at_a_sentence_start() -> None:
    from newsprism.summarize.timeline import build_timeline

    arts = make_articles({"c1": (None, "2031-05-14",
                                 "Clashes and tearjerker scenes went on in Kelby on May 12. "
                                 "Engineers from Kelby met the council on Friday.")})
    # "Tearjerker" is a loaded word with no plain form: kept in quotes, entry attributed.
    story = Story(id="s", title="t", article_ids=("c1",),
                  tones=(OutletTone("c1", -0.2, ("tearjerker",)),),
                  entities=(Entity("e1", "Kelby", "GPE"),))
    ref = _date(arts[0], "on May 12", "2031-05-12")
    out = build_timeline(StoryContext(story, arts, make_facts(arts, (ref,))))
    assert [t.text for t in out] == ["According to one outlet, clashes and “tearjerker” scenes "
                                     "went on in Kelby on May 12."]


def test_a_name_possessive_written_only_at_a_sentence_start_keeps_its_capital() -> None:
    from newsprism.summarize.neutral import attribute, lower_words, start_only_words

    # Real text (stop 48) read "According to Fox News, cutter's faced off on the show ...":
    # "Cutter's" stood only at a sentence's start, "Cutter" inside one.
    texts = ["But Cutter was clear.\n\nCutter's faced off on the show with an adviser. "
             "It's a long fight."]
    common = lower_words(texts) | start_only_words(texts)
    assert attribute("Cutter's faced off on the show with an adviser.", "Kelby Post",
                     common) == "According to Kelby Post, Cutter's faced off on the show with " \
                               "an adviser."
    assert attribute("It's a long fight.", "Kelby Post", common) == \
        "According to Kelby Post, it's a long fight."


def test_a_quotation_inside_a_quotation_in_the_same_marks_keeps_the_outer_one_open() -> None:
    from newsprism.summarize.standalone import someones_words

    # Real text (stop 48): `As Team GOP wrote, “And last: “RUSSIA COLLUSION!” Russian
    # collusion is perhaps ...`: the words after the inner quote are still the party's.
    text = ("As the council wrote, “And last: “THE BRIDGE!” The bridge is the worst plan the "
            "town has seen. It must go.”\n\nThe council meets on Monday.")
    assert someones_words(text, text.index("The bridge is"))
    assert someones_words(text, text.index("It must go"))
    assert not someones_words(text, text.index("The council meets"))


def test_mixed_quote_marks_close_a_quotation() -> None:
    from newsprism.summarize.standalone import someones_words

    text = ("“We will rebuild the dam,\" the mayor said. The council met on Monday. "
            "“The road is shut. It stays shut,” she said.")
    assert not someones_words(text, text.index("The council"))
    assert someones_words(text, text.index("It stays"))


def test_a_dispute_side_starting_a_sentence_is_lowered_after_reports() -> None:
    ctx = full_context()
    a1, a2, _ = ctx.articles
    qty = Conflict("quantity", "damaged houses", (
        ConflictVersion("Hundreds of houses", ("a1",), (_span_of(a1, "Hundreds of houses"),)),
        ConflictVersion("Dozens of houses", ("a2",), (_span_of(a2, "Dozens of houses"),))))
    story = dataclasses.replace(ctx.story, conflicts=(qty,))
    out = summarize_story(dataclasses.replace(ctx, story=story), Settings(summary_sentences=6))
    texts = [s.text for s in out.summary if s.role == "conflict"]
    assert texts == ["Accounts differ on damaged houses: Valley Times reports dozens of houses; "
                     "Harbor Post reports hundreds of houses."]


def test_a_possible_conflict_is_not_stated_as_accounts_differing() -> None:
    """A conflict compare doubts ("possible") is no "Accounts differ" sentence: the summary
    would assert what the engine is unsure of. A sentence holding one of its figures may
    still be picked, credited to its outlet, so the summary takes no side either."""
    ctx = full_context()
    (qty,) = ctx.story.conflicts
    for status, stated in (("confident", True), ("possible", False)):
        story = dataclasses.replace(ctx.story, conflicts=(dataclasses.replace(qty, status=status),))
        out = summarize_story(dataclasses.replace(ctx, story=story), Settings(summary_sentences=6))
        assert any(s.role == "conflict" for s in out.summary) is stated
        assert any("Accounts differ" in s.text for s in out.summary) is stated
        outlet = {a.id: a.outlet for a in ctx.articles}
        for s in out.summary:
            if "houses" in s.text and s.role != "conflict":
                assert [i for i in s.article_ids if outlet[i] in s.text] == \
                    list(s.article_ids)


@pytest.mark.parametrize(("texts", "quoted"), [
    # Two of three outlets write it: the story's word, stated as written.
    (["The council passed the hate crimes bill.", "A hate crimes bill passed on Monday.",
      "The council passed a bill on Monday."], False),
    # One outlet's word: kept only as a quotation.
    (["The council passed the hate crimes bill.", "A bill on bias passed on Monday.",
      "The council passed a bill on Monday."], True),
])
def test_a_loaded_term_most_outlets_write_is_not_quoted(texts: list[str], quoted: bool) -> None:
    story = Story(id="s", title="t", article_ids=(),
                  tones=(OutletTone("Harbor Post", -0.2, ("crimes",)),))
    out = Neutralizer(story, use_builtin=False, texts=texts).rewrite(texts[0]).text
    assert out == ("The council passed the hate “crimes” bill." if quoted else texts[0])


def _person(article: Article, name: str) -> Mention:
    s = article.text.index(name)
    return Mention(article.id, s, s + len(name), name, "PERSON")


def test_timeline_pronoun_after_a_quote_naming_someone_else_is_not_anchored_by_that_name() -> None:
    """A name inside the quote is not who "she" is: the speaker outside the quote marks is.
    (Seen on a real page: "“... Kelby ...,” she said." was kept with nobody named.)"""
    from newsprism.summarize.timeline import build_timeline

    text = ("Councillor Ana Vale spoke at the dam on Monday. "
            "“Mayor Tomas Dorn cannot let the repairs of May 2 wait any longer,” she said.")
    arts = make_articles({"t1": ("Harbor Post", "2031-05-14", text)})
    a = arts[0]
    ref = _date(a, "of May 2", "2031-05-02")
    sents = tuple(Sentence(a.id, s, e) for s, e in split_sentences(a.text))
    mentions = (_person(a, "Ana Vale"), _person(a, "Tomas Dorn"))
    q0 = text.index("“") + 1
    she = text.index("she said")
    quote = Quote("q1", "t1", q0, text.index("”"), text[q0:text.index("”")], "direct",
                  speaker="Ana Vale", speaker_text="she", speaker_start=she,
                  speaker_end=she + 3, cue="said")
    facts = (ArticleFacts("t1", sentences=sents, dates=(ref,), mentions=mentions,
                          quotes=(quote,)),)
    story = Story(id="s", title="t", article_ids=("t1",))
    out = build_timeline(StoryContext(story, arts, facts))
    assert [t.text for t in out] == ["“Mayor Tomas Dorn cannot let the repairs of May 2 wait "
                                     "any longer,” Ana Vale said."]
    # Without a known speaker the entry goes: the name in the quote is no antecedent.
    facts = (dataclasses.replace(facts[0], quotes=()),)
    out = build_timeline(StoryContext(story, arts, facts))
    assert not any(" she said" in t.text for t in out)


def test_timeline_pronoun_contraction_is_written_out_and_that_s_points_out_of_the_entry() -> None:
    """"He'll return on Tuesday" stands alone as "Vale will return ...", not "Vale'll";
    "That's 40 miles from ... on Tuesday" leans on the sentence before it and is no entry.
    (Both seen on a real page's timeline.)"""
    from newsprism.summarize.timeline import build_timeline

    text = ("Councillor Ana Vale toured the flooded farms near Kelby. "
            "He'll return to the dam on Tuesday evening to meet the engineers. "
            "That's 40 miles from the council offices he visits on Tuesday morning.")
    arts = make_articles({"c1": ("Harbor Post", "2031-05-14", text)})
    a = arts[0]
    refs = (_date(a, "on Tuesday evening", "2031-05-13"),
            _date(a, "on Tuesday morning", "2031-05-13"))
    sents = tuple(Sentence(a.id, s, e) for s, e in split_sentences(a.text))
    facts = (ArticleFacts("c1", sentences=sents, dates=refs, mentions=(_person(a, "Ana Vale"),)),)
    story = Story(id="s", title="t", article_ids=("c1",))
    out = build_timeline(StoryContext(story, arts, facts))
    assert [t.text for t in out] == ["Ana Vale will return to the dam on Tuesday evening to meet "
                                     "the engineers."]


def test_quoted_charge_counts_charged_words_inside_quote_marks_only() -> None:
    from newsprism.summarize.select import quoted_charge

    assert quoted_charge("Vale called the delay “a disgrace and a disaster”.") > 0.5
    # The same words outside quote marks are the sentence's own (the neutral wording's job).
    assert quoted_charge("Vale called the delay a disgrace and a disaster.") == 0.0
    assert quoted_charge("Vale said the works would “start in June”.") == 0.0


def test_of_two_near_equal_sentences_the_one_without_charged_quotes_is_chosen(monkeypatch) -> None:
    from newsprism.summarize import story as story_mod
    from newsprism.summarize.story import build_summary

    texts = {"a1": ("Harbor Post", "2031-05-14",
                    "Mayor Ana Vale called the delay of the dam repairs in Kelby “a disgrace "
                    "and a disaster” on Monday."),
             "a2": ("Valley Times", "2031-05-14",
                    "Mayor Ana Vale discussed the delay of the dam repairs in Kelby with the "
                    "council on Monday.")}
    arts = make_articles(texts)
    ctx = StoryContext(Story(id="s", title="t", article_ids=("a1", "a2")), arts,
                       make_facts(arts))
    chosen = [s.text for s in build_summary(ctx, 1)]
    assert len(chosen) == 1 and "disgrace" not in chosen[0] and "with the council" in chosen[0]
    # Without the preference the tie goes to the first article, quote and all.
    monkeypatch.setattr(story_mod, "QUOTED_CHARGE_PENALTY", 0.0)
    assert "disgrace" in build_summary(ctx, 1)[0].text


@pytest.mark.parametrize("text, expected", [
    # Stop 36, real summaries: a lifted sentence that answers one not shown, a dateline with
    # its agency and no dash, and function words left capitalised after "According to X,".
    ("Instead, defense lawyers turned to Biden.", "According to CNN, defense lawyers turned"),
    ("Nevertheless, the plan failed on Monday.", "According to CNN, the plan failed"),
    ("Miami (CNN) There were few softballs.", "According to CNN, there were few softballs"),
    ("Next Tuesday was the day she hoped to win.", "According to CNN, next Tuesday was"),
    ("If Tom Hale is re-elected, he will owe it to her.", "According to CNN, if Tom Hale is"),
    # phrases that only look like connectives stay; names and titles stay as written
    ("Instead of a vote, the council held a hearing.", "According to CNN, instead of a vote"),
    ("So far, nobody has been charged.", "According to CNN, so far, nobody"),
    ("President Ada Brill spoke on Monday.", "According to CNN, President Ada Brill"),
    ("Butler County voted on Monday.", "According to CNN, Butler County voted"),
    ("Sen. Tom Hale (R-Texas) said it failed.", "According to CNN, Sen. Tom Hale (R-Texas)"),
    # Round 12: a function word with its comma ("Now, states are ...") stayed capitalised.
    ("Now, states are starting to act.", "According to CNN, now, states are"),
])
def test_attribution_drops_a_dangling_connective_and_lowers_function_words(text, expected):
    from newsprism.summarize.neutral import attribute
    from newsprism.summarize.standalone import strip_dateline
    assert attribute(strip_dateline(text), "CNN", frozenset({"defense"})).startswith(expected)


@pytest.mark.parametrize(("text", "kept"), [
    # Stop 36, real summary: a consensus sentence '"…," they said.' was shown as it stood;
    # the words in quote marks are not what "they" points at.
    ("\u201cWe take our duty to vet each nominee very seriously,\u201d they said.", False),
    ("\u201cIt is over,\u201d it said in a statement.", False),
    # a group named outside the quote anchors it, as before
    ("Committee leaders said they would vet each nominee.", True),
])
def test_a_group_pronoun_after_a_quote_needs_a_name_outside_it(text: str, kept: bool) -> None:
    from newsprism.summarize.standalone import Resolver

    ctx = _people_context({"r1": ("Harbor Post", text)}, [("r1", "Piet Dorn")])
    assert (Resolver(ctx).resolve(text, "r1", 0, len(text)) is not None) is kept


@pytest.mark.parametrize(("text", "outlet", "expected"), [
    # Stop 43, real text: a summary sentence "According to ProPublica, ProPublica is a
    # nonprofit newsroom that investigates abuses of power."
    ("Harbor Post is a nonprofit newsroom that investigates abuses of power.", "Harbor Post",
     True),
    ("This article is co-published with The Valley Times, a local newsroom.", None, True),
    ("This story was produced in partnership with the Coast Desk.", "Harbor Post", True),
    # The news, even about an outlet or a story: kept.
    ("Harbor Post is suing the city over the records, the paper said.", "Harbor Post", False),
    ("Valley Times is a nonprofit newsroom, its editor told the council.", "Harbor Post", False),
    ("This story has prompted an inquiry by the council.", "Harbor Post", False),
    # An author's line (real text: "Katie Glueck is a national political reporter at
    # Politico."), with the outlet or the byline's name; a reporter in the news is kept.
    ("Dana Lind is a national political reporter at Harbor Post.", "Harbor Post", True),
    ("Dana Lind is a senior correspondent covering the harbour.", "Harbor Post", True),
    ("Ola Brandt is a reporter for the Valley Times who was detained in Kelby on Monday.",
     "Harbor Post", False),
])
def test_a_sentence_about_the_page_or_the_outlet_itself_is_not_a_candidate(text, outlet,
                                                                              expected):
    from newsprism.summarize.select import about_itself
    assert about_itself(text, outlet, "By Dana Lind") is expected


def test_the_narration_after_a_quote_cut_at_its_mark_is_not_a_candidate():
    from newsprism.summarize.select import headless
    text = ('The primaries gave the frontrunners a lead.\n\n"This has been an amazing evening!" '
            "the mayor declared in her speech on Tuesday night.")
    assert headless(text[text.index("the mayor"):])
    assert not headless(text[text.index("The primaries"):])


@pytest.mark.parametrize(("text", "target", "expected"), [
    # Stop 46, real text: a subhead, its own paragraph with no closing mark, was summarised
    # as "According to <outlet>, what the mayor said she supports on the dam."
    ("The council met on Monday.\n\nWhat the mayor said she supports on the dam (for now)\n\n"
     "After the flood of 2012, the council failed to pass a bill.",
     "What the mayor said she supports on the dam (for now)", True),
    # A line whose closing mark the page lost is left out too (precision first).
    ("The council met on Monday.\n\n“We will rebuild it,” the mayor said\n\nAfter the flood.",
     "“We will rebuild it,” the mayor said", True),
    ("The council met on Monday.\n\nThe mayor said she supports the dam.\n\nAfter the flood.",
     "The mayor said she supports the dam.", False),
    # The last line of a text the page cut off is trimmed (cutoff), not dropped.
    ("The council met on Monday.\n\nThe mayor said she supports the", "The mayor said she "
     "supports the", False),
    # Within a paragraph the parser's sentence may lack a mark: not a subhead.
    ("The mayor said she supports the dam and the council met on Monday at noon",
     "The mayor said she supports the dam", False),
    ("Votes were counted\u2026\n\nThe mayor won.", "Votes were counted\u2026", False),
])
def test_a_subhead_is_not_a_candidate(text: str, target: str, expected: bool) -> None:
    from newsprism.summarize.select import subhead

    start = text.index(target)
    assert subhead(text, start, start + len(target)) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # Stop 46, real text: a page that lost a sentence's subject ("is an existing law that
    # has been underfunded ...") and a live blog's clock cut by the splitter ("ET: ...").
    ("is an existing law that has been underfunded and insufficiently implemented.", True),
    ("the council approved the repair of the Orrin dam on Monday.", True),
    ("iPhone sales in Kelby rose by a third in the year to March.", False),
    ("The council approved the repair of the Orrin dam on Monday.", False),
])
def test_a_sentence_opening_on_a_lower_case_word_is_headless(text: str, expected: bool) -> None:
    from newsprism.summarize.select import headless

    assert headless(text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("ET: Kelby police have made 10 arrests since the curfew began.",
     "Kelby police have made 10 arrests since the curfew began."),
    ("- 11:55 p.m. ET: Kelby police have made 10 arrests.", "Kelby police have made 10 arrests."),
    ("NATO: The alliance met in Kelby.", "NATO: The alliance met in Kelby."),
    ("ETA: The ferry docks at noon.", "ETA: The ferry docks at noon."),
])
def test_a_live_blog_clock_before_an_entry_is_cut(text: str, expected: str) -> None:
    from newsprism.summarize.select import _CLOCK

    assert _CLOCK.sub("", text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("- Kelby police said late Tuesday they made arrests.",
     "Kelby police said late Tuesday they made arrests."),
    ("- 11:59 p.m. ET: Kelby police arrested two people.", "Kelby police arrested two people."),
    ("\"For the most part, the town has been calm today,'' Vale said.",
     "\"For the most part, the town has been calm today,\" Vale said."),
    ("``We will rebuild,'' Vale said.", "\"We will rebuild,\" Vale said."),
    ("The vote - held on Monday - passed.", "The vote - held on Monday - passed."),
])
def test_a_sentence_is_read_without_its_bullet_clock_or_typewriter_marks(text: str,
                                                                         expected: str) -> None:
    from newsprism.summarize.select import plain_sentence

    assert plain_sentence(text) == expected


def test_a_quote_closed_with_two_apostrophes_is_not_given_its_speaker_twice() -> None:
    """Stop 46, real text: `Batts said: "For the most part, the city has been calm
    today,'' Batts said.”` in a timeline (USA Today closes quotes with '')."""
    from newsprism.summarize.select import plain_sentence
    from newsprism.summarize.standalone import QUOTED

    assert QUOTED.search(plain_sentence("\"The town has been calm today,'' Vale said."))


def test_timeline_entries_lose_bullets_and_clocks_and_skip_headless_pieces() -> None:
    """Stop 46, real text: a live blog's entries ("- 11:55 p.m. ET: Baltimore police have
    made 10 arrests since ... Tuesday night") and a sentence whose start the page lost
    ("when the calendar moves into the winner-take-all zone on March 15, ...")."""
    text = ("- 11:55 p.m. ET: Kelby police have made 10 arrests since the curfew began on "
            "Tuesday night.\n\nwhen the council meets on Wednesday, the repairs may be voted "
            "on at last.")
    out = _timeline_of({"b1": ("Harbor Post", "2031-05-14", text)},
                       [("b1", "on Tuesday night", "2031-05-13"),
                        ("b1", "on Wednesday", "2031-05-14")])
    assert [t.text for t in out] == ["Kelby police have made 10 arrests since the curfew began "
                                     "on Tuesday night."]


def test_a_place_and_agency_without_a_dash_stays_a_dateline_through_the_asides_cut():
    """Stop 55, a real summary: "Washington (CNN) Democrats took giant steps ..." lost its
    "(CNN)" as an aside first, and "Washington Democrats took ..." was no dateline any more."""
    from newsprism.summarize.neutral import compress
    from newsprism.summarize.standalone import strip_dateline

    text = "Kelby (Harbor Post) Councillors took a first step (a rare one) toward a deal."
    assert strip_dateline(compress(text)) == "Councillors took a first step toward a deal."
    # (guard) a name and its party is no dateline: the aside goes, the name stays
    assert strip_dateline(compress("Mayor Ana Vale (D) said the dam would hold.")) == \
        "Mayor Ana Vale said the dam would hold."
