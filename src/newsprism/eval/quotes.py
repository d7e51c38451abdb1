"""`newsprism eval quotes`: score quote attribution against PolNeAR, beside textacy.

    newsprism eval quotes --gold ../shared/data/polnear --split dev

Units are attributions. A predicted attribution is (content span, speaker span); a gold one is
(content ranges, source ranges). Spans are compared after trimming, on both sides alike,
whitespace, quote marks and edge punctuation and a leading "that"/"whether" (PolNeAR keeps the
complementiser and the marks in the content; we do not).
- content exact: the trimmed character sets are equal; overlap: they share a character.
  Matching is one-to-one (greedy, largest overlap first); precision over predictions, recall
  over gold attributions.
- source exact/overlap: among pairs matched by content overlap, the predicted speaker span
  equals/overlaps
  the gold source; precision over predictions that have a speaker span, recall over gold
  attributions that have a source (so it is end to end, like citron's source F1).
- speaker accuracy: among content-overlap pairs whose gold has a source, the share whose
  speaker span overlaps it.
- resolved-speaker accuracy (an entity, not a span; `gold_person`): the gold source is read
  as a person: a name as written ("Sen. Elizabeth Warren (D-MA)" -> Warren); he/she as the
  nearest named gold source before it in its own or the previous paragraph (in news a
  pronoun speaker continues the last named speaker; the annotators' sources stand for the
  missing coreference); a definite description with a person-role head ("the senator") as
  the nearest name the text writes with that role ("Sen. X", "X, the senator") that is also
  a named gold source. Sources that read as none of these
  (groups, "officials", "they") are left out. Among content-overlap pairs with such a gold
  person, `resolved` counts those where our speaker is not None, `correct` those where our
  speaker names the same person (the surnames are variants of each other). Accuracy is
  correct / resolved; coverage is resolved / all.
Rows are given for all gold attributions and for the "quoted" subset (gold content that holds
a quote mark), the part textacy's direct-quotation extractor is meant for; there, predictions
that touch only unquoted gold contents are left out rather than counted wrong.
For a partial quote we score its enclosing reported clause (`Attribution.clause_*`), since
PolNeAR annotates the whole reported content.
Nested attributions (`“…,” X said, according to CNN`, `…, reports USA Today`): PolNeAR
annotates only the outer one, its source the outer reporter (CNN) and its content the inner
quote with its cue and speaker (`“…,” X said`). Our speaker is X, and the outer reporter is
the attribution's provenance (`Attribution.via`). The row "newsprism" scores `via`, when set,
as the predicted source and widens the first content range over the inner cue and speaker;
"newsprism (speaker)" scores the speaker span everywhere, so the effect of the mapping shows.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from .polnear import GoldAttribution, PolnearDoc, load_polnear

Ranges = tuple[tuple[int, int], ...]
# (content, speaker span), optionally + the resolved speaker (None when unresolved)
Pred = tuple
_QUOTES = set('"“”„«»‟\'‘’‹›`')
_EDGE = _QUOTES | set(" \t\r\n.,;:!?—–-()[]…")
_LEADS = ("that ", "whether ")


def _chars(text: str, ranges: Ranges) -> frozenset[int]:
    """Character positions of `ranges`, trimmed at both ends of each range."""
    out: set[int] = set()
    for start, end in ranges:
        start, end = max(0, start), min(len(text), end)
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and text[end - 1] in _EDGE:
            end -= 1
        low = text[start:end].lower()
        for lead in _LEADS:
            if low.startswith(lead):
                start += len(lead)
        while start < end and text[start] in _EDGE:
            start += 1
        out.update(i for i in range(start, end) if not text[i].isspace())
    return frozenset(out)


def _prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> dict[str, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(100 * p, 1), "r": round(100 * r, 1), "f1": round(100 * f, 1)}


class Scorer:
    """Accumulates counts over documents for one system."""

    def __init__(self) -> None:
        self.c: dict[str, int] = {}

    def _inc(self, key: str, n: int = 1) -> None:
        self.c[key] = self.c.get(key, 0) + n

    def add(self, text: str, gold: Iterable[GoldAttribution], preds: Iterable[Pred],
            subset: str = "") -> None:
        gold = list(gold)
        persons = gold_persons(text, gold)
        g = [(_chars(text, a.content), _chars(text, a.source), persons[k])
             for k, a in enumerate(gold)]
        g = [x for x in g if x[0]]
        p = [(_chars(text, x[0]), _chars(text, x[1]), x[2] if len(x) > 2 else None)
             for x in preds]
        p = [x for x in p if x[0]]
        pre = subset
        self._inc(pre + "gold", len(g))
        self._inc(pre + "pred", len(p))
        self._inc(pre + "gold_src", sum(1 for _, s, _ in g if s))
        self._inc(pre + "pred_src", sum(1 for _, s, _ in p if s))
        overlap_pairs = self._match(g, p, "overlap")
        for mode in ("exact", "overlap"):
            pairs = self._match(g, p, mode)
            self._inc(f"{pre}content_{mode}", len(pairs))
            # Sources are compared on attributions matched by content overlap.
            src = [(gi, pi) for gi, pi in overlap_pairs if g[gi][1] and p[pi][1]
                   and (g[gi][1] == p[pi][1] if mode == "exact" else g[gi][1] & p[pi][1])]
            self._inc(f"{pre}source_{mode}", len(src))
            if mode == "overlap":
                with_src = [(gi, pi) for gi, pi in pairs if g[gi][1]]
                self._inc(pre + "speaker_n", len(with_src))
                self._inc(pre + "speaker_ok", sum(1 for gi, pi in with_src
                                                  if g[gi][1] & p[pi][1]))
                for gi, pi in pairs:
                    person = g[gi][2]
                    if person is None:
                        continue
                    kind, surname = person
                    self._inc(f"{pre}entity_n_{kind}")
                    speaker = p[pi][2]
                    if speaker is not None:
                        self._inc(f"{pre}entity_resolved_{kind}")
                        self._inc(f"{pre}entity_ok_{kind}",
                                  int(same_person_as(speaker, surname)))

    def entity_result(self, subset: str = "") -> dict:
        """Resolved-speaker accuracy by the kind of gold source, and over all kinds."""
        c, out = self.c, {}
        for kind in ("name", "pronoun", "description", "all"):
            kinds = ("name", "pronoun", "description") if kind == "all" else (kind,)
            n = sum(c.get(f"{subset}entity_n_{k}", 0) for k in kinds)
            r = sum(c.get(f"{subset}entity_resolved_{k}", 0) for k in kinds)
            ok = sum(c.get(f"{subset}entity_ok_{k}", 0) for k in kinds)
            out[kind] = {"gold": n, "resolved": r, "correct": ok,
                         "accuracy": round(ok / r, 3) if r else 0.0,
                         "coverage": round(r / n, 3) if n else 0.0}
        return out

    @staticmethod
    def _match(g, p, mode: str) -> list[tuple[int, int]]:
        cands = []
        for gi, (gc, *_) in enumerate(g):
            for pi, (pc, *_) in enumerate(p):
                inter = len(gc & pc)
                if inter and (mode == "overlap" or gc == pc):
                    cands.append((-inter, gi, pi))
        cands.sort()
        used_g: set[int] = set()
        used_p: set[int] = set()
        out = []
        for _, gi, pi in cands:
            if gi not in used_g and pi not in used_p:
                used_g.add(gi)
                used_p.add(pi)
                out.append((gi, pi))
        return out

    def result(self, subset: str = "") -> dict:
        c, pre = self.c, subset
        get = lambda k: c.get(pre + k, 0)  # noqa: E731
        out: dict = {"gold": get("gold"), "predicted": get("pred")}
        for mode in ("exact", "overlap"):
            n = get(f"content_{mode}")
            out[f"content_{mode}"] = _prf(n, get("pred"), n, get("gold"))
            s = get(f"source_{mode}")
            out[f"source_{mode}"] = _prf(s, get("pred_src"), s, get("gold_src"))
        n = get("speaker_n")
        out["speaker_accuracy"] = round(100 * get("speaker_ok") / n, 1) if n else 0.0
        return out


_NAME_TOKEN = re.compile(r"[A-Z][\w'’.-]*")
_GOLD_PRONOUNS = frozenset({"he", "she"})
_NOT_NAMES = frozenset("""i we you he she they it we've i'm we're they're one this that these
those there here monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december""".split())


def _surname(words: str) -> str | None:
    """The last name word of a source that is a name with titles ("Sen. Elizabeth Warren
    (D-MA)", "President Trump"), or None when the words are not just a name."""
    from ..extract.names import is_title_token

    head = re.split(r"[,(]| who ", words, maxsplit=1)[0].strip()
    toks = head.split()
    if not toks or len(toks) > 5 or not all(_NAME_TOKEN.fullmatch(t) for t in toks):
        return None
    names = [t for t in toks if not is_title_token(t.rstrip("."))]
    if not names or names[0].lower() in ("the", "a", "an") \
            or any(t.lower().replace("’", "'") in _NOT_NAMES for t in names):
        return None
    return re.sub(r"(['’]s?|\.)$", "", names[-1])


def _description_person(text: str, start: int, words: str, speakers: set[str]) -> str | None:
    """"the senator" -> the surname of the nearest name written with that role before
    `start` ("Sen. X", "Senator X", "X, the senator"), when that name is also a named gold
    source of the text (`speakers`: a place or a group is never the answer)."""
    from ..extract.names import PERSON_ROLE_NOUNS, ROLE_ALIASES

    m = re.fullmatch(r"(?:the|The)\s+(?:[\w-]+\s+){0,2}([a-z]+)", words.strip())
    if not m or m.group(1) not in PERSON_ROLE_NOUNS:
        return None
    role = m.group(1)
    titles = [role] + [k for k, v in ROLE_ALIASES.items() if v == role]
    alts = "|".join(re.escape(t) for t in titles)
    before = text[max(0, start - 3000):start]
    pat = re.compile(rf"\b(?:{alts})\.?\s+((?:[A-Z][\w'’-]+\s?){{1,3}})"
                     rf"|((?:[A-Z][\w'’-]+\s?){{1,3}}),\s+(?:the|a)\s+(?:[\w-]+\s+){{0,3}}"
                     rf"(?:{alts})\b", re.I)
    for hit in reversed(list(pat.finditer(before))):
        name = [w for w in (hit.group(1) or hit.group(2) or "").split() if w[:1].isupper()]
        surname = _surname(" ".join(name)) if name else None
        if surname in speakers:
            return surname
    return None


def _paragraph_before(text: str, pos: int) -> int:
    """Start of the paragraph before the one holding `pos` (blank lines skipped)."""
    start, lines = pos, 0
    while lines < 2 and start > 0:
        nl = text.rfind("\n", 0, start - 1)
        if text[nl + 1:start].strip():
            lines += 1
        start = nl + 1
    return start


def gold_persons(text: str, gold: list[GoldAttribution]) -> list[tuple[str, str] | None]:
    """(kind, surname) of each gold source read as a person (see the module docstring)."""
    srcs = [(a.source[0][0], " ".join(text[s:e] for s, e in a.source)) if a.source else None
            for a in gold]
    named = sorted((s[0], sn) for s in srcs if s and (sn := _surname(s[1])))
    out: list[tuple[str, str] | None] = []
    for s in srcs:
        if s is None:
            out.append(None)
            continue
        start, words = s
        if (surname := _surname(words)) is not None:
            out.append(("name", surname))
        elif words.strip().lower() in _GOLD_PRONOUNS:
            lo = _paragraph_before(text, start)
            prev = [n for n in named if lo <= n[0] < start]
            out.append(("pronoun", prev[-1][1]) if prev else None)
        elif (surname := _description_person(text, start, words,
                                             {n for _, n in named})) is not None:
            out.append(("description", surname))
        else:
            out.append(None)
    return out


def same_person_as(speaker: str, surname: str) -> bool:
    """Our resolved speaker names the person whose surname is `surname`."""
    from ..extract.names import same_name_token

    return any(same_name_token(w.strip(",.()'’"), surname) for w in speaker.split())


def _quoted(text: str, a: GoldAttribution) -> bool:
    return any(ch in _QUOTES - {"'", "’"} for s, e in a.content for ch in text[s:e])


def nested_content(a, content: Ranges) -> Ranges:
    """PolNeAR's content of a nested attribution: the inner quote with its own cue and
    speaker (`“…,” X said` under the source CNN in `“…,” X said, according to CNN`)."""
    marks = [r for r in (a.cue, a.speaker_span) if r is not None]
    first = content[0]
    lo, hi = min([first[0], *(r[0] for r in marks)]), max([first[1], *(r[1] for r in marks)])
    return ((lo, hi), *content[1:])


def newsprism_predict(nlp, nested: bool = True) -> Callable[[str, str], list[Pred]]:
    """Our attributions as predictions. `nested`: an attribution with a provenance
    (`Attribution.via`: `“…,” X said, according to CNN`) is scored as PolNeAR annotates it, the
    outer reporter as source and the inner quote with its cue and speaker as content."""
    both = newsprism_predict_both(nlp)
    return lambda name, text: both(name, text)[0 if nested else 1]


def newsprism_predict_both(nlp) -> Callable[[str, str], tuple[list[Pred], list[Pred]]]:
    """(predictions with the nested mapping, predictions without it) from one parse."""
    from ..extract.mentions import find_mentions
    from ..extract.quotes import find_attributions
    from ..model import Article

    def predict(name: str, text: str) -> tuple[list[Pred], list[Pred]]:
        article = Article(id=name, source=name, text=text)
        doc = nlp(text)
        mapped: list[Pred] = []
        plain: list[Pred] = []
        for a in find_attributions(article, doc, find_mentions(article, doc)):
            if a.continued:
                continue  # scored as a part of the attribution it continues
            content: Ranges = ((a.clause_start, a.clause_end),)
            if a.kind != "partial" and len(a.parts) > 1:
                content = a.parts
            speaker: Ranges = (a.speaker_span,) if a.speaker_span else ()
            plain.append((content, speaker, a.speaker))
            mapped.append((nested_content(a, content), (a.via,), None) if a.via
                          else plain[-1])
        return mapped, plain
    return predict


def textacy_predict(nlp) -> Callable[[str, str], list[Pred]] | str:
    """textacy 0.13's `direct_quotations`, or the reason it is unavailable."""
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError as exc:  # optional: pip install textacy==0.13.0
        return f"textacy not installed ({exc})"

    def predict(name: str, text: str) -> list[Pred]:
        doc = nlp(text)
        out: list[Pred] = []
        for dq in direct_quotations(doc):
            content: Ranges = ((dq.content.start_char, dq.content.end_char),)
            sp: Ranges = ()
            if dq.speaker:
                toks = sorted(dq.speaker, key=lambda t: t.i)
                sp = ((toks[0].idx, toks[-1].idx + len(toks[-1])),)
            out.append((content, sp))
        return out
    return predict


PARTS = ("all", "tune", "blind")


def part_of(name: str) -> str:
    """The half of a split a PolNeAR text belongs to: "tune" when the first byte of the SHA-1
    of its file name (without ".txt") is even, else "blind". Fixed before any blind text was
    scored (docs/quotes.md); dev has 48 tune and 36 blind texts."""
    return "tune" if hashlib.sha1(name.encode("utf-8")).digest()[0] % 2 == 0 else "blind"


def command(gold: Path, split: str = "dev", limit: int | None = None,
            baseline: bool = True, part: str = "all") -> dict:
    """Score newsprism (and textacy when `baseline`) on a PolNeAR split, or on one half of it
    (`part`: tune or blind, see `part_of`); returns the numbers."""
    from ..nlp.loader import pipeline_for
    from ..settings import Settings

    if part not in PARTS:
        raise ValueError(f"part must be one of {', '.join(PARTS)}, not {part!r}")
    problems: list[str] = []
    docs: list[PolnearDoc] = load_polnear(Path(gold), split, limit, problems)
    if part != "all":
        docs = [d for d in docs if part_of(d.name) == part]
    nlp = pipeline_for(Settings())
    # "newsprism" scores a nested attribution's provenance as its source (PolNeAR's
    # convention); "newsprism (speaker)" scores the inner speaker, for comparison.
    systems: dict[str, Callable] = {"newsprism": newsprism_predict_both(nlp)}
    report: dict = {"dataset": "PolNeAR", "split": split, "documents": len(docs)}
    if part != "all":
        report["part"] = part
    if baseline:
        tx = textacy_predict(nlp)
        if isinstance(tx, str):
            report["textacy_error"] = tx
        else:
            systems["textacy"] = tx
    for name, predict in systems.items():
        variants = [name, f"{name} (speaker)"] if name == "newsprism" else [name]
        scorers = [Scorer() for _ in variants]
        failures, t0 = 0, time.perf_counter()
        for d in docs:
            try:
                out = predict(d.name, d.text)
            except Exception as exc:  # a baseline crash is a finding to count
                failures += 1
                problems.append(f"{d.name}: {name} failed ({type(exc).__name__}: {exc})")
                out = ([], []) if len(variants) > 1 else []
            for scorer, preds in zip(scorers, out if len(variants) > 1 else [out], strict=True):
                _score(scorer, d, preds)
        seconds = round(time.perf_counter() - t0, 1)
        for variant, scorer in zip(variants, scorers, strict=True):
            report[variant] = {"all": scorer.result(), "quoted": scorer.result("quoted:"),
                               "failures": failures, "seconds": seconds}
            if variant == "newsprism (speaker)":  # the speaker's own resolution, no mapping
                report["resolved_speaker"] = {"all": scorer.entity_result(),
                                              "quoted": scorer.entity_result("quoted:")}
    report["problems"] = problems
    return report


def _score(scorer: Scorer, d: PolnearDoc, preds: list[Pred]) -> None:
    scorer.add(d.text, d.attributions, preds)
    quoted = [a for a in d.attributions if _quoted(d.text, a)]
    quoted_chars = [_chars(d.text, a.content) for a in quoted]
    other_chars = [_chars(d.text, a.content) for a in d.attributions if not _quoted(d.text, a)]
    # The subset keeps predictions that touch a quoted gold content, and those that hold a
    # quote mark and touch no other gold content (a wrong quote is still wrong).
    keep = []
    for p in preds:
        pc = _chars(d.text, p[0])
        if any(pc & q for q in quoted_chars) or (
                not any(pc & o for o in other_chars)
                and any(ch in _QUOTES for s, e in p[0] for ch in d.text[max(0, s - 1):e + 1])):
            keep.append(p)
    scorer.add(d.text, quoted, keep, subset="quoted:")


def format_table(report: dict) -> str:
    rows = ["| system | gold set | content exact P/R/F1 | content overlap P/R/F1 | "
            "source exact P/R/F1 | source overlap P/R/F1 | speaker acc |",
            "|---|---|---|---|---|---|---|"]
    for system in ("newsprism", "newsprism (speaker)", "textacy"):
        if system not in report:
            continue
        for subset in ("all", "quoted"):
            r = report[system][subset]

            def cell(k: str, r: dict = r) -> str:
                return "{p} / {r} / **{f1}**".format(**r[k])
            rows.append(f"| {system} | {subset} ({r['gold']}) | {cell('content_exact')} | "
                        f"{cell('content_overlap')} | {cell('source_exact')} | "
                        f"{cell('source_overlap')} | {r['speaker_accuracy']} |")
    if "resolved_speaker" in report:
        rows += ["", "Resolved speaker (an entity): accuracy = correct / resolved, coverage = "
                 "resolved / gold persons", "",
                 "| gold set | source read as | gold persons | resolved | correct | accuracy |"
                 " coverage |", "|---|---|---|---|---|---|---|"]
        for subset in ("all", "quoted"):
            for kind, r in report["resolved_speaker"][subset].items():
                rows.append(f"| {subset} | {kind} | {r['gold']} | {r['resolved']} | "
                            f"{r['correct']} | {r['accuracy']} | {r['coverage']} |")
    return "\n".join(rows)
