"""Neutral wording for summary sentences.

Loaded terms come from three places: the compare stage's per-outlet loaded terms
(`story.tones[*].loaded_terms`), its framing table (how each outlet names an entity:
`story.framing`), and our own short list of loaded news wording (`lexicons/neutral_terms.txt`).
A loaded term outside quote marks is replaced by a plain form: the entity's canonical name for a
framing term, the lexicon's plain word otherwise, or dropped when it only modifies the next word.
A term with no plain form is kept only as a quotation ("“term”") and the sentence is marked for
attribution, so the summary never adopts an outlet's word as its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model import Article, Story, StoryContext
from ..outlets import display_name, host_of
from ..text import fold

_PRONOUNS = frozenset("he she they it him her them his its their we i you this that".split())
# Quoted stretches: curly or straight double quotes, and curly single quotes (scare quotes).
# Straight single quotes are left alone: they are usually apostrophes.
# A word run, and the characters that IGNORECASE equates with an ASCII letter although
# lower() does not make them that letter (dotted/dotless i, long s).
_RUN = re.compile(r"[^\W_]+")
_ODD_CASE = re.compile("[\u0130\u0131\u017f]")
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’|«[^»]*»")
_LOWER_START = frozenset("a an the in on at after before as by for from of to with when while "
                         "during since some many several within without not under over amid "
                         "despite among across through until then now more most only even "
                         "just if next last this these those there it its they their we our "
                         "he she his her although though because once what how why where "
                         "whether each every all both no few other another about around "
                         "nearly almost also instead so "
                         # number words ("Ten candidates took the stage"); not "one" (One
                         # America News and other names)
                         "two three four five six seven eight nine ten eleven twelve twenty "
                         "dozens hundreds thousands millions "
                         # before a title and a name: "According to X, Former Trump campaign
                         # chairman Paul Manafort …" (stop 45); "former President Obama"
                         "former".split())


@dataclass(frozen=True, slots=True)
class Rewrite:
    text: str
    quoted_terms: tuple[str, ...]  # loaded terms with no plain form, now inside quote marks
    replaced: tuple[tuple[str, str], ...]  # (loaded, plain) pairs applied

    @property
    def needs_attribution(self) -> bool:
        return bool(self.quoted_terms)


def _alternation(keys: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex for the folded keys: their words with any punctuation/space between them,
    word boundaries at both ends, longest key first (so the longest term wins at a place)."""
    ordered = sorted((k for k in keys if k), key=lambda k: (-len(k), k))
    parts = [r"[\W_]+".join(re.escape(w) for w in k.split()) for k in ordered]
    if not parts:
        return None
    return re.compile(r"(?<![\w’'-])(" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _builtin_pattern() -> re.Pattern[str] | None:
    return _alternation(tuple(builtin_lexicon()))


@lru_cache(maxsize=1)
def builtin_lexicon() -> dict[str, str]:
    """Our list of loaded wording: folded phrase -> plain form ("" = drop the modifier)."""
    text = resources.files("newsprism.lexicons").joinpath("neutral_terms.txt").read_text(
        encoding="utf-8")
    out: dict[str, str] = {}
    for line_no, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        left, sep, right = line.partition("->")
        loaded = [x.strip() for x in left.split("|")]
        plain = [x.strip() for x in right.split("|")]
        if not sep or len(loaded) != len(plain):
            raise ValueError(f"lexicons/neutral_terms.txt:{line_no}: expected 'a|b -> x|y' with "
                             f"as many plain forms as loaded ones, got {raw!r}")
        for a, b in zip(loaded, plain, strict=True):
            out[fold(a)] = "" if b == "-" else b
    return out


@lru_cache(maxsize=1)
def _compare_lexicon() -> frozenset[str]:
    """Single loaded words of the compare stage's lexicon (lexicons/loaded_terms.txt), when it
    is there: a framing descriptor holding one of them is loaded."""
    try:
        from ..lexicons import load_lexicon
    except ImportError:
        return frozenset()
    return frozenset(t for t in load_lexicon() if " " not in t)


_ASIDE = re.compile(r"\s+\([^()]{1,120}\)"  # (an aside)
                    r"|\s+[—–]\s*[^—–\"“”]{1,120}?\s*[—–](?=\s)"  # — an aside —
                    r"|\s+--\s[^\"“”]{1,120}?\s--(?=\s)")  # -- an aside --


# A place and its agency in parentheses ("Miami (CNN)", "Washington (CNN)"), which may open a
# sentence without a dash (`standalone.strip_dateline` cuts it).
PLACE_AGENCY = r"[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*){0,3}\s*\([A-Z][A-Za-z.&' -]{1,30}\)\s*"
# A dateline and its dash: "WASHINGTON —", "NEW YORK (AP) --"; or a place and its agency with
# none: "Washington (CNN) Democrats took ..." (stop 55: the agency dropped as an aside left
# "Washington Democrats took ..." for the summary, a dateline no longer seen as one).
_DATELINE_DASH = re.compile(r"[A-Z][A-Z.'’,\s-]*?\s*(?:\([^()]{1,40}\))?\s*(?:—|–|--)\s+"
                            r"|" + PLACE_AGENCY + r"(?=[A-Z“\"])")


def compress(text: str) -> str:
    """Drop asides in parentheses or between dashes (outside quotes): they rarely carry the
    news, and they lengthen the summary without adding what several sources agree on."""
    lead = _DATELINE_DASH.match(text)
    if lead is not None:
        # "CITY — X did Y — and warned ...": the first dash ends a dateline, so what
        # follows is the sentence itself, not an aside.
        return text[:lead.end()] + compress(text[lead.end():])
    regions = quoted_regions(text)
    out, pos = [], 0
    for m in _ASIDE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in regions):
            continue
        out.append(text[pos:m.start()])
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Quoted stretches; an opening mark the text never closes (a sentence that ends inside
    its quote) quotes to the end."""
    regions = [(m.start(), m.end()) for m in QUOTED.finditer(text)]
    last = regions[-1][1] if regions else 0
    opened = text.find("“", last)
    if opened >= 0 and "”" not in text[opened:]:
        regions.append((opened, len(text)))
    return regions


_SUFFIXED = re.compile(r"[’'](?:s|re|ve|ll|d|m)$")


def lower_first(text: str, common: frozenset[str] = frozenset()) -> str:
    """Lower-case the first word when it is a function word or a word the story's texts use in
    lower case (`common`): never a name."""
    first, _, rest = text.partition(" ")
    word = first.rstrip(",;:").lower()  # "Now, states are ..." (round 12)
    # A possessive or a contraction is judged by its word: "It's" is lowered, "Cutter's" (a
    # name whose possessive the texts happen to write only at a sentence's start) is not.
    word = _SUFFIXED.sub("", word)
    # "President Biden", "Vice President Harris": a title before a name stays as written
    # (a word with a comma after it is none: "Today, Nancy Pelosi ...", stop 56).
    if rest[:1].isupper() and word not in _LOWER_START and not first.endswith(","):
        return text
    if any(c.isupper() for c in first[1:]):
        return text  # "WikiLeaks", "McCain": a capital inside the word marks a name
    if first[:1].isupper() and (first[1:2].islower() or len(first) == 1) and (
            word in _LOWER_START or word in common):
        return first.lower() + text[len(first):]
    return text


def lower_words(texts: list[str]) -> frozenset[str]:
    """Words written in lower case somewhere in `texts`: safe to lower-case at a sentence start."""
    return frozenset(w for t in texts for w in re.findall(r"\b[a-z][a-z'-]+\b", t))


_CAPITALISED = re.compile(r"\b[A-Z][a-z][a-z'-]*\b")
_AT_START = re.compile(r"(?:^|[.!?][\"”’)]?\s+|\n\s*|[“\"(]\s*)$")


def start_only_words(texts: list[str], names: frozenset[str] | set[str] = frozenset()
                     ) -> frozenset[str]:
    """Words the texts write with a capital only at a sentence's start ("Clashes went on ..."),
    never inside one, and that are no entity's name (`names`, folded words): ordinary words,
    safe to lower-case after "According to X,"."""
    start: set[str] = set()
    inside: set[str] = set()
    for t in texts:
        for m in _CAPITALISED.finditer(t):
            (start if _AT_START.search(t[max(0, m.start() - 3):m.start()]) else inside).add(
                m.group().lower())
    return frozenset(w for w in start - inside if w not in names)


def attribute(text: str, sources: str, common: frozenset[str] = frozenset()) -> str:
    """"According to X, ..."; a sentence that already names its own source ("According to
    CDC data, ...") becomes "X reports that according to CDC data, ..."."""
    verb = "report" if " and " in sources or sources.endswith("outlets") else "reports"
    if text.lower().startswith("according to "):
        return f"{sources[:1].upper()}{sources[1:]} {verb} that {text[:1].lower()}{text[1:]}"
    # "..., according to the agency." ends on its own source: named first, not after a second
    # "According to" ("X reports that according to the agency, ...").
    tail = _TRAILING_SOURCE.search(text)
    if tail is not None and len(text[:tail.start()].split()) >= 4:
        body = lower_first(text[:tail.start()], common)
        return f"{sources[:1].upper()}{sources[1:]} {verb} that according to " \
            f"{tail.group(1)}, {body}{text[-1] if text[-1] in '.!?' else '.'}"
    return f"According to {sources}, {lower_first(text, common)}"


_TRAILING_SOURCE = re.compile(r",\s+according to ([^,;“”\"]{2,60}?)[.!?]?$")


SHARED_TERM_ARTICLES = 2


def for_story(ctx: StoryContext) -> Neutralizer:
    return Neutralizer(ctx.story, texts=[a.text for a in ctx.articles])


class Neutralizer:
    """Rewrites text so loaded terms appear only inside quote marks."""

    def __init__(self, story: Story, use_builtin: bool = True, texts: Sequence[str] = ()) -> None:
        name_words = {w for e in story.entities for n in (e.name, *e.aliases)
                      for w in fold(n).split()}
        # A person's name is never lowered, though the texts write it as a word elsewhere
        # ("According to Vox, may will step down", Theresa May; stop 56); names of two words
        # or more only (the model tags lone words such as "Feet" as people).
        people = {w for e in story.entities if e.type == "PERSON" and len(e.name.split()) > 1
                  for w in fold(e.name).split()}
        self.common = (lower_words(list(texts)) - people) \
            | start_only_words(list(texts), name_words)
        self._folded = [f" {fold(t)} " for t in texts]  # folded: no punctuation
        self._shared: dict[str, bool] = {}
        plain: dict[str, str | None] = dict(builtin_lexicon()) if use_builtin else {}
        self.compare_terms: set[str] = set()
        for tone in story.tones:
            for term in tone.loaded_terms:
                key = fold(term)
                if key and len(key) >= 2:
                    self.compare_terms.add(key)
                    plain.setdefault(key, None)
        loaded_words = {w for k in plain for w in k.split()} | _compare_lexicon()
        names = {e.id: e for e in story.entities}
        for fr in story.framing:
            entity = names.get(fr.entity)
            if entity is None:
                continue
            own = {fold(entity.name)} | {fold(a) for a in entity.aliases}
            for _, terms in fr.by_outlet:
                for term in terms:
                    key = fold(term)
                    # Only a descriptor that carries a loaded word ("the rogue regime")
                    # stands in for the name; titles and plain descriptions ("the president",
                    # "the city") stay as written.
                    if (not key or key in own or key in _PRONOUNS or len(key) < 3
                            or not set(key.split()) & loaded_words):
                        continue
                    plain[key] = entity.name
                    bare = re.sub(r"^(?:the|a|an|this|that) ", "", key)
                    if bare != key and len(bare) >= 3:
                        plain.setdefault(bare, entity.name)
        self.plain = plain
        # Entity names a framing term stands for, with their last words ("Ghani"), so a term
        # right before the name ("the Western-backed president Ashraf Ghani") is dropped
        # rather than doubled.
        self._names = {e.name: {fold(e.name)} | {fold(a) for a in e.aliases}
                       | {fold(e.name).split()[-1]} for e in story.entities if fold(e.name)}
        # The built-in lexicon's pattern is compiled once per process; the story's own terms
        # (usually few or none) get a small pattern of their own.
        static = builtin_lexicon() if use_builtin else {}
        own_terms = tuple(k for k in plain if k and k not in static)
        self._patterns = [p for p in (_builtin_pattern() if use_builtin else None,
                                      _alternation(own_terms)) if p is not None]
        # Every match starts with the first word run of its key, as a whole word run of the
        # text: a text with none of those runs has no match (most sentences), and skips the
        # scan of the long alternation. Off when a key is not ASCII or starts with no run.
        leads = [(_RUN.match(k), k.isascii()) for k in plain]
        self._leads = (frozenset(m.group() for m, _ in leads if m)
                       if all(m and ascii_ for m, ascii_ in leads) else None)

    def _finditer(self, text: str) -> list[re.Match[str]]:
        """Leftmost-longest, non-overlapping matches of all the patterns (what one alternation
        of every key, longest first, would find)."""
        if (self._leads is not None and not _ODD_CASE.search(text)
                and self._leads.isdisjoint(_RUN.findall(text.lower()))):
            return []
        if len(self._patterns) == 1:
            return list(self._patterns[0].finditer(text))
        found = sorted((m for p in self._patterns for m in p.finditer(text)),
                       key=lambda m: (m.start(), -(m.end() - m.start())))
        out: list[re.Match[str]] = []
        for m in found:
            if not out or m.start() >= out[-1].end():
                out.append(m)
        return out

    def loaded_in(self, text: str, outside_quotes: bool = True) -> list[str]:
        """The loaded terms (folded) found in `text`, by default only outside quote marks."""
        if not self._patterns:
            return []
        regions = quoted_regions(text) if outside_quotes else []
        found = []
        for m in self._finditer(text):
            if any(s <= m.start() and m.end() <= e for s, e in regions):
                continue
            found.append(fold(m.group()))
        return found

    def shared(self, key: str) -> bool:
        """Whether SHARED_TERM_ARTICLES or more of the story's articles, and at least half of
        them, write the loaded term (folded) `key`: then it is how the story is told ("hate
        crimes", "criminal justice"), not one outlet's word choice, and quoting it would
        single out one outlet for words all use."""
        if key not in self._shared:
            n = sum(f" {key} " in t for t in self._folded)
            self._shared[key] = n >= SHARED_TERM_ARTICLES and 2 * n >= len(self._folded)
        return self._shared[key]

    def rewrite(self, text: str) -> Rewrite:
        if not self._patterns:
            return Rewrite(text, (), ())
        regions = quoted_regions(text)
        out: list[str] = []
        quoted: list[str] = []
        replaced: list[tuple[str, str]] = []
        pos = 0
        for m in self._finditer(text):
            if any(s <= m.start() and m.end() <= e for s, e in regions):
                continue
            term = m.group()
            if _in_name(text, m.start(), term):
                continue
            key = fold(term)
            plain = self.plain.get(key)
            after = text[m.end():]
            follows_word = re.match(r"\s+[A-Za-z]", after) is not None
            if plain is None and self.shared(key):
                continue  # the story's word, not one outlet's choice: stated as written
            out.append(text[pos:m.start()])
            if plain is None or (plain == "" and not follows_word):
                out.append(f"“{term}”")
                quoted.append(key)
                pos = m.end()
                continue
            if plain == "":
                # Drop the modifier and the space after it; a coordinated one takes its
                # "and"/comma along ("swift and stunning rout" -> "swift rout").
                out[-1] = re.sub(r"(?:,|\s+(?:and|or))\s+$", " ", out[-1])
                pos = m.end() + (len(after) - len(after.lstrip()))
                replaced.append((key, ""))
                out.append(_MARK)
                continue
            of = re.match(r"\s+of\s+", after)  # "the puppet regime of Velmar"
            if of and plain in self._names and any(
                    fold(after[of.end():of.end() + len(n) + 3]).startswith(n)
                    for n in self._names[plain]):
                pos = m.end() + of.end()
                replaced.append((key, ""))
                out.append(_MARK)
                continue
            if plain in self._names and any(fold(after[:len(n) + 3]).startswith(n)
                                            for n in self._names[plain]):
                pos = m.end() + (len(after) - len(after.lstrip()))
                replaced.append((key, ""))
                out.append(_MARK)
                continue
            if of and fold(after[of.end():]).startswith(plain) and not term[:1].isupper():
                # "a firestorm of criticism" is criticism, not "a criticism of criticism"
                # (stop 55, a real summary): the term, its "of" and an "a" before it go.
                out[-1] = re.sub(r"\b[Aa]n?\s+$", "", out[-1])
                pos = m.end() + of.end()
                replaced.append((key, ""))
                out.append(_MARK)
                continue
            if term[:1].isupper() and plain[:1].islower():
                plain = plain[:1].upper() + plain[1:]
            out.append(_MARK + plain)
            replaced.append((key, plain))
            pos = m.end()
        out.append(text[pos:])
        new = _fix_articles("".join(out))
        return Rewrite(new, tuple(quoted), tuple(replaced))


def _in_name(text: str, start: int, term: str) -> bool:
    """A capitalised term right after a capitalised word is part of a name ("Jeremy Bash"),
    not the loaded word ("bash")."""
    before = text[:start].split()
    return (term[:1].isupper() and bool(before) and before[-1][:1].isupper()
            and before[-1][-1:] not in ".!?:;,\"”")


_MARK = "\x00"  # where a word was dropped or replaced, so only those articles are re-fixed


def _fix_articles(text: str) -> str:
    """'a' / 'an' agree with the next word again after a modifier was dropped or replaced."""
    def fix(m: re.Match[str]) -> str:
        art, space, word = m.group(1), m.group(2), m.group(3)
        vowel = word[:1].lower() in "aeiou" and not word.lower().startswith(("uni", "use", "eu"))
        new = "an" if vowel else "a"
        if art[:1].isupper():
            new = new.capitalize()
        return new + space + word
    fixed = re.sub(r"\b([Aa]n?)(\s+)\x00([A-Za-z][\w-]*)", fix, text)
    return fixed.replace(_MARK, "")


_COUNT_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten")


def outlet_name(article: Article) -> str | None:
    """The article's outlet when it is a real name (the `outlet` field as the outlet entities
    show it, else the URL's host); never a file name or path (`outlets.display_name`)."""
    return display_name(article.outlet) or host_of(article.url)


def _count(n: int) -> str:
    return _COUNT_WORDS[n] if n < len(_COUNT_WORDS) else "several"


def name_outlets(articles: Sequence[Article], other: bool = False) -> str:
    """"The Jerusalem Post and two other outlets", "one outlet", or with `other` (a second
    side of a dispute) "another outlet": outlets without a real name are counted, not named
    by their file."""
    names = sorted({n for a in articles if (n := outlet_name(a)) is not None})
    unnamed = len({a.id for a in articles if outlet_name(a) is None})
    if not unnamed:
        return join_names(names)
    if names:
        rest = "one other outlet" if unnamed == 1 else f"{_count(unnamed)} other outlets"
        return join_names([*names, rest])
    if unnamed == 1:
        return "another outlet" if other else "one outlet"
    return f"{_count(unnamed)} other outlets" if other else f"{_count(unnamed)} outlets"


def join_names(names: list[str]) -> str:
    names = list(dict.fromkeys(names))
    if len(names) <= 1:
        return names[0] if names else ""
    return ", ".join(names[:-1]) + " and " + names[-1]


@lru_cache(maxsize=1)
def _loaded_pattern() -> re.Pattern[str] | None:
    return _alternation(tuple(_loaded_lexicon()))


@lru_cache(maxsize=1)
def _loaded_lexicon() -> frozenset[str]:
    try:
        from ..lexicons import load_lexicon
    except ImportError:
        return frozenset()
    return frozenset(load_lexicon())


def loaded_words(text: str) -> list[str]:
    """The loaded-lexicon terms (lexicons/loaded_terms.txt) in `text`, folded."""
    pattern = _loaded_pattern()
    return [fold(m.group()) for m in pattern.finditer(text)] if pattern and text else []
