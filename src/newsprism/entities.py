"""One entity per real person, organisation or place across a story's articles.

Rules (see docs/quotes.md, "Entities"):
- people: titles are dropped ("Maj. Gen. X" is X); two full names are one person when their
  surnames are spelling/transliteration variants (`names.same_name_token`: q~gh~k, i~ee, u~o,
  doubled letters, Mohammad/Muhammad/Mohammed, al- dropped) and their first names are variants
  or initials of each other; middle names may be missing. A surname-only mention joins the one
  full name in the story with that surname; when the story has two such people it joins the one
  its own article names, and otherwise stays apart. Two different people sharing a surname are
  never merged (their first names differ). As in the article's speaker pass, a surname with a
  gendered title ("Mrs. X") joins only a full name of that gender (or unknown), and an
  article's early surname (`names.early_surnames`) never joins a full name.
- places: abbreviations and common names meet through a country-alias table
  (U.S./US/USA/America/the United States). A capital joins its country only where the article
  uses it as an actor (`Mention.sense == "government"`: "Tehran backs ...", "backed by
  Tehran", "Damascus-Tehran relations"); "in Tehran" stays the city.
- organisations: case, accents, punctuation and a leading "the" are ignored; an all-capitals
  acronym joins the organisation whose initials it spells, when exactly one does. A one-word
  ORG/FAC that is the surname of a person the story names in full is that person.
- speakers: a quote's speaker name is looked up among the people; an office its article left
  unresolved ("the governor") goes to the one person the story writes with that title.
Canonical name: the fullest form (most words), most frequent among those.

Long because the people rules (generations, namesakes, early surnames, titles) each read the
groups the others made; they are one pass over one story's mentions.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from functools import lru_cache

from .extract.names import (
    CAPITALS,
    PERSON_ROLE_NOUNS,
    country_key,
    early_surnames,
    middle_initials_differ,
    name_gender,
    patronymic_last,
    role_words,
    same_name_token,
    split_title,
    without_brackets,
    without_suffix,
)
from .extract.vague import CROWD_HEADS
from .model import Claim, Entity, Mention, Quote, Story, StoryContext
from .settings import Settings
from .text import fold, stable_id

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW"})
_PLACE = frozenset({"GPE", "LOC", "FAC"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_SUFFIX_FORMS = {"jr": "Jr.", "ii": "II", "iii": "III", "iv": "IV"}
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "in", "on", "de", "&"})


def _name_parts(text: str) -> list[str]:
    """The words of a person's name as written, without titles, a possessive or an editor's
    brackets ("Gov. [Jerry] Brown" -> "Jerry Brown")."""
    _, name = split_title(without_brackets(text.strip()))
    for suffix in ("'s", "’s", "'", "’"):
        name = name.removesuffix(suffix)
    return name.strip(" ,.").split()


@lru_cache(maxsize=1 << 16)
def person_name(text: str) -> str:
    """Surface form without titles or a possessive: "Maj. Gen. Qaderi's" -> "Qaderi".
    Cached: a story asks for the same few names many thousand times."""
    parts = _name_parts(text)
    # Generational suffixes are not surnames: "Charles Elliott Jr." is an Elliott.
    while len(parts) > 2 and fold(parts[-1]) in _SUFFIXES:
        parts.pop()
        parts[-1] = parts[-1].rstrip(",")
    return " ".join(parts)


def _first_ok(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    if len(fa) == 1 or len(fb) == 1:
        return fa[:1] == fb[:1]
    return same_name_token(a, b)


def same_person(a: str, b: str) -> bool:
    """Two full names (two words or more) that name the same person."""
    ta, tb = a.split(), b.split()
    if len(ta) < 2 or len(tb) < 2:
        return False
    return same_name_token(ta[-1], tb[-1]) and _first_ok(ta[0], tb[0]) \
        and not middle_initials_differ(without_suffix(ta), without_suffix(tb))


def _place_key(m: Mention) -> str:
    f = fold(m.text)
    if m.sense == "government" and f in CAPITALS:
        return CAPITALS[f]
    return country_key(m.text)


def _org_key(text: str) -> str:
    f = fold(text)
    return f[4:] if f.startswith("the ") else f


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in _ACRONYM_SKIP)


class _Clusters:
    def __init__(self) -> None:
        self.members: list[list[Mention]] = []
        self.label: list[str] = []
        self.generation: list[str] = []  # a person's suffix, where the story tells them apart

    def add(self, label: str, mentions: list[Mention], generation: str = "") -> int:
        self.members.append(list(mentions))
        self.label.append(label)
        self.generation.append(generation)
        return len(self.members) - 1


@lru_cache(maxsize=1 << 16)
def _generation(text: str) -> tuple[str, str]:
    """(the name without a generational suffix, the suffix folded: "jr", "ii", ...; "" for none
    and for "sr", the plain name's own)."""
    parts = _name_parts(text)
    if len(parts) >= 2 and fold(parts[-1]).strip(".,") in _SUFFIXES:
        gen = fold(parts.pop()).strip(".,")
        parts[-1] = parts[-1].rstrip(",")
        return person_name(" ".join(parts)), "" if gen == "sr" else gen
    return person_name(" ".join(parts)), ""


def _told_apart(mentions: list[Mention]) -> set[str]:
    """Surnames whose generations are different people in this story: a "Sr." is written, or
    one article writes a suffixed name and the plain full name ("Donald Trump Jr." and
    "Donald Trump"), or the suffixed short form and the plain surname ("Trump Jr." and
    "President Trump"), or the plain surname before the suffixed name. Elsewhere a suffix is
    the same person's ("Charles Elliott Jr." / "Charles Elliott"; "Martin Luther King Jr."
    then "King")."""
    apart: set[str] = set()
    forms: dict[tuple[str, str], set[tuple[bool, bool]]] = defaultdict(set)
    first: dict[tuple[str, str, bool], int] = {}  # where each article first writes either form
    for m in mentions:
        base, gen = _generation(m.text)
        if not base:
            continue
        surname = fold(base.split()[-1])
        if fold(m.text.rstrip(" .,")).endswith(" sr"):
            apart.add(surname)
        forms[(m.article_id, surname)].add((bool(gen), len(base.split()) > 1))
        key = (m.article_id, surname, bool(gen))
        first[key] = min(first.get(key, m.start), m.start)
    for (aid, surname), seen in forms.items():
        suffixed = {full for gen, full in seen if gen}
        plain = {full for gen, full in seen if not gen}
        if suffixed and (True in plain or (False in suffixed and False in plain)):
            apart.add(surname)
        # The plain surname first: someone named already ("President Trump" ... "Donald Trump
        # Jr.", real text, stop 48); a suffixed person's own surname follows his full name.
        elif suffixed and plain and first[(aid, surname, False)] < first[(aid, surname, True)]:
            apart.add(surname)
    return apart


def _cluster_people(mentions: list[Mention], clusters: _Clusters,
                    texts: dict[str, str]) -> None:
    apart = _told_apart(mentions)
    by_name: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        base, gen = _generation(m.text)
        if base and fold(base.split()[-1]) in apart:
            by_name[(base, gen)].append(m)
        elif plain := person_name(m.text):
            by_name[(plain, "")].append(m)
    full = sorted((n for n in by_name if len(n[0].split()) > 1),
                  key=lambda n: (-len(n[0].split()), -len(by_name[n]), n))
    names_of: list[list[tuple[str, str]]] = []
    ids: list[int] = []
    for name in full:
        for j, names in enumerate(names_of):
            if all(same_person(name[0], other[0]) and name[1] == other[1] for other in names):
                names.append(name)
                clusters.members[ids[j]].extend(by_name[name])
                break
        else:
            names_of.append([name])
            ids.append(clusters.add("PERSON", by_name[name], name[1]))
    _join_surnames(by_name, names_of, ids, clusters, texts)


def _join_surnames(by_name: dict[tuple[str, str], list[Mention]],
                   names_of: list[list[tuple[str, str]]],
                   ids: list[int], clusters: _Clusters, texts: dict[str, str]) -> None:
    """Each surname-only mention joins the one full name of the story with its surname (of
    the two or more, the one its article names before it), or a group of its own."""
    # A suffixed name told apart ("Donald Trump Jr.") is no namesake of the plain surname.
    early = _early_spans([m for (_, gen), ms in by_name.items() if not gen for m in ms], texts)
    genders = [next((sex for n, _ in names if (sex := name_gender(n))), None)
               for names in names_of]
    ruled_out = _ruled_out(by_name, early, [clusters.members[i] for i in ids], genders)
    single: dict[int, list[Mention]] = defaultdict(list)  # unresolved surnames by group
    groups: list[list[Mention]] = []
    clusters_gen: list[str] = []  # each group's suffix
    for key in sorted(n for n in by_name if len(n[0].split()) == 1):
        name, gen = key
        for m in by_name[key]:
            title_gender = name_gender("", m.title)
            cands = [j for j, names in enumerate(names_of)
                     if any(same_name_token(name, o.split()[-1]) and not patronymic_last(o.split())
                            and g == gen for o, g in names)
                     and title_gender in (None, genders[j] or title_gender)
                     and j not in ruled_out.get((m.article_id, name, gen), ())]
            if len(cands) > 1:  # two people share the surname: use the one its article named
                cands = _introduced_before(m, [(j, clusters.members[ids[j]]) for j in cands])
            if (m.article_id, m.start, m.end) in early:
                cands = []
            if len(cands) == 1:
                clusters.members[ids[cands[0]]].append(m)
                continue
            for k, g in enumerate(groups):
                if same_name_token(name, _generation(g[0].text)[0]) and clusters_gen[k] == gen:
                    single[k].append(m)
                    break
            else:
                groups.append([m])
                clusters_gen.append(gen)
                single[len(groups) - 1] = [m]
    for k in range(len(groups)):
        clusters.add("PERSON", single[k], clusters_gen[k])


def _ruled_out(by_name: dict[tuple[str, str], list[Mention]], early: set[tuple[str, int, int]],
               people: list[list[Mention]], genders: list[str | None]
               ) -> dict[tuple[str, str, str], set[int]]:
    """(article, surname, suffix) -> the people (indexes of `people`, their mentions) that
    none of that article's surname-only mentions may join, where the article names nobody of
    the surname in full (stop 62, real text: "President Obama" joined "first lady Michelle
    Obama", named in another article, while the same article's "Mr. Obama" could not):
    - the article's bare mentions of one surname are one person, so a gendered title on any
      of them ("Mr. Obama") rules out a full name of the other gender for all of them;
    - a full name whose every article uses the bare surname for someone else before naming
      it (`_early_spans`: "Obama" all through, then "first lady Michelle Obama") is not who
      the bare surname means in another article either."""
    def last(m: Mention) -> str:
        return person_name(m.text).split()[-1]

    in_full = [{m.article_id for m in ms if len(person_name(m.text).split()) > 1}
               for ms in people]
    out: dict[tuple[str, str, str], set[int]] = defaultdict(set)
    for (name, gen), ms in by_name.items():
        if len(name.split()) != 1:
            continue
        mine = [j for j, ps in enumerate(people) if same_name_token(name, last(ps[0]))]
        apart = {m.article_id for m in ms if (m.article_id, m.start, m.end) in early}
        for aid in {m.article_id for m in ms} - {a for j in mine for a in in_full[j]}:
            said = {g for m in ms if m.article_id == aid and (g := name_gender("", m.title))}
            for j in mine:
                if genders[j] and said - {genders[j]} or in_full[j] <= apart:
                    out[(aid, name, gen)].add(j)
    return out


def _introduced_before(m: Mention, cands: list[tuple[int, list[Mention]]]) -> list[int]:
    """Of the people sharing a surname-only mention's surname, the one its own article names
    in full before it (a report names a person in full, then by surname). A full name that
    comes only after the mention is someone else mentioned later ("Trump tweeted ..." long
    before a link line naming "Ivanka Trump"): with none before it, or two, it stays apart."""
    before = [j for j, members in cands
              if any(x.article_id == m.article_id and x.start < m.start
                     and len(person_name(x.text).split()) > 1 for x in members)]
    return before if len(before) == 1 else []


def _early_spans(mentions: list[Mention], texts: dict[str, str]
                 ) -> set[tuple[str, int, int]]:
    """(article, start, end) of the one-word names each article used alone three times or more
    before naming anyone of that surname in full, before that full name and after it
    (`names.early_surnames`, the rule the article's own speaker pass follows): the article
    took that surname as someone known, not the namesake it names. (A headline or lead may
    give the surname once or twice before the body names the person in full; with the
    article's text in `texts`, a headline-like line's use does not count.)"""
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_article[m.article_id].append(dataclasses.replace(m, text=person_name(m.text)))
    out: set[tuple[str, int, int]] = set()
    for aid, ms in by_article.items():
        ms.sort(key=lambda x: (x.start, x.end))
        out |= {(aid, s, e) for s, e in early_surnames(ms, lambda n: fold(n.split()[-1]),
                                                        texts.get(aid, ""))}
    return out


def _cluster_others(mentions: list[Mention], clusters: _Clusters) -> None:
    by_key: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.label in _PLACE:
            key = ("place", _place_key(m))
        elif m.label == "ORG":
            key = ("org", _org_key(m.text))
        else:
            key = (m.label, fold(m.text))
        if key[1]:
            by_key[key].append(m)
    # An acronym joins the one organisation (or place) whose initials it spells.
    orgs = [k for k in by_key if k[0] in ("org", "place") and len(k[1].split()) > 1]
    for key in list(by_key):
        surface = by_key[key][0].text.replace(".", "").strip()
        if key[0] == "org" and surface.isupper() and 2 <= len(surface) <= 6:
            hits = [o for o in orgs if _initials(o[1]) == surface.lower()]
            if len(hits) == 1 and hits[0] != key:
                by_key[hits[0]].extend(by_key.pop(key))
    for key in sorted(by_key):
        ms = by_key[key]
        label = Counter(m.label for m in ms).most_common(1)[0][0]
        clusters.add(label, ms)


def canonical_name(mentions: list[Mention], label: str) -> str:
    """The fullest common form: most words, then most frequent, then alphabetical."""
    forms = Counter(person_name(m.text) if label == "PERSON" else m.text for m in mentions)
    if label in _PLACE:
        keys = {_place_key(m) for m in mentions}
        exact = {f: c for f, c in forms.items() if fold(f).removeprefix("the ") in keys}
        forms = Counter(exact) or forms
    return min(forms, key=lambda f: (-len(f.split()), -forms[f], f))


# An office resolved through another outlet's titles: one holder in the story, but the
# article itself never names them (below a name, above the unresolved threshold).
STORY_OFFICE_CONFIDENCE = 0.7
_OFFICE = re.compile(r"(?:the|The)\s+(?:[\w-]+\s+){0,2}?([a-z]+)")


def office_holder(words: str | None, roles: dict[str, set[str]], before: str = ""
                  ) -> str | None:
    """"the governor" that its article left unresolved -> the one person of the story written
    with that title ("Gov. X" in any article), or None when none or several are, or when the
    article's text `before` the phrase brings in someone unnamed with that word ("A senior
    administration official ... the official told reporters": that one, not the North Korean
    official named further down; stop 60, real text)."""
    m = _OFFICE.fullmatch((words or "").strip())
    if not m or m.group(1) not in PERSON_ROLE_NOUNS:
        return None
    if re.search(rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w-]+\s+){{0,3}}{m.group(1)}\b", before):
        return None
    holders = [eid for eid, r in roles.items() if m.group(1) in r]
    return holders[0] if len(holders) == 1 else None


# A party's word for one member ("the California Democrat", "the Republican"): a person
# described through the party, never the party itself (its plural names the party).
PARTY_MEMBER_NOUNS = frozenset({
    "democrat", "republican", "independent", "libertarian", "conservative", "liberal",
    "socialist", "progressive", "tory", "centrist", "moderate", "communist", "green"})


def _heads_phrase(q: Quote, mentions: list[Mention], eid: str) -> bool:
    """The entity's mention ends the speaker phrase and only a determiner or capitalised
    words stand before it ("the NYDN", "Team president X"): the phrase names the entity rather
    than someone or something described through it."""
    start, end = q.speaker_start, q.speaker_end
    if start is None or end is None:
        return False  # no speaker phrase to head
    for m in mentions:
        if m.entity_id != eid or not (start <= m.start and m.end <= end):
            continue
        if m.label == "NORP" and fold(m.text) in PARTY_MEMBER_NOUNS:
            return False  # "the California Democrat" is one member, not the party
        before = (q.speaker_text or "")[:m.start - start].split()
        if m.end == end and all(w[:1].isupper() or w.lower() == "the" for w in before):
            return True
    return False


def _surnames_as_people(mentions: list[Mention]) -> list[Mention]:
    """A one-word ORG or FAC that is the surname of a person the story names in full is that
    person ("Brandt stated" typed ORG in one outlet, "Gen. Ivo Brandt" in the others): the
    story-level form of the per-article rule in `extract.mentions`."""
    surnames = {fold(person_name(m.text).split()[-1]) for m in mentions
                if m.label == "PERSON" and len(person_name(m.text).split()) > 1}
    return [dataclasses.replace(m, label="PERSON")
            if m.label in ("ORG", "FAC") and len(m.text.split()) == 1
            and fold(m.text) in surnames else m for m in mentions]


# "Team Trump", "Team Obama": a group named after a person is not that person (stop 63, real
# text: "Team Trump" was the one full name of a Trump in a story, so every bare "Trump" joined
# it and his tweet was shown as Team Trump's).
_GROUP_WORDS = frozenset({"team", "camp"})


def _as_group(m: Mention) -> Mention:
    parts = person_name(m.text).split() if m.label == "PERSON" else []
    return dataclasses.replace(m, label="ORG") \
        if len(parts) > 1 and fold(parts[0]) in _GROUP_WORDS else m


def resolve_entities(ctx: StoryContext, settings: Settings) -> Story:
    """Entities of one story, with quotes' speakers and claims' subjects linked to them."""
    mentions = _surnames_as_people([_as_group(m) for f in ctx.facts for m in f.mentions
                                    if m.label in ENTITY_LABELS])
    clusters = _Clusters()
    _cluster_people([m for m in mentions if m.label == "PERSON"], clusters,
                    {a.id: a.text for a in ctx.articles})
    _cluster_others([m for m in mentions if m.label != "PERSON"], clusters)
    entities = _entities_of(ctx.story.id, clusters)
    by_id = {e.id: e for e in entities}
    people = [e for e in entities if e.type == "PERSON"]
    find = _Lookup(entities)
    roles = {e.id: role_words(w for m in e.mentions for w in (m.title or "").split())
             for e in people}
    quotes: list[Quote] = []
    claims: list[Claim] = []
    for facts in ctx.facts:
        for q in facts.quotes:
            eid = find.lookup(q.article_id, q.speaker, None, None, True)
            if eid is None and q.speaker_start is not None and q.speaker == q.speaker_text:
                eid = find.lookup(q.article_id, None, q.speaker_start, q.speaker_end, False)
                if eid is not None and not _heads_phrase(q, find.mention_index[q.article_id],
                                                         eid):
                    eid = None  # "the Taradise star" is not Taradise
            elif eid is None and q.speaker and q.speaker_start is not None:
                eid = find.named_in_span(q.article_id, q.speaker, q.speaker_start,
                                         q.speaker_end)
            if eid is not None:
                q = dataclasses.replace(q, speaker_entity=eid, speaker=by_id[eid].name)
            elif q.speaker is None and (eid := office_holder(
                    q.speaker_text, roles, ctx.article(q.article_id).text[:q.speaker_start])):
                q = dataclasses.replace(q, speaker_entity=eid, speaker=by_id[eid].name,
                                        speaker_confidence=STORY_OFFICE_CONFIDENCE)
            quotes.append(q)
        claims.extend(_claim_subject(c, find) for c in facts.claims)
    return dataclasses.replace(ctx.story, entities=tuple(entities), quotes=tuple(quotes),
                               claims=tuple(claims))


def _entities_of(story_id: str, clusters: _Clusters) -> list[Entity]:
    """One entity per cluster, its mentions linked to it; most mentioned first."""
    entities: list[Entity] = []
    used: set[str] = set()
    for members, label, gen in zip(clusters.members, clusters.label, clusters.generation,
                                   strict=True):
        if gen:  # "Donald Trump Jr.", told apart from "Donald Trump"
            bases = Counter(_generation(m.text)[0] for m in members)
            name = min(bases, key=lambda f: (-len(f.split()), -bases[f], f)) \
                + " " + _SUFFIX_FORMS[gen]
        else:
            name = canonical_name(members, label)
        new_id = stable_id(story_id, name)
        if new_id in used:  # the person Jordan and the country Jordan: the type tells them apart
            new_id = stable_id(story_id, name, label)
        used.add(new_id)
        linked = tuple(sorted((linked_mention(m, new_id) for m in members),
                              key=lambda m: (m.article_id, m.start, m.end)))
        aliases = tuple(sorted({m.text for m in members} - {name}))
        entities.append(Entity(id=new_id, name=name, type=label, aliases=aliases,
                               article_ids=tuple(sorted({m.article_id for m in members})),
                               mentions=linked))
    entities.sort(key=lambda e: (-len(e.mentions), e.name))
    return entities


def linked_mention(m: Mention, entity_id: str) -> Mention:
    """`dataclasses.replace(m, entity_id=entity_id)`, made directly (a story links every
    mention; `replace` looks each field up by name)."""
    return Mention(m.article_id, m.start, m.end, m.text, m.label, entity_id, m.title, m.sense)


def _claim_subject(c: Claim, find: _Lookup) -> Claim:
    """The claim with its subject linked to an entity, when one is found: the subject is a
    name of the story, or a mention heads it (`_subject_head`)."""
    eid = find.lookup(c.article_id, c.subject, None, None, False) if c.subject else None
    if eid is None and c.subject:
        eid = _subject_head(c, find.mention_index.get(c.article_id, []))
    return dataclasses.replace(c, subject_entity=eid) if eid else c


# Where a subject phrase's head ends: an apposition, bracket or dash, a relative clause, a
# coordination, a prepositional phrase. A possessive ends a determiner, not the head, and "of",
# "to" or "for" between capitalised words is inside a title or a name ("Secretary of State
# Mike Pompeo", "Bank of America").
_HEAD_END = re.compile(r"(?P<pos>['’]s?(?=\s))|\s+(?P<prep>of|to|for)(?:\s+the)?\b|\s*[,(–—;:]|"
                       r"\s+(?:who|which|that|and|or|from|in|at|on|by|with|as|like)\b")


def _subject_head(c: Claim, mentions: list[Mention]) -> str | None:
    """The entity of the mention that heads the claim's subject phrase: it ends the phrase's
    first noun group (before an apposition, a relative clause, a coordination or a
    prepositional phrase, after a possessor): "John Durham, the US attorney in Connecticut"
    and "WSJ's Shelby Holliday" are Durham and Holliday; "The former New York City mayor",
    "Barr's appointment of Durham" and "the Trump administration" are none of theirs (before
    stop 49 any mention whose text stood in the phrase was taken, the story's most mentioned
    first: "the US attorney" made the US the subject)."""
    subject = c.subject or ""
    at = c.text.find(subject)
    if not subject or at < 0:
        return None
    begin = 0
    after = 0
    while (cut := _HEAD_END.search(subject, after)) is not None and \
            (cut.group("pos") or _in_title(subject, cut, begin)):
        after = cut.end()
        if cut.group("pos"):
            begin = after
    end = len(subject[:cut.start()].rstrip()) if cut is not None else len(subject.rstrip())
    base = c.start + at
    for m in mentions:
        if m.end == base + end and m.start >= base + begin:
            if m.label == "NORP" and fold(m.text) in PARTY_MEMBER_NOUNS:
                return None  # "the Kentucky Republican" is one member, not the party
            return m.entity_id
    return None


def _in_title(subject: str, cut: re.Match[str], begin: int) -> bool:
    """The cut is "of", "to" or "for" after capitalised words only and before a capitalised
    word: inside a title or name ("Secretary of State", not "the dumping by WikiLeaks of
    Clinton campaign emails")."""
    before, after = subject[begin:cut.start()].split(), subject[cut.end():].split()
    return bool(cut.group("prep") and before and after and after[0][:1].isupper()
                and all(w[:1].isupper() or w.lower() == "the" for w in before))


class _Lookup:
    """Which entity a mention's span or a name stands for, within one story. What it
    compares a name with is computed once per story (it is asked for every quote and claim,
    and with the same few speaker names again and again)."""

    def __init__(self, entities: list[Entity]):
        self.people = [e for e in entities if e.type == "PERSON"]
        self.mention_index: dict[str, list[Mention]] = defaultdict(list)
        for e in entities:
            for m in e.mentions:
                self.mention_index[m.article_id].append(m)
        self.alias_names = {e.id: frozenset(person_name(a) for a in e.aliases)
                            for e in self.people}
        self.other_keys = [(e, {fold(e.name), *(fold(a) for a in e.aliases)})
                           for e in entities if e.type != "PERSON"]
        self.by_name: dict[tuple[str, str, bool], str | None] = {}
        self.by_text: dict[str, list[Entity]] = {}  # `person_hits` before the article's say
        # What `_name_hits` compares a name with: each exact name and alias -> its people (in
        # their order), and the first and last word of each name.
        self.exact: dict[str, list[Entity]] = {}
        for e in self.people:
            for key in {e.name} | self.alias_names[e.id]:
                self.exact.setdefault(key, []).append(e)
        self.words = [(e, e.name.split()) for e in self.people]

    def lookup(self, article_id: str, text: str | None, start: int | None, end: int | None,
               people_only: bool) -> str | None:
        if start is not None and end is not None:
            for m in self.mention_index.get(article_id, ()):
                if m.start < end and m.end > start and (not people_only or m.label == "PERSON"):
                    return m.entity_id
        if not text:
            return None
        key = (article_id, text, people_only)
        if key not in self.by_name:
            self.by_name[key] = self.lookup_name(article_id, text, people_only)
        return self.by_name[key]

    def person_hits(self, article_id: str, text: str) -> list[Entity]:
        """The people a name may stand for: its exact name or alias, else a full name's
        variant or a surname's bearers; of two or more, those its article mentions."""
        if text not in self.by_text:  # the same name is asked for in many articles
            self.by_text[text] = self._name_hits(text)
        hits = self.by_text[text]
        if len(hits) > 1:
            hits = [e for e in hits if article_id in e.article_ids]
        return hits

    def _name_hits(self, text: str) -> list[Entity]:
        people = self.people
        name = person_name(text)
        if fold(name) in CROWD_HEADS:
            # "Many argue that ..." is no name: spelled like a surname ("Many" / "Money",
            # a capitalised "Taxpayer Money" typed PERSON) it took eleven quotes (stop 44).
            return []
        hits = list(self.exact.get(name, ()))
        parts = name.split()
        if not hits and len(parts) > 1:  # `same_person` with each full name
            hits = [e for e, words in self.words if len(words) > 1
                    and same_name_token(parts[-1], words[-1]) and _first_ok(parts[0], words[0])
                    and not middle_initials_differ(parts, list(words))]
        elif not hits and name:
            hits = [e for e, words in self.words if same_name_token(name, words[-1])]
        base, gen = _generation(text)
        if gen:  # "Donald Trump Jr." -> the Jr., where the story tells them apart
            hits = [e for e in people if _generation(e.name) == (base, gen)] or hits
        return hits

    def named_in_span(self, article_id: str, text: str, start: int, end: int | None
                      ) -> str | None:
        """A speaker name two people of the story share ("Vanterpool": Ken, and Mrs.
        Vanterpool kept apart from him) -> the one of them whose mention stands in the
        speaker phrase ("says Mrs. Vanterpool"), when exactly one does."""
        ids = {e.id for e in self.person_hits(article_id, text)}
        end = start if end is None else end
        inside = {m.entity_id for m in self.mention_index.get(article_id, ())
                  if m.start < end and m.end > start and m.entity_id in ids}
        return inside.pop() if len(inside) == 1 else None

    def lookup_name(self, article_id: str, text: str, people_only: bool) -> str | None:
        hits = self.person_hits(article_id, text)
        if len(hits) == 1:
            return hits[0].id
        if not people_only:
            folded = fold(text)
            for e, keys in self.other_keys:
                if folded in keys:
                    return e.id
        return None
