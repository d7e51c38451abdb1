"""Named-entity mentions: spaCy's NER plus our fixes for errors seen on scraped news.

Fixes (each general, none keyed to a corpus):
- titles ("Maj. Gen.", "Defense Minister") are cut from PERSON spans and kept in
  `Mention.title`;
- "al-X" names tagged PERSON become ORG when the same words are tagged ORG/GPE elsewhere in the
  article, or when a lone "al-X" is never the end of a fuller person name in the article
  (media and groups: "Al-Mayadeen"); after a locative preposition they become GPE;
- an ORG that swallowed a following person name ("the Armed Forces of ... Iran Mohammad
  Qaderi") is split when its last word is a surname the article tags PERSON elsewhere (or
  writes after a title), or its last two words are a first name of the table and a name
  ("the House of Representatives Nancy Pelosi");
- a one-word PERSON right after "the" ("the Herald") becomes ORG; a one-word ORG/GPE/LOC/FAC that is
  the surname of a person the article names in full becomes PERSON;
- long entity spans on menu or headline lines (no lower-case words) are dropped; PERSON spans on
  headline lines are cut before the first word the article also uses in lower case;
- a leading "the" is dropped from place names so "the United States" and "United States" meet;
- a capital used as an actor (subject, possessive, "by X", "X-Y relations") gets
  `sense="government"`, so entity resolution may fold it into its country; "in X" never does;
- outlets and platforms are never PERSON: a "person" that is a platform ("Twitter") or the
  article's own outlet becomes ORG;
- a title and a name the model typed ORG ("Major General Firstname Surname") is the person,
  when the name has a first name in the shipped table or a surname the article tags PERSON;
  a name typed ORG/GPE/FAC, or left untagged, whose surname the article writes after a
  person's title ("Gen. Brandt") is that person; so is an untagged known first name and the
  surname of a person named in full ("Ivanka Trump"), and a one-word ORG/GPE/LOC/FAC that is
  the known first name of exactly one person named in full ("Ivanka said", stop 40); a
  two- or three-word name typed ORG ending in the surname of a person named in full, with a
  speech verb right before or after it, is a relative ("Genesis Palomo said", stop 44);
- a name with a lower-case particle typed ORG ("Odile de Rugal", "Adel al-Hamid") is the
  person when its first word is a first name of the table, a person's title stands before
  it, or a speech verb stands right before or after it ("said Odile de Rugal, ..."); "Bank
  of America" (no particle) and names ending in an organisation word are never touched;
- a span over a line break ("Jane Roe\n\nFairbank": a credit and the next paragraph) is cut
  at the break; the part after it is dropped.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from typing import TYPE_CHECKING

from ..model import Article, Mention
from ..nlp.loader import ents_of, text_of, tokens_of
from ..text import fold
from .name_openers import common_word, month_after_preposition, opens_no_name
from .name_tail import lower_tail_end, role_apposed
from .names import CAPITALS, PLATFORMS, is_title_token, name_gender
from .persons import speaking_full_names

if TYPE_CHECKING:
    from spacy.tokens import Token

LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT",
                    "WORK_OF_ART"})
_AL = re.compile(r"(?:^|\s)(?:al|el)-\w", re.I)
_LONE_AL = re.compile(r"(?:al|el)-[\w'’-]+", re.I)
_LOCATIVE = frozenset({"in", "near", "at", "into", "around", "outside", "inside", "across",
                       "toward", "towards", "through", "from"})
_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
_CONNECTORS = frozenset({"of", "and", "the", "for", "on", "in", "&", "-", "a"})
# Last words of organisation names: "General Dynamics Corp" is no general.
_ORG_WORDS = frozenset("""corp corporation inc co company ltd llc group party army corps force
forces ministry department office council committee agency bank university college school
institute foundation association union court house senate assembly news times post network
motors electric mills department affairs cooperation relations services resources development
commerce security finance policy journal review magazine tribune herald gazette league federation
""".split())
# (a ministry's portfolio: "Foreign Affairs" is no name; nor a publication's: "told Foreign
# Policy", where "Foreign" reads as a title)


def _opening_modifier(span) -> bool:
    """"Nationally, about a quarter …", "Conceding that …, he warned": a word the model tagged
    PERSON that opens its sentence as an adverb or a participle, not a name (the parser reads
    it as a modifier of the verb, and it is no proper noun)."""
    t = span[0]
    return len(span) == 1 and t.is_sent_start and t.tag_ in ("RB", "VBG", "VBN") \
        and t.dep_ in ("advmod", "advcl")


_POSSESSIVE = ("’s", "'s", "’", "'")
_INVERTED_VERBS = frozenset({"said", "says", "wrote", "writes", "added", "adds", "asked"})


# Lower-case particles inside a person's name ("de Rugal", "van Dorp", "al-Hamid").
_PARTICLE_NAME = re.compile(
    r"^[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)? (?:(?:de|van|von|da|di|du|le|la|del|der|den|des|dos|"
    r"das|bin|ben) )+[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?$"
    r"|^[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)? (?:al|el)-[A-Z][\w'’-]+$")
_SPEECH_LEMMAS = frozenset({"say", "tell", "add", "write", "ask", "explain", "note", "argue"})


def name_token(doc, char: int):
    """The head token of the name at `char` (past its compound and flat parts), or None."""
    if (span := doc.char_span(char, char + 1, alignment_mode="expand")) is None:
        return None
    root = span.root
    while root.dep_ in ("compound", "flat") and root.head.i != root.i:
        root = root.head
    return root


def clause_subject(doc, char: int) -> bool:
    """Whether the name at `char` is the subject of some clause, main or not ("the only time
    Trump ran down Sessions": Trump, not Sessions)."""
    return getattr(name_token(doc, char), "dep_", None) in ("nsubj", "nsubjpass")


def _particle_person(doc, start: int, end: int) -> bool:
    """An ORG span that is a person's name with a particle ("Odile de Rugal"): the shape,
    no organisation word, and a first name of the table, a title before it or a speech verb
    next to it (see the module docstring)."""
    span = doc[start:end]
    if not _PARTICLE_NAME.match(span.text) or any(fold(t.text) in _ORG_WORDS for t in span):
        return False
    if name_gender(span.text.split()[0] + " " + span.text.split()[-1]) is not None:
        return True
    if _title_before(doc, start)[0] is not None:
        return True
    return any(0 <= i < len(doc) and doc[i].lemma_.lower() in _SPEECH_LEMMAS
               for i in (start - 1, end))


def _line_break_end(doc, ent) -> int:
    """The token end of `ent`'s part before its first line break."""
    first = next(k for k in range(ent.start, ent.end) if "\n" in doc[k].text_with_ws)
    return first if doc[first].is_space else first + 1


def _is_menu_line(text: str) -> bool:
    """A line with several words and no lower-case content word: menus, bylines, headlines."""
    toks = re.findall(r"[^\W\d_][\w'’.-]*", text)
    if len(toks) < 6:
        return False
    lower = sum(1 for t in toks if t[0].islower() and t.lower() not in _CONNECTORS)
    return lower * 10 <= len(toks)


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    return ls, (len(text) if le < 0 else le)


def _government_sense(span) -> bool:
    root = span.root
    if root.dep_ in _ACTOR_DEPS:
        return True
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "by":
        return True
    if root.dep_ == "pobj" and head.lower_ in _LOCATIVE:
        return False
    # "Damascus-Tehran relations": a capital joined by a hyphen to another name.
    doc = span.doc
    for i in (span.start - 1, span.end):
        if 0 <= i < len(doc) and doc[i].text in ("-", "–"):
            j = i - 1 if i < span.start else i + 1
            if 0 <= j < len(doc) and doc[j].ent_type_ in ("GPE", "ORG"):
                return True
    return root.dep_ == "conj" and root.head.dep_ in _ACTOR_DEPS


def _title_before(doc, start: int) -> tuple[str | None, int]:
    """Title words directly before token `start` ("Maj. Gen.", "Defense Minister")."""
    i = start
    while i > 0 and (is_title_token(doc[i - 1].text) or doc[i - 1].text in (".", "of")):
        i -= 1
    while i < start and doc[i].text in (".", "of"):
        i += 1
    if i == start:
        return None, start
    return doc[i:start].text, i


def _titled_person(doc, start: int, end: int, surnames: set[str]) -> int | None:
    """Where the name starts in an ORG span that is a title and a person's name ("Major
    General Firstname Surname"), or None: the title words must lead, one to three title-case
    name words follow, and the first of them is a known first name or the last a surname
    the article tags PERSON elsewhere."""
    i = start
    while i < end and (is_title_token(doc[i].text) or doc[i].text == "."):
        i += 1
    name = doc[i:end]
    if i == start or not 1 <= len(name) <= 3 or not all(t.is_title for t in name) \
            or any(fold(t.text) in _ORG_WORDS for t in name):  # not "Major League Baseball"
        return None
    known_first = len(name) >= 2 and name_gender(name.text) is not None
    return i if known_first or fold(name[-1].text) in surnames else None


def _hyphen_end(doc, k: int) -> int:
    """The token index after the word that starts at token `k`, a hyphenated name included:
    "Lind-Berg" is three tokens ("Lind", "-", "Berg") written as one word."""
    j = k + 1
    while j + 1 < len(doc) and not doc[j - 1].whitespace_ and doc[j].text == "-" \
            and not doc[j].whitespace_ and doc[j + 1].is_title and doc[j + 1].is_alpha:
        j += 2
    return j


def _titled_surnames(doc) -> set[str]:
    """Folded last words of the names the article writes after a person's title ("Gen.
    Brandt", "Defense Minister Ali Ayoub"): whatever the model typed them, people."""
    titled: Counter[str] = Counter()
    toks = tokens_of(doc)
    for t in toks:
        if not is_title_token(t.text) or t.text[:1].islower():
            continue
        j = t.i + 1
        while j < len(toks) and toks[j].text == ".":
            j += 1
        run: list[Token] = []
        while j < len(toks) and len(run) < 3 and toks[j].is_title and toks[j].is_alpha \
                and not is_title_token(toks[j].text) and toks[j].ent_type_ != "NORP":
            run.append(toks[j])
            j += 1
        if run and not any(fold(t.text) in _ORG_WORDS for t in run) \
                and fold(run[-1].text) not in CAPITALS and toks[j - 1].pos_ == "PROPN":
            last = doc[run[-1].i:_hyphen_end(doc, run[-1].i)].text  # "Mayor Ana Lind-Berg"
            titled[fold(last)] += 1 if len(run) == 1 else len(doc)
    # A one-word "name" after a title that the article writes more often as a place ("Chief
    # Seattle" in a story about Seattle) is that place, not a person.
    places = Counter(fold(e.text) for e in ents_of(doc) if e.label_ in ("GPE", "LOC"))
    return {w for w, n in titled.items() if n >= places[w]}


def _not_a_person(text: str, article: Article) -> bool:
    """A platform ("Twitter"), the article's own outlet, or a code with a digit after a hyphen
    ("COVID-19", stop 56: "she" was resolved to it), which the model typed PERSON."""
    f = fold(text)
    return f in PLATFORMS or bool(article.outlet) and f == fold(article.outlet or "") \
        or _CODE.search(text) is not None


_CODE = re.compile(r"[A-Za-z]-\d")


# A lower-case letter then a capital inside a word ends one name and starts the next when the
# part before is longer than a name prefix ("PriceCarl"; not "McNeil", "DeLuca", "MacLeod").
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z])")
_NAME_PREFIXES = frozenset({"mc", "mac", "de", "di", "da", "du", "la", "le", "van", "von",
                            "der", "del", "des", "della", "vander", "fitz", "st", "o"})


def _own_name(doc, start: int, k: int, place_words: set[str]) -> bool:
    """An ORG span read as a group and a person's name after it (tokens `start`..`k`, then
    `k`..) that is one name all along: "the Charlotte Observer" (nothing but "the" before the
    first name: people are not named with an article) or "the San Francisco Chronicle" (the
    first name ends a place the article names)."""
    rest = [t for t in doc[start:k] if t.lower_ != "the"]
    if doc[start].lower_ == "the" and len(rest) <= 1:
        return True
    return k > start and doc[k - 1].is_alpha \
        and fold(f"{doc[k - 1].text} {doc[k].text}") in place_words


def _glued(word: str) -> int | None:
    """Where a second name starts inside `word` ("PriceCarl" -> 5), or None."""
    for m in _GLUED.finditer(word):
        rest = re.match(r"[A-Za-z]+", word[m.start():])
        if fold(word[:m.start()]) not in _NAME_PREFIXES and m.start() >= 3 and rest and \
                len(rest.group()) >= 4:  # "MaryAnn" is one name
            return m.start()
    return None


def _well_formed_end(doc, start: int, end: int) -> tuple[int, int | None]:
    """A person span cut to one well-formed name: before a word that repeats an earlier one
    ("Dana Price Price ..."); (token end, None), or (start token's end, char where a glued
    second name begins) when a word holds two names run together."""
    seen: set[str] = set()
    for k in range(start, end):
        word = doc[k].text
        if k > start and doc[k].is_alpha and fold(word) in seen:
            return k, None
        at = _glued(word) if word[:1].isupper() else None
        if at is not None:
            return k + 1, doc[k].idx + at
        seen.add(fold(word))
    return end, None


def find_mentions(article: Article, doc) -> tuple[Mention, ...]:  # noqa: C901  (one fix per known NER error, applied in order)
    """Named-entity mentions of one parsed article, with our fixes applied.

    Long because each known NER fix reads the article-wide sets built at its top, and the fixes
    apply in order."""
    text = text_of(doc)
    ents = [e for e in ents_of(doc) if e.label_ in LABELS]
    person_texts = [e for e in ents if e.label_ == "PERSON"]
    person_lasts = {fold(e.text.split()[-1]) for e in person_texts if len(e.text.split()) > 1}
    non_person = {fold(e.text): e.label_ for e in ents if e.label_ in ("ORG", "GPE", "FAC")}
    titled = _titled_surnames(doc)
    person_lasts |= titled
    surnames = {fold(e[-1].text) for e in person_texts} | titled
    place_words = {fold(e.text) for e in ents if e.label_ in ("GPE", "NORP", "LOC", "ORG")}
    lower = [t for t in tokens_of(doc) if t.is_lower and t.is_alpha]
    lower_words = {t.text for t in lower}
    lower_words |= {t.lemma_.lower() for t in lower}
    menu_cache: dict[int, bool] = {}

    out: list[Mention] = []
    tagged = {t.i for e in ents for t in e}
    for a, b in speaking_full_names(doc, tagged, _SPEECH_LEMMAS, _ORG_WORDS):  # "Adel Nefzi said"
        person_lasts.add(fold(doc[b - 1].text))
        out.append(Mention(article.id, doc[a].idx, doc[b - 1].idx + len(doc[b - 1]),
                           doc[a:b].text, "PERSON"))
    for ent in ents:
        label = ent.label_
        start_tok, end_tok = ent.start, ent.end
        if "\n" in ent.text:
            # A name never runs over a line break: "Jane Roe\n\nFairbank" is a caption's
            # credit and the next paragraph's first word. The part before the break goes on;
            # the part after is dropped (the model's label was for the whole run, and kept it
            # made list labels such as "Upside:" into speakers).
            end_tok = _line_break_end(doc, ent)
            if end_tok <= start_tok:
                continue
        if (label in ("ORG", "GPE", "LOC", "FAC") and " " not in ent.text
                and fold(ent.text) in person_lasts
                and (start_tok == 0 or doc[start_tok - 1].lower_ != "the")):
            # "Rustam Lind ... Lind said": the surname alone (one word, maybe hyphenated:
            # "Lind-Berg"), tagged ORG or LOC by the model, is the person the article has
            # already named in full.
            label = "PERSON"
        elif (label in ("ORG", "GPE", "LOC", "FAC") and 2 <= end_tok - start_tok <= 3
              and fold(doc[end_tok - 1].text) in titled and doc[start_tok].lower_ != "the"
              and all(t.is_title and not is_title_token(t.text) for t in ent)):
            # "Ivo Brandt" typed ORG where the article also writes "Gen. Brandt".
            label = "PERSON"
        elif (label == "ORG" and 2 <= end_tok - start_tok <= 3
              and fold(doc[end_tok - 1].text) in person_lasts and doc[start_tok].lower_ != "the"
              and all(t.is_title and not is_title_token(t.text)
                      and fold(t.text) not in _ORG_WORDS for t in ent)
              and any(0 <= i < len(doc) and doc[i].lemma_.lower() in _SPEECH_LEMMAS
                      for i in (start_tok - 1, end_tok))
              and not any({fold(t.text) for t in ent} <= {fold(w) for w in p.text.split()}
                          for p in person_texts)):
            # "Genesis Palomo said" typed ORG, in an article naming her mother Maria Palomo:
            # a relative sharing the surname, speaking (stop 44). "La Botz wrote", the end of
            # "Dan La Botz", is him (the one-word rule's case, with a two-word surname).
            label = "PERSON"
        elif label == "ORG" and (k := role_apposed(doc, start_tok, end_tok, tagged)) is not None:
            label, start_tok = "PERSON", k  # "Reince Priebus, the GOP chairman," (stop 58)
        particle = label == "ORG" and _particle_person(doc, start_tok, end_tok)
        if particle:
            label = "PERSON"  # "said Odile de Rugal, senior fellow at ..."
        title: str | None = None
        sense: str | None = None
        ls, le = _line_bounds(text, ent.start_char, ent.end_char)
        menu = menu_cache.get(ls)
        if menu is None:
            menu = menu_cache[ls] = _is_menu_line(text[ls:le])
        if menu and end_tok - start_tok >= 5 and label != "PERSON":
            continue  # a site menu or headline run swallowed into one entity
        if label == "ORG" and (person := _titled_person(doc, start_tok, end_tok, surnames)):
            label, start_tok = "PERSON", person
        if label == "PERSON" and _not_a_person(doc[start_tok:end_tok].text, article):
            label = "ORG"
        if label == "PERSON":
            if menu:
                # Headline case: "X Signs Deal" -> "X" (words the article uses in lower case).
                k = start_tok + 1
                while k < end_tok and not common_word(doc[k], lower_words):
                    k += 1
                end_tok = k
            # (and the possessive of a word before the name: "a poor man’s Smith" -> "’s Smith";
            # marks glued into one token: `”― Jane Doe`, a quote signed with a dash; a speech
            # verb written before its speaker: `Wrote Jane Doe: “...”`)
            while start_tok < end_tok - 1 and (is_title_token(doc[start_tok].text)
                                               or doc[start_tok].text in (".", *_POSSESSIVE)
                                               or doc[start_tok].is_punct
                                               or doc[start_tok].lower_ in _INVERTED_VERBS
                                               and doc[start_tok].is_sent_start
                                               or opens_no_name(doc[start_tok], lower_words)
                                               or month_after_preposition(doc[start_tok])):
                start_tok += 1
            title, _ = _title_before(doc, start_tok)
            end_tok = lower_tail_end(doc, start_tok, end_tok)  # "Trump un-presidential"
            end_tok, glued_at = _well_formed_end(doc, start_tok, end_tok)
            if glued_at is not None:
                # A link list run together ("Dana PriceCarl Webb"): the first name only.
                out.append(Mention(article.id, doc[start_tok].idx, glued_at,
                                   text[doc[start_tok].idx:glued_at], "PERSON", title=title))
                continue
            span = doc[start_tok:end_tok]
            if _opening_modifier(span):
                continue
            if (len(span) == 1 and start_tok > 0 and doc[start_tok - 1].lower_ == "the"
                    and title is None):
                # "the Herald", "the Guardian": a one-word name after "the" is a paper or a
                # body, not a person (people are not named with an article in English).
                label = "ORG"
            if _AL.search(span.text) and not particle:
                f = fold(span.text)
                elsewhere = [lab for key, lab in non_person.items() if f in key]
                if elsewhere:
                    label = elsewhere[0]
                elif _LONE_AL.fullmatch(span.text) and fold(span.text) not in person_lasts:
                    label = "ORG"
                elif span.root.dep_ == "pobj" and span.root.head.lower_ in _LOCATIVE:
                    label = "GPE"
        elif label == "ORG":
            span = doc[start_tok:end_tok]
            if all(is_title_token(t.text) for t in span):
                continue  # "Defense" from "Defense Minister", "State" from "Secretary of State"
            last = span[-1]
            first_name_tail = (len(span) >= 3 and span[-2].pos_ == "PROPN"
                               and span[-2].is_title and last.is_title
                               and fold(last.text) not in _ORG_WORDS
                               and name_gender(f"{span[-2].text} {last.text}") is not None)
            k = end_tok
            if (len(span) >= 3 and (fold(last.text) in surnames or first_name_tail)
                    and last.idx > 0
                    and text[last.idx - 1].isspace()):
                # An ORG that swallowed a following person name.
                k = end_tok - 1
                # Given names before the surname: title-case proper nouns that the article
                # never tags as a place or group on their own ("Iran" stops the walk).
                while (k - 1 > start_tok and end_tok - k < 3 and doc[k - 1].pos_ == "PROPN"
                       and doc[k - 1].is_title and fold(doc[k - 1].text) not in place_words
                       and doc[k - 1].tag_ != "NNPS" and not (first_name_tail and k < end_tok - 1)):
                    k -= 1  # (a plural is a body's name: "the House of Representatives")
                if _own_name(doc, start_tok, k, place_words):
                    k = end_tok  # "the Charlotte Observer", "the San Francisco Chronicle"
            if k < end_tok:
                out.append(Mention(article.id, doc[k].idx, doc[end_tok - 1].idx
                                   + len(doc[end_tok - 1]), doc[k:end_tok].text, "PERSON"))
                end_tok = k
        elif label in ("GPE", "LOC", "FAC") and doc[start_tok].lower_ == "the" \
                and end_tok - start_tok > 1:
            start_tok += 1
        span = doc[start_tok:end_tok]
        if len(span) == 0 or not span.text.strip():
            continue
        if label == "GPE" and fold(span.text) in CAPITALS and _government_sense(span):
            sense = "government"
        out.append(Mention(article.id, span.start_char, span.end_char, span.text, label,
                           title=title, sense=sense))
    out.extend(_untagged_people(article, doc, titled, tagged, person_lasts))
    out.sort(key=lambda m: (m.start, m.end))
    return _first_names(out, text, surnames)


def _first_names(mentions: list[Mention], text: str, surnames: set[str]) -> tuple[Mention, ...]:
    """A one-word name typed ORG, GPE, LOC or FAC that is the known first name of exactly one
    person the article names in full, and no one's surname, is that person ("Trump's wife,
    Melania," typed GPE, "Ivanka said" typed ORG, where the article names Ivanka Trump)."""
    full = {m.text: fold(m.text.split()[0]) for m in mentions
            if m.label == "PERSON" and len(m.text.split()) > 1}
    firsts = {f for f, n in Counter(full.values()).items() if n == 1
              and name_gender(f"{f} _") is not None} - surnames
    return tuple(dataclasses.replace(m, label="PERSON") if m.label in ("ORG", "GPE", "LOC", "FAC")
                 and fold(m.text) in firsts
                 and not _THE_BEFORE.search(text, max(0, m.start - 9), m.start) else m
                 for m in mentions)


_THE_BEFORE = re.compile(r"\bthe\s*$", re.IGNORECASE)


def _untagged_people(article: Article, doc, titled: set[str], tagged: set[int],
                     lasts: set[str]) -> list[Mention]:
    """Names the model left untagged whose surname the article writes after a person's title
    ("Syria's Defense Minister, Jonas Erik Lind" where it also writes "Gen. Lind"): runs of
    one to three title-case proper nouns outside every entity, ending in such a surname; or
    a known first name and the surname of a person the article names in full (`lasts`:
    "Ivanka Trump called politics …" untagged, in an article naming Donald Trump)."""
    out: list[Mention] = []
    i = 0
    toks = tokens_of(doc)
    while i < len(toks):
        t = toks[i]
        if i in tagged or t.pos_ != "PROPN" or not t.is_title or is_title_token(t.text):
            i += 1
            continue
        j = i
        while j < len(toks) and j - i < 3 and j not in tagged and toks[j].pos_ == "PROPN" \
                and toks[j].is_title and toks[j].is_alpha and not is_title_token(toks[j].text):
            j += 1
        last = j - 1
        if j > i and (e := _hyphen_end(doc, last)) > j and not tagged & set(range(j, e)):
            j = e  # a hyphenated surname ("Ana Lind-Berg")
        named = j - i >= 2 and fold(doc[last:j].text) in lasts \
            and name_gender(doc[i:j].text) is not None
        if j > i and (fold(doc[last:j].text) in titled or named) \
                and (j == len(toks) or toks[j].pos_ != "PROPN"):
            title, _ = _title_before(doc, i)
            first = next((k for k in range(i, last) if not opens_no_name(toks[k], set())
                          and not month_after_preposition(toks[k])), last)
            span = doc[first:j]  # not "Decoding Trump" (a subheading): "Trump"
            out.append(Mention(article.id, span.start_char, span.end_char, span.text, "PERSON",
                               title=title))
        i = max(j, i + 1)
    return out
