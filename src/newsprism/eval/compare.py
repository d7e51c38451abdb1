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

from ..compare.match import content_words
from ..extract.quantities import SMALL
from ..model import Article, ArticleFacts, Story, StoryContext
from ..settings import Settings
from ..text import dice

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
_NOT_COUNTED = ("(?:years|months|days|weeks|hours|minutes|seconds|decades|seasons|nights|points|"
                "percent|times|dollars|cents|miles|kilometers|kilometres|meters|metres|feet|"
                "inches|pounds|kilograms|acres|hectares|tons|tonnes)")
# Plain counts only: no bound or approximation before them (a changed "over 1,100" can still
# overlap), no figure glued to another, no time or measure nouns (those are not things).
# Not a year written "’18" / "'61", nor a day number beside any month ("June 26 remarks").
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_COUNT = re.compile(r"(?<![\d,.\-$'\u2019])(?<!over )(?<!than )(?<!least )(?<!about )"
                    r"(?<!nearly )(?<!some )(?<!almost )(?<!around )(?<!to )(?<!as )(?<!or )"
                    r"(?<!and )" + "".join(f"(?<!{m} )" for m in _MONTHS) + r"\b"
                    r"(?P<num>\d{1,3}(?:,\d{3})+|\d{2,6}|" + "|".join(_WORD_NUM) +
                    r"|tens of thousands|dozens|hundreds|thousands|millions)\s+(?:of\s+)?"
                    r"(?P<noun>(?!" + _NOT_COUNTED + r"\b)(?-i:[a-z]{4,}s))\b", re.I)
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
                        r"September|October|November|December)\s+(?P<day>\d{1,2})\b")
_NAME = (r"(?!(?:President|Mr|Ms|Mrs|Dr|Sen|Rep|Gov|The|He|She|They|It|We|I|House|Senate|"
         r"Colonel|General|Oxford|Colorado|White)\b)"
         r"(?:[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+)?(?!(?:University|Department|Committee|Resources|"
         r"Civil|Council|Office|Party|Court|Agency|Ministry|News|Times|Post)\b)[A-Z][a-z]+")
_QUOTE_SAID = re.compile(r"[\u201c\"](?P<quote>[^\u201d\"]{40,300})[\u201d\"]\s*,?\s*"
                         r"(?:said|says|told reporters)\s+(?P<name>" + _NAME + r")\b"
                         r"|[\u201c\"](?P<quote2>[^\u201d\"]{40,300})[\u201d\"]\s*,?\s*"
                         r"(?P<name2>" + _NAME + r")\s+(?:said|says|told)\b")
_WEEKDAY = re.compile(r"\bon (?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_ANY_WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_OTHER_DAY = {"Monday": "Thursday", "Tuesday": "Friday", "Wednesday": "Saturday",
              "Thursday": "Monday", "Friday": "Tuesday", "Saturday": "Wednesday",
              "Sunday": "Wednesday"}
CARRIED_DICE = 0.5  # a host sentence this close to the planted one already states the fact
# Who a swapped quote is given to: common full names no story of the data is about (names
# found in the data by a pattern were as often offices: "House Resources", "Oxford University").
SWAP_NAMES = ("Maria Lopez", "David Miller", "Sarah Johnson", "James Wilson", "Anna Schmidt",
              "Robert Brown", "Laura Chen", "Michael Davis")
# The data carries no publish dates: every article of a planted story gets this one, so
# "July 8" and "on Tuesday" resolve (the same day for all outlets).
PLANT_PUBLISHED = "2020-07-08"


@dataclasses.dataclass(frozen=True, slots=True)
class Plant:
    kind: str  # digits, words, vague, units, date, attribution; "control-..." for controls
    story: str  # where the story comes from ("neus:17", "ecb:3")
    source: str  # article A's id
    start: int  # the sentence in A
    end: int
    inserted: str  # the sentence put into B
    host: str = ""  # B's article id


_YEAR = re.compile(r"(?:19|20)\d\d")
_CUT = re.compile(r"(?:\b[A-Z]|\d|\s|\b(?:Rep|Sen|Gov|Gen|Mr|Mrs|Ms|Dr|St|No|Lt|Col|Sgt|"
                  r"Jan|Feb|Aug|Sept|Oct|Nov|Dec|Inc|Co|Corp|Jr|vs))\.$")


def _sentences(text: str):
    for m in _SENT.finditer(text):
        s = m.group().strip()
        # Cut at an abbreviation ("the U.", "Rep.") or a figure's point: not a whole sentence.
        # Two figures in one sentence make a plant ambiguous ("10 feet ... 20 feet").
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        before = text[:start].rstrip(" ")
        whole = not before or before.endswith("\n") or not re.search(_CUT, before)
        if whole and 8 <= len(s.split()) <= 60 and not re.search(_CUT, s) and \
                s.lstrip("\"\u201c\u2018'")[:1].isupper() and \
                len([x for x in re.findall(r"\d[\d,.]*", s) if not _YEAR.fullmatch(x)]) <= 1 and \
                len(_ANY_WEEKDAY.findall(s)) + len(_MONTH_DAY.findall(s)) <= 1:
            yield start, s


def _holds(text: str, num: str) -> bool:
    """Whether a text already states a figure, in digits or words ("18" / "eighteen")."""
    num = num.lower()
    words = {v: k for k, v in SMALL.items() if k not in ("a", "an")}
    value = _WORD_NUM.get(num) or (int(num.replace(",", "")) if num.replace(",", "").isdigit()
                                   else None)
    forms = {num} | ({str(value), words[value]} if value in words else set())
    return any(re.search(r"\b" + re.escape(f) + r"\b", text, re.I) for f in forms)


_ANY_FIGURE = (r"\b(?:\d[\d,.]*|" + "|".join(_WORD_NUM) + r"|a|one|dozens|hundreds|thousands|"
               r"millions|dozen|hundred|thousand|million)\s+(?:[\w-]+\s+){0,3}?")


def _counts(text: str, noun: str) -> bool:
    """Whether a text gives a figure for the counted noun ("about 20 students"): it would
    then hold a version of its own beside the plant."""
    return bool(re.search(_ANY_FIGURE + re.escape(noun[:-1]), text, re.I))


def _changed_count(m: re.Match[str]) -> tuple[str, str] | None:
    """(kind, replacement) for a count: digits and words times three plus seven, vague
    plurals swapped for a range that cannot overlap."""
    num = m.group("num").lower()
    # A figure opening its sentence keeps its capital ("Hundreds of ..." -> "Dozens of ..."):
    # a lower-case opening is parsed differently, and no outlet writes it.
    case = str.capitalize if m.group("num")[:1].isupper() else str
    if num in _VAGUE_SWAP:
        return "vague", case(_VAGUE_SWAP[num])
    if num in _WORD_NUM:
        value = _WORD_NUM[num] * PLANT_FACTOR + PLANT_ADD
        return "words", case(_NUM_WORD.get(value, _NUM_WORD[max(v for v in _NUM_WORD
                                                                if v >= 2 * _WORD_NUM[num])]))
    value = int(num.replace(",", ""))
    if 1900 <= value <= 2100:
        return None  # a year
    return "digits", f"{value * PLANT_FACTOR + PLANT_ADD:,}"


def plants_for(story: str, articles: Sequence[Article], names: Sequence[str]) -> list[Plant]:
    """At most one plant of each kind, and its control: the first sentence of any article
    that has one, put into the first other article (B) that does not already state it."""
    out: list[Plant] = []
    done: set[str] = set()
    carried = {a.id: [content_words(h) for _, h in _sentences(a.text)] for a in articles}
    for art in articles:
        hosts = [h for h in articles if h.id != art.id]
        for start, sent in _sentences(art.text):
            words = content_words(sent)
            for kind, changed, control, span, fits in _candidates(story, art, start, sent,
                                                                  names):
                if kind in done:
                    continue
                # B must not already state the fact or the figure: it would then hold two
                # versions itself, and no outlet would contradict another.
                host = next((h for h in hosts if fits(h.text) and not any(
                    dice(words, w) >= CARRIED_DICE for w in carried[h.id])), None)
                if host is None:
                    continue
                done.add(kind)
                out.append(Plant(kind, story, art.id, span[0], span[1], changed, host.id))
                out.append(Plant("control-" + kind, story, art.id, span[0], span[1], control,
                                 host.id))
    return out


def _candidates(story: str, art: Article, start: int, sent: str, names: Sequence[str]):
    """(kind, changed sentence, control sentence, span in A, host test) for one sentence."""
    end = start + len(sent)
    m = _COUNT.search(sent)
    if m and (got := _changed_count(m)):
        num, noun = m.group("num"), m.group("noun")
        yield (got[0], sent[:m.start("num")] + got[1] + sent[m.end("num"):], sent,
               (start, end), lambda text, num=num, noun=noun: not _holds(text, num)
               and not _counts(text, noun))
    m = _MEASURE.search(sent)
    if m:
        value, unit = float(m.group("num")), m.group("unit").lower()
        other, factor = _TO_OTHER[unit]
        keep = f"{value * factor:.1f} {other}"
        moved = f"{value * factor * PLANT_FACTOR + PLANT_ADD:.1f} {other}"
        # B gives no distance, weight or area of its own.
        yield ("units", sent[:m.start()] + moved + sent[m.end():],
               sent[:m.start()] + keep + sent[m.end():], (start, end),
               lambda text: not _MEASURE.search(text))
    m = _MONTH_DAY.search(sent)
    if m and int(m.group("day")) <= 28:
        day = int(m.group("day"))
        new_day = day + 9 if day <= 14 else day - 9
        yield ("date", sent[:m.start("day")] + str(new_day) + sent[m.end("day"):], sent,
               (start, end), lambda text: True)
    m = _WEEKDAY.search(sent)
    if m:
        yield ("weekday", sent[:m.start("day")] + _OTHER_DAY[m.group("day")]
               + sent[m.end("day"):], sent, (start, end), lambda text: True)
    m = _QUOTE_SAID.search(art.text[max(0, start - 2):end + 60])
    if m and names:
        quote = m.group("quote") or m.group("quote2")
        name = m.group("name") or m.group("name2")
        k = sum(map(ord, story)) % len(names)  # a different real name per story
        swap = next((n for n in [*names[k:], *names[:k]]
                    if n.split()[-1] != name.split()[-1]), None)
        q0 = art.text.find(quote)
        if swap and q0 >= 0:
            said = quote.rstrip(",")
            # B does not carry the quote already (it would name its own speaker).
            yield ("attribution", f"\u201c{said},\u201d {swap} said.",
                   f"\u201c{said},\u201d {name} said.", (q0, q0 + len(quote)),
                   lambda text, said=said: said[:30] not in text)


_KIND_OF = {"digits": "quantity", "words": "quantity", "vague": "quantity",
            "units": "quantity", "date": "date", "weekday": "date",
            "attribution": "attribution"}


def run_plant(plant: Plant, articles: Sequence[Article], settings: Settings
              ) -> tuple[bool, bool, Story]:
    """(found, found as confident, the story) for one plant: B is the article after A."""
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
        if plant.kind.startswith("control-"):
            if in_b:
                hits.append(c)
            continue
        in_a = [v for v in c.versions for s in v.spans if s.article_id == plant.source
                and s.start < a_hi and a_lo < s.end]
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
            tally = counts.setdefault(plant.kind, [0, 0, 0])
            if tally[0] >= per_kind:
                continue
            found, confident, _ = run_plant(plant, articles, settings)
            tally[0] += 1
            tally[1] += found
            tally[2] += confident
            if found == plant.kind.startswith("control-"):
                missed.append(f"{plant.kind} {story}: {plant.inserted[:120]}")
        if len(counts) == 2 * len(_KIND_OF) and all(t[0] >= per_kind for t in counts.values()):
            break
    for line in missed:
        say(line)
    result: dict = {"part": part, "stories": len(stories)}
    for kind, (n, n_found, n_confident) in sorted(counts.items()):
        if kind.startswith("control-"):
            result[kind] = {"n": n, "false_alarms": n_found,
                            "confident_false_alarms": n_confident}
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
