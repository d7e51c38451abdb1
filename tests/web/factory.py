"""Hand-built reports for the web tests: small, with every kind of finding, offsets checked."""

from __future__ import annotations

from newsprism.model import (
    Article,
    Conflict,
    ConflictVersion,
    Consensus,
    Edit,
    Entity,
    Exclusive,
    Framing,
    Mention,
    OutletTone,
    Passage,
    Quote,
    Report,
    Reuse,
    Span,
    Story,
    SummarySentence,
    TimelineEntry,
)

EVIL = "<script>alert('x')</script><img src=x onerror=alert(1)>"


def _span(text: str, part: str, article_id: str) -> Span:
    start = text.index(part)
    return Span(article_id, start, start + len(part))


def make_report(evil: bool = False, n_filler: int = 0) -> Report:
    """Three articles on one story (a wire, a copy, an own report) and one unrelated story.
    With `evil`, hostile markup sits in texts, titles, outlets and speaker names."""
    x = EVIL if evil else ""
    wire = ("The council approved the bridge on Monday. " f"{x}"
            "\"We will build it by 2026,\" the mayor Ana Lind said. "
            "About 300 residents attended the meeting.")
    copy = ("The council approved the bridge on Monday. "
            "\"We will build it by 2026,\" the deputy Omar Ruiz said. "
            "Thousands of residents attended the meeting.")
    own = ("Residents gathered as the council approved the bridge on Monday. "
           "Critics said the cost was hidden.")
    arts = (
        Article("w1", "wire.txt", wire, outlet=f"Wire Agency{x}", title=f"Bridge approved{x}",
                published="2024-05-06"),
        Article("c1", "copy.txt", copy, outlet="Daily Copy", title="Council backs bridge",
                published="2024-05-07"),
        Article("o1", "own.txt", own, outlet="Own Voice", title="Bridge vote", byline=x or None,
                published="2024-05-07"),
        Article("t1", "tram.txt", "The tram runs again after repairs.", outlet="Daily Copy",
                title="Tram back", published="2024-04-01"),
    )
    arts += tuple(Article(f"f{i}", f"f{i}.txt", f"Filler story number {i} about topic {i}.",
                          outlet=f"Outlet {i % 7}", title=f"Filler {i}",
                          published=f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}")
                  for i in range(n_filler))
    w, c, o = arts[0], arts[1], arts[2]
    q_wire = _span(wire, "We will build it by 2026", "w1")
    q_copy = _span(copy, "We will build it by 2026", "c1")
    cons = [_ispan(a.text, "the council approved the bridge on Monday", a.id) for a in (w, c, o)]
    mayor = Entity("e1", "Ana Lind", "PERSON", article_ids=("w1",),
                   mentions=(Mention("w1", *_se(wire, "Ana Lind"), "Ana Lind", "PERSON"),))
    council = Entity("e2", f"City Council{x}", "ORG", article_ids=("w1", "c1", "o1"))
    story = Story(
        id="s1", title=f"Council approves bridge{x}", article_ids=("c1", "o1", "w1"),
        entities=(mayor, council),
        quotes=(Quote("q1", "w1", q_wire.start, q_wire.end, wire[q_wire.start:q_wire.end],
                      "direct", speaker=f"Ana Lind{x}"),
                Quote("q2", "c1", q_copy.start, q_copy.end, copy[q_copy.start:q_copy.end],
                      "direct", speaker="Omar Ruiz")),
        conflicts=(
            Conflict("attribution", "who said “We will build it by 2026”", (
                ConflictVersion("Ana Lind", ("w1",), (q_wire,), 1),
                ConflictVersion("Omar Ruiz", ("c1",), (q_copy,), 1))),
            Conflict("quantity", "how many residents", (
                ConflictVersion("About 300 residents", ("w1",),
                                (_span(wire, "About 300 residents", "w1"),), 1),
                ConflictVersion("Thousands of residents", ("c1",),
                                (_span(copy, "Thousands of residents", "c1"),), 1))),
        ),
        consensus=(Consensus("The council approved the bridge on Monday.", ("c1", "o1", "w1"), 2,
                             tuple(cons)),),
        exclusives=(Exclusive("Critics said the cost was hidden.", "o1",
                              *_se(own, "Critics said the cost was hidden.")),),
        framing=(Framing("e2", ((f"Wire Agency{x}", (f"City Council{x}",)),
                                ("Daily Copy", ("council",)), ("Own Voice", ("the council",)))),),
        tones=(OutletTone("Own Voice", -0.3, ("hidden",), (_span(own, "hidden", "o1"),)),),
        summary=(SummarySentence("The council approved the bridge on Monday.", ("c1", "o1", "w1"),
                                 "consensus", tuple(cons)),
                 SummarySentence("Outlets differ on who promised a 2026 finish.", ("c1", "w1"),
                                 "conflict", (q_wire, q_copy))),
        timeline=(TimelineEntry("2024-05-06", "The council approved the bridge.",
                                ("w1",), (cons[0],)),),
    )
    # Pair (a="c1", b="w1"): the copy's quote passage, with the one word the copy changed.
    quoted = Passage(copy.index('"We'), copy.index(" Omar Ruiz said"), wire.index('"We'),
                     wire.index(" Ana Lind said"),
                     (Edit("the deputy", "the mayor", *_se(copy, "the deputy"),
                           *_se(wire, "the mayor")),))
    reuse = (Reuse("c1", "w1", 0.6, 0.55, "w1", (Passage(0, 43, 0, 43), quoted),
                   origin_basis="published"),)
    tram = Story("s2", "Tram back", ("t1",))
    filler = tuple(Story(f"fs{i}", f"Filler {i}", (f"f{i}",)) for i in range(n_filler))
    return Report(articles=arts, reuse=reuse, stories=(story, tram) + filler)


def _ispan(text: str, part: str, article_id: str) -> Span:
    start = text.lower().index(part.lower())
    return Span(article_id, start, start + len(part))


def _se(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)
