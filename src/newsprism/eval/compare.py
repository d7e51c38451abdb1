"""Precision checking for the compare stage: run the line on a small set of articles (one
story) and print every conflict and consensus finding, numbered, so a person can judge each.

    newsprism eval conflicts seeds /work/shared/seeds
    newsprism eval conflicts neus /work/shared/data/neus/train.source 3 17 42 ...
    newsprism eval conflicts ecb /work/shared/data/ecbplus 1 3 5 ...

Stages that are not installed yet are skipped (entities fall back to none), so the helper
works on whatever part of the line exists; the printout says which were used.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from ..model import Article, ArticleFacts, Conflict, Story, StoryContext
from ..settings import Settings
from .compare_plants import PLANT_PUBLISHED, SWAP_NAMES, Plant, plants_for

_SEED_DATE = re.compile(r"(?:19|20)\d{2}-\d{2}-\d{2}")


def run_story(articles: Sequence[Article], settings: Settings,
              used: list[str] | None = None) -> tuple[Story, StoryContext]:
    """The line on one story's articles, taken from `pipeline.STAGES`: clean, extract, reuse,
    entities and compare (what `analyze` runs, with the articles given as one story)."""
    from ..nlp import parse_many, pipeline_for
    from ..pipeline import stage_function

    used = used if used is not None else []
    clean, extract = stage_function("clean"), stage_function("extract")
    articles = [clean(a, settings) for a in articles]
    nlp = pipeline_for(settings)
    facts: list[ArticleFacts] = [
        extract(a, doc, settings)
        for a, doc in zip(articles, parse_many(nlp, (a.text for a in articles)), strict=True)]
    reuse = tuple(stage_function("reuse")(articles, settings))
    story = Story(id="eval", title=articles[0].title or "", article_ids=tuple(a.id for a in
                                                                            articles))
    ctx = StoryContext(story=story, articles=tuple(articles), facts=tuple(facts), reuse=reuse)
    ctx = dataclasses.replace(ctx, story=stage_function("entities")(ctx, settings))
    used.extend(["clean", "extract", "reuse", "entities"])
    return stage_function("compare")(ctx, settings), ctx


def seed_articles(folder: Path) -> list[Article]:
    out = []
    for p in sorted(folder.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        m = _SEED_DATE.search(text[:200])
        out.append(Article(id=p.stem.split("_")[0], source=str(p), text=text,
                           published=m.group() if m else None, outlet=p.stem.split("_")[0]))
    return out


def neus_articles(path: Path, line_no: int, line: str | None = None) -> list[Article]:
    """One NeuS story (1-based line number): three outlets' excerpts separated by [SEP]
    (`line`: the line's text when the caller has read it already)."""
    if line is None:
        with path.open(encoding="utf-8") as fh:
            for i, text in enumerate(fh, 1):
                if i == line_no:
                    line = text
                    break
    if line is None:
        raise ValueError(f"{path}: no line {line_no}")
    out = []
    for k, part in enumerate(line.split("[SEP]")):
        title, _, body = part.partition("ARTICLE=>")
        title = title.replace("TITLE=>", "").strip()
        out.append(Article(id=f"L{line_no}-{k}", source=f"{path}:{line_no}", text=body.strip(),
                           title=title or None, outlet=f"outlet{k}"))
    return out


_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "%", "'s", "n't", "'re", "'ve", "'ll",
                    "'d", "'m", "''", "\u2019s"}


def ecb_articles(topic_dir: Path, kind: str = "ecb", limit: int = 8) -> list[Article]:
    """One ECB+ topic as one story: its `*ecb.xml` documents (one seminal event) or its
    `*ecbplus.xml` ones (a second, similar event). Tokens are joined back into text."""
    import xml.etree.ElementTree as ET

    paths = sorted(topic_dir.glob(f"*_*{kind}.xml"),
                   key=lambda p: int(re.sub(r"\D", "", p.stem.split("_")[1]) or 0))
    out = []
    for path in paths[:limit]:
        root = ET.parse(path).getroot()
        sentences: dict[int, list[str]] = {}
        for tok in root.iter("token"):
            sentences.setdefault(int(tok.get("sentence", "0")), []).append(tok.text or "")
        lines = []
        for n in sorted(sentences):
            text = ""
            for word in sentences[n]:
                word = {"``": "\u201c", "''": "\u201d"}.get(word, word)
                glue = not text or word in _NO_SPACE_BEFORE or word == "\u201d" or \
                    text.endswith(("\u201c", "(", "$"))
                text += word if glue else " " + word
            lines.append(text)
        out.append(Article(id=path.stem, source=str(path), text="\n".join(lines),
                           outlet=path.stem))
    return out


def report(story: Story) -> list[str]:
    lines = []
    n = 0
    for c in story.conflicts:
        n += 1
        versions = " | ".join(f"{v.value!r} {list(v.article_ids)} ({v.independent_sources})"
                              for v in c.versions)
        lines.append(f"  [{n}] conflict/{c.kind}: {c.about} :: {versions}")
    for agreed in story.consensus:
        n += 1
        lines.append(f"  [{n}] consensus ({agreed.independent_sources} sources, "
                     f"{list(agreed.article_ids)}): {' '.join(agreed.text.split())[:160]}")
    return lines


LISTINGS = ("seeds", "neus", "ecb")


def listing(kind: str, path: Path, items: Sequence[str] = ()) -> Iterator[str]:
    """The numbered findings of each story, one line each, for a person to judge: `kind`
    seeds (`path` a folder of seed texts: one story), neus (`path` a NeuS .source file,
    `items` its line numbers) or ecb (`path` the ECB+ folder, `items` topic numbers)."""
    if kind not in LISTINGS:
        raise ValueError(f"{kind}: expected one of {', '.join(LISTINGS)}")
    settings = Settings()
    if kind == "seeds":
        stories = [("seeds", seed_articles(path))]
    elif kind == "ecb":
        stories = [(f"topic {t}", ecb_articles(path / t)) for t in items]
    else:
        stories = [(f"line {n}", neus_articles(path, int(n))) for n in items]
    for name, articles in stories:
        used: list[str] = []
        story, _ = run_story(articles, settings, used)
        yield (f"{name} (stages: {', '.join(used)}; {len(story.conflicts)} conflicts, "
               f"{len(story.consensus)} consensus)")
        yield from report(story)


# --- planted conflicts (`newsprism eval compare`) ---------------------------------------------
#
# The plants come from `compare_plants.py`. Found = a conflict of that kind with A's sentence
# and B's copy in different versions; a false alarm = a conflict that sets a control's copy
# against its own source sentence, or against anything when the source holds no side.

_KIND_OF = {"digits": "quantity", "words": "quantity", "vague": "quantity",
            "units": "quantity", "date": "date", "weekday": "date",
            "attribution": "attribution"}


def run_plant(plant: Plant, articles: Sequence[Article], settings: Settings,
              joined: list[Conflict] | None = None) -> tuple[bool, bool, Story]:
    """(found, found as confident, the story) for one plant: B is the article after A.
    A control's copy that only joins its own source's side of a conflict the story has
    anyway is no false alarm: that conflict is appended to `joined` instead."""
    b = next(a for a in articles if a.id == plant.host)
    text = b.text.rstrip() + "\n\n" + plant.inserted + "\n"
    lo = len(b.text.rstrip()) + 2
    hi = lo + len(plant.inserted)
    changed = [dataclasses.replace(a, text=text if a.id == b.id else a.text,
                                   published=a.published or PLANT_PUBLISHED) for a in articles]
    story, ctx = run_story(changed, settings)
    # Spans refer to the cleaned texts, which may differ from the raw ones (headers cut):
    # find both sentences there again.
    a_raw = next(a for a in articles if a.id == plant.source).text[plant.start:plant.end]
    cleaned = {a.id: a.text for a in ctx.articles}
    lo, hi = _located(cleaned.get(b.id, text), plant.inserted, lo, hi, last=True)
    a_lo, a_hi = _located(cleaned.get(plant.source, ""), a_raw, plant.start, plant.end)
    kind = _KIND_OF[plant.kind.removeprefix("control-")]
    hits = []
    for c in story.conflicts:
        in_b = [v for v in c.versions for s in v.spans
                if s.article_id == b.id and s.start < hi and lo < s.end]
        in_a = [v for v in c.versions for s in v.spans if s.article_id == plant.source
                and s.start < a_hi and a_lo < s.end]
        if plant.kind.startswith("control-"):
            if set(map(id, in_b)) - set(map(id, in_a)):
                hits.append(c)  # the copy against its source, or against another outlet
            elif in_b and joined is not None:
                joined.append(c)
            continue
        if c.kind == kind and in_a and in_b and not set(map(id, in_a)) & set(map(id, in_b)):
            hits.append(c)
    return bool(hits), any(c.status == "confident" for c in hits), story


def _located(text: str, sentence: str, lo: int, hi: int, last: bool = False
             ) -> tuple[int, int]:
    """Where `sentence` stands in `text` (its last occurrence for the appended copy); the
    given offsets when it is not found there as written."""
    at = text.rfind(sentence) if last else text.find(sentence)
    return (at, at + len(sentence)) if at >= 0 else (lo, hi)


def planted_stories(data: Path, part: str) -> list[tuple[str, list[Article]]]:
    """Real multi-outlet stories: NeuS train lines and ECB+ (odd, shared) topics. `part`:
    "tune" (even NeuS lines, topics 1-21), "blind" (odd lines, topics 23-45) or "all"."""
    out: list[tuple[str, list[Article]]] = []
    source = data / "neus" / "train.source"
    if source.exists():
        with source.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if part == "all" or (n % 2 == 0) == (part == "tune"):
                    out.append((f"neus:{n}", neus_articles(source, n, line)))
    ecb = data / "ecbplus"
    if ecb.exists():
        for topic in sorted((p for p in ecb.iterdir() if p.name.isdigit()),
                            key=lambda p: int(p.name)):
            if int(topic.name) % 2 == 1 and (part == "all" or
                                             (int(topic.name) <= 21) == (part == "tune")):
                out.append((f"ecb:{topic.name}", ecb_articles(topic, limit=4)))
    return out


def command(data: Path, part: str = "tune", per_kind: int = 40,
            report: Callable[[str], None] | None = None) -> dict:
    """Recall per planted kind (any status, and confident only) and false alarms on controls."""
    say = report or (lambda line: print(line, file=sys.stderr))
    settings = Settings()
    stories = planted_stories(Path(data), part)
    if not stories:
        raise ValueError(f"{data}: no NeuS or ECB+ stories found")
    names = SWAP_NAMES
    counts: dict[str, list[int]] = {}
    missed: list[str] = []
    for story, articles in stories:
        if len(articles) < 2:
            continue
        for plant in plants_for(story, articles, names):
            tally = counts.setdefault(plant.kind, [0, 0, 0, 0])
            if tally[0] >= per_kind:
                continue
            joined: list[Conflict] = []
            found, confident, _ = run_plant(plant, articles, settings, joined)
            tally[0] += 1
            tally[1] += found
            tally[2] += confident
            tally[3] += bool(joined)
            if found == plant.kind.startswith("control-"):
                missed.append(f"{plant.kind} {story}: {plant.inserted[:120]}")
            elif joined:
                missed.append(f"{plant.kind} {story} (joins its source's side, not counted): "
                              f"{plant.inserted[:120]}")
        if len(counts) == 2 * len(_KIND_OF) and all(t[0] >= per_kind for t in counts.values()):
            break
    for line in missed:
        say(line)
    result: dict = {"part": part, "stories": len(stories)}
    for kind, (n, n_found, n_confident, n_joined) in sorted(counts.items()):
        if kind.startswith("control-"):
            result[kind] = {"n": n, "false_alarms": n_found,
                            "confident_false_alarms": n_confident,
                            "joined_source_side": n_joined}
        else:
            result[kind] = {"n": n, "recall": round(n_found / n, 3) if n else None,
                            "recall_confident": round(n_confident / n, 3) if n else None}
    return result


def real_stories(data: Path, lines: range) -> list[tuple[str, list[Article]]]:
    """The hand-checked real set: NeuS train lines (three outlets each) and every ECB+ odd
    topic twice (its `ecb` documents, then its `ecbplus` ones: two similar events)."""
    out: list[tuple[str, list[Article]]] = []
    source = data / "neus" / "train.source"
    if source.exists():
        with source.open(encoding="utf-8") as fh:
            out += [(f"neus:{n}", neus_articles(source, n, line))
                    for n, line in enumerate(fh, 1) if n in lines]
    ecb = data / "ecbplus"
    if ecb.exists():
        for topic in sorted((p for p in ecb.iterdir() if p.name.isdigit()),
                            key=lambda p: int(p.name)):
            if int(topic.name) % 2 == 1:
                out += [(f"{kind}:{topic.name}", ecb_articles(topic, kind))
                        for kind in ("ecb", "ecbplus")]
    return out


def real_command(data: Path, lines: range, report: Callable[[str], None] | None = None) -> dict:
    """Every conflict on real multi-outlet stories, one line each (story, kind, status,
    confidence, about, versions, why), for judging by hand; returns the counts."""
    say = report or print
    stories = real_stories(Path(data), lines)
    if not stories:
        raise ValueError(f"{data}: no NeuS or ECB+ stories found")
    settings = Settings()
    counts: dict[str, int] = {"stories": len(stories), "confident": 0, "possible": 0}
    for name, articles in stories:
        if len(articles) < 2:
            continue
        story, _ = run_story(articles, settings)
        for c in story.conflicts:
            counts[c.status] += 1
            versions = " | ".join(f"{v.value!r} {list(v.article_ids)}" for v in c.versions)
            say(f"{name}\t{c.kind}\t{c.status}\t{c.confidence}\t{c.about}\t{versions}\t{c.why}")
    return counts
