"""Precision checking for the compare stage: run the line on a small set of articles (one
story) and print every conflict and consensus finding, numbered, so a person can judge each.

    python -m newsprism.eval.compare seeds /work/shared/seeds
    python -m newsprism.eval.compare neus /work/shared/data/neus/train.source 3 17 42 ...
    python -m newsprism.eval.compare ecb /work/shared/data/ecbplus 1 3 5 ...

Stages that are not installed yet are skipped (entities fall back to none), so the helper
works on whatever part of the line exists; the printout says which were used.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path

from ..model import Article, ArticleFacts, Story, StoryContext
from ..settings import Settings

_SEED_DATE = re.compile(r"(?:19|20)\d{2}-\d{2}-\d{2}")


def run_story(articles: Sequence[Article], settings: Settings,
              used: list[str] | None = None) -> tuple[Story, StoryContext]:
    """The line on one story's articles, taken from `pipeline.STAGES`: clean, extract, reuse,
    entities and compare (what `analyze` runs, with the articles given as one story)."""
    import dataclasses

    from ..nlp import load_pipeline, parse_many
    from ..pipeline import stage_function

    used = used if used is not None else []
    clean, extract = stage_function("clean"), stage_function("extract")
    articles = [clean(a, settings) for a in articles]
    nlp = load_pipeline(settings.spacy_model, settings.spacy_fast_rules)
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


def neus_articles(path: Path, line_no: int) -> list[Article]:
    """One NeuS story (1-based line number): three outlets' excerpts separated by [SEP]."""
    line = None
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


def main(argv: Sequence[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("seeds", "neus", "ecb"):
        print(__doc__)
        return 2
    settings = Settings()
    if argv[0] == "seeds":
        stories = [("seeds", seed_articles(Path(argv[1])))]
    elif argv[0] == "ecb":
        stories = [(f"topic {t}", ecb_articles(Path(argv[1]) / t)) for t in argv[2:]]
    else:
        stories = [(f"line {n}", neus_articles(Path(argv[1]), int(n))) for n in argv[2:]]
    for name, articles in stories:
        used: list[str] = []
        story, _ = run_story(articles, settings, used)
        print(f"{name} (stages: {', '.join(used)}; {len(story.conflicts)} conflicts, "
              f"{len(story.consensus)} consensus)")
        for line in report(story):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
