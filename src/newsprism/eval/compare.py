"""Precision checking for the compare stage: run the line on a small set of articles (one
story) and print every conflict and consensus finding, numbered, so a person can judge each.

    python -m newsprism.eval.compare seeds /work/shared/seeds
    python -m newsprism.eval.compare neus /work/shared/data/neus/train.source 3 17 42 ...
    python -m newsprism.eval.compare ecb /work/shared/data/ecbplus 1 3 5 ...

Stages that are not installed yet are skipped (entities fall back to none), so the helper
works on whatever part of the line exists; the printout says which were used.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from ..model import Article, ArticleFacts, Story, StoryContext
from ..settings import Settings

_SEED_DATE = re.compile(r"(?:19|20)\d{2}-\d{2}-\d{2}")


def run_story(articles: Sequence[Article], settings: Settings,
              used: list[str] | None = None) -> tuple[Story, StoryContext]:
    """The line on one story's articles, taken from `pipeline.STAGES`: clean, extract, reuse,
    entities and compare (what `analyze` runs, with the articles given as one story)."""
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


# --- planted conflicts (`newsprism eval compare`) ---------------------------------------------
#
# A real multi-outlet story; one sentence of article A is copied, changed, into article B (its
# own paragraph, inside B's full text). Changed: the quantity (digits, words, vague, units), the
# date, or the speaker of a quote. Controls copy it unchanged (or a unit converted, or the same
# speaker). Found = a conflict of that kind with A's sentence and B's copy in different
# versions; a false alarm = any conflict touching a control's copy.

_SENT = re.compile(r"[^.!?\n]*[.!?]")
_WORD_NUM = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
             "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
             "thirty": 30, "forty": 40, "fifty": 50}
_NUM_WORD = {v: k for k, v in _WORD_NUM.items()}
# A change far outside any rounding or vague range: the figure times three plus seven.
PLANT_FACTOR, PLANT_ADD = 3, 7
_VAGUE_SWAP = {"dozens": "thousands", "hundreds": "dozens", "thousands": "hundreds",
               "tens of thousands": "hundreds", "millions": "thousands"}
# Plain counts only: no bound or approximation before them (a changed "over 1,100" can still
# overlap), no figure glued to another, no time or measure nouns (those are not things).
_COUNT = re.compile(r"(?<![\d,.\-$])(?<!over )(?<!than )(?<!least )(?<!about )(?<!nearly )"
                    r"(?<!some )(?<!almost )(?<!around )(?<!to )(?<!as )(?<!or )(?<!and )"
                    r"(?<!March )\b"
                    r"(?P<num>\d{1,3}(?:,\d{3})+|\d{2,6}|" + "|".join(_WORD_NUM) +
                    r"|tens of thousands|dozens|hundreds|thousands|millions)\s+(?:of\s+)?"
                    r"(?P<noun>(?!(?:years|months|days|weeks|hours|minutes|seconds|decades|"
                    r"points|percent|times|dollars|cents)\b)[a-z]{4,}s)\b", re.I)
_MEASURE = re.compile(r"(?<![\d,.\-])(?<!by )\b(?P<num>\d{1,4}(?:\.\d)?)\s+"
                      r"(?P<unit>miles|kilometers|kilometres|"
                      r"feet|meters|metres|pounds|kilograms|acres|hectares)\b(?!\s+(?:per|an|a)\b)",
                      re.I)
_TO_OTHER = {"miles": ("kilometers", 1.609344), "kilometers": ("miles", 0.621371),
             "kilometres": ("miles", 0.621371), "feet": ("meters", 0.3048),
             "meters": ("feet", 3.28084), "metres": ("feet", 3.28084),
             "pounds": ("kilograms", 0.453592), "kilograms": ("pounds", 2.20462),
             "acres": ("hectares", 0.404686), "hectares": ("acres", 2.47105)}
_MONTH_DAY = re.compile(r"\b(?P<month>January|February|March|April|May|June|July|August|"
                        r"September|October|November|December)\s+(?P<day>\d{1,2}),\s+(?:19|20)\d\d\b")
_QUOTE_SAID = re.compile(r"[\u201c\"](?P<quote>[^\u201d\"]{40,300})[\u201d\"]\s*,?\s*"
                         r"(?:said|says)\s+(?!(?:President|Mr|Ms|Mrs|Dr|Sen|Rep|Gov|The)\b)"
                         r"(?P<name>[A-Z][a-z]+\s+[A-Z][a-z]+)\b"
                         r"|[\u201c\"](?P<quote2>[^\u201d\"]{40,300})[\u201d\"]\s*,?\s*"
                         r"(?!(?:President|Mr|Ms|Mrs|Dr|Sen|Rep|Gov|The)\b)"
                         r"(?P<name2>[A-Z][a-z]+\s+[A-Z][a-z]+)\s+(?:said|says)\b")


@dataclasses.dataclass(frozen=True, slots=True)
class Plant:
    kind: str  # digits, words, vague, units, date, attribution; "control-..." for controls
    story: str  # where the story comes from ("neus:17", "ecb:3")
    source: str  # article A's id
    start: int  # the sentence in A
    end: int
    inserted: str  # the sentence put into B


def _sentences(text: str):
    for m in _SENT.finditer(text):
        s = m.group().strip()
        # Cut at an abbreviation ("the U.") or a figure's point: not a whole sentence.
        if 8 <= len(s.split()) <= 60 and not re.search(r"\b[A-Z]\.$|\d\.$", s) and \
                s[:1].isupper():
            yield m.start() + (len(m.group()) - len(m.group().lstrip())), s


def _changed_count(m: re.Match[str]) -> tuple[str, str] | None:
    """(kind, replacement) for a count: digits and words times three plus seven, vague
    plurals swapped for a range that cannot overlap."""
    num = m.group("num").lower()
    if num in _VAGUE_SWAP:
        return "vague", _VAGUE_SWAP[num]
    if num in _WORD_NUM:
        value = _WORD_NUM[num] * PLANT_FACTOR + PLANT_ADD
        return "words", _NUM_WORD.get(value, _NUM_WORD[max(v for v in _NUM_WORD
                                                           if v >= 2 * _WORD_NUM[num])])
    value = int(num.replace(",", ""))
    if 1900 <= value <= 2100:
        return None  # a year
    return "digits", f"{value * PLANT_FACTOR + PLANT_ADD:,}"


def plants_for(story: str, articles: Sequence[Article], names: Sequence[str]) -> list[Plant]:
    """At most one plant of each kind, and its control, from the story's first article that
    has a sentence for it."""
    out: list[Plant] = []
    done: set[str] = set()
    ids = [a.id for a in articles]
    for art in articles[:-1]:
        host = articles[(ids.index(art.id) + 1) % len(articles)].text.lower()
        for start, sent in _sentences(art.text):
            end = start + len(sent)
            found: list[tuple[str, str, str]] = []  # (kind, changed, control)
            m = _COUNT.search(sent)
            # B must not state the figure itself: it would then hold both versions.
            if m and m.group("num").lower() not in host and (got := _changed_count(m)):
                changed = sent[:m.start("num")] + got[1] + sent[m.end("num"):]
                found.append((got[0], changed, sent))
            m = _MEASURE.search(sent)
            if m:
                value, unit = float(m.group("num")), m.group("unit").lower()
                other, factor = _TO_OTHER[unit]
                keep = f"{value * factor:.1f} {other}"
                moved = f"{value * factor * PLANT_FACTOR + PLANT_ADD:.1f} {other}"
                found.append(("units", sent[:m.start()] + moved + sent[m.end():],
                              sent[:m.start()] + keep + sent[m.end():]))
            m = _MONTH_DAY.search(sent)
            if m and int(m.group("day")) <= 28:
                day = int(m.group("day"))
                new_day = day + 9 if day <= 14 else day - 9
                found.append(("date", sent[:m.start("day")] + str(new_day) + sent[m.end("day"):],
                              sent))
            m = _QUOTE_SAID.search(art.text[max(0, start - 2):end + 60])
            if m and names:
                quote = m.group("quote") or m.group("quote2")
                name = m.group("name") or m.group("name2")
                k = sum(map(ord, story)) % len(names)  # a different real name per story
                other = next((n for n in [*names[k:], *names[:k]]
                              if n.split()[-1] != name.split()[-1]), None)
                q0 = art.text.find(quote)
                if other and q0 >= 0:
                    start, end = q0, q0 + len(quote)
                    found.append(("attribution", f"\u201c{quote.rstrip(',')},\u201d {other} "
                                  "said.", f"\u201c{quote.rstrip(',')},\u201d {name} said."))
            for kind, changed, control in found:
                if kind in done:
                    continue
                done.add(kind)
                out.append(Plant(kind, story, art.id, start, end, changed))
                out.append(Plant("control-" + kind, story, art.id, start, end, control))
    return out


_KIND_OF = {"digits": "quantity", "words": "quantity", "vague": "quantity",
            "units": "quantity", "date": "date", "attribution": "attribution"}


def run_plant(plant: Plant, articles: Sequence[Article], settings: Settings
              ) -> tuple[bool, bool, Story]:
    """(found, found as confident, the story) for one plant: B is the article after A."""
    ids = [a.id for a in articles]
    b = articles[(ids.index(plant.source) + 1) % len(articles)]
    text = b.text.rstrip() + "\n\n" + plant.inserted + "\n"
    lo = len(b.text.rstrip()) + 2
    hi = lo + len(plant.inserted)
    changed = [dataclasses.replace(a, text=text) if a.id == b.id else a for a in articles]
    story, _ = run_story(changed, settings)
    kind = _KIND_OF[plant.kind.removeprefix("control-")]
    hits = []
    for c in story.conflicts:
        in_b = [v for v in c.versions for s in v.spans
                if s.article_id == b.id and s.start < hi and lo < s.end]
        if plant.kind.startswith("control-"):
            if in_b:
                hits.append(c)
            continue
        in_a = [v for v in c.versions for s in v.spans if s.article_id == plant.source
                and s.start < plant.end and plant.start < s.end]
        if c.kind == kind and in_a and in_b and not set(map(id, in_a)) & set(map(id, in_b)):
            hits.append(c)
    return bool(hits), any(c.status == "confident" for c in hits), story


def planted_stories(data: Path, part: str) -> list[tuple[str, list[Article]]]:
    """Real multi-outlet stories: NeuS train lines and ECB+ (odd, shared) topics. `part`:
    "tune" (even NeuS lines, topics 1-21), "blind" (odd lines, topics 23-45) or "all"."""
    out: list[tuple[str, list[Article]]] = []
    source = data / "neus" / "train.source"
    if source.exists():
        lines = range(1001, 1601)
        for n in lines:
            if part == "all" or (n % 2 == 0) == (part == "tune"):
                out.append((f"neus:{n}", neus_articles(source, n)))
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
    names = _speaker_names(stories)
    counts: dict[str, list[int]] = {}
    missed: list[str] = []
    for story, articles in stories:
        if len(articles) < 2:
            continue
        for plant in plants_for(story, articles, names):
            tally = counts.setdefault(plant.kind, [0, 0, 0])
            if tally[0] >= per_kind:
                continue
            found, confident, _ = run_plant(plant, articles, settings)
            tally[0] += 1
            tally[1] += found
            tally[2] += confident
            if found == plant.kind.startswith("control-"):
                missed.append(f"{plant.kind} {story}: {plant.inserted[:120]}")
        if counts and all(t[0] >= per_kind for t in counts.values()) and len(counts) >= 12:
            break
    for line in missed:
        say(line)
    result: dict = {"part": part, "stories": len(stories)}
    for kind, (n, found, confident) in sorted(counts.items()):
        if kind.startswith("control-"):
            result[kind] = {"n": n, "false_alarms": found, "confident_false_alarms": confident}
        else:
            result[kind] = {"n": n, "recall": round(found / n, 3) if n else None,
                            "recall_confident": round(confident / n, 3) if n else None}
    return result


def _speaker_names(stories: Sequence[tuple[str, list[Article]]]) -> list[str]:
    """Real speaker names from the stories' own "..., said First Last" quotes, to swap in."""
    seen: list[str] = []
    for _, articles in stories:
        for a in articles:
            for m in _QUOTE_SAID.finditer(a.text):
                name = m.group("name") or m.group("name2")
                if name not in seen:
                    seen.append(name)
    return seen
