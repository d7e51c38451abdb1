"""Name knowledge shared by mentions, quotes and entities: titles, transliteration folding,
country aliases and capitals.

Everything here is general (any story, any language of origin transliterated to English); the
tables are world knowledge, not words of any one corpus.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from ..nlp.loader import tokens_of
from ..text import fold

if TYPE_CHECKING:
    from ..model import Mention

# Titles and honorifics written before a name. Multi-word titles are matched word by word, so
# "Major General", "Maj. Gen.", "Lt. Gen." and "Defense Minister" all strip.
TITLE_WORDS = frozenset("""
mr mrs ms miss dr prof sir dame lord lady rev fr sheikh shaikh sheik imam ayatollah hojatoleslam
mullah rabbi pope cardinal bishop king queen prince princess emir amir sultan crown
president vice prime minister premier chancellor secretary deputy foreign defense defence
interior finance state general gen maj major lt lieutenant col colonel brig brigadier capt
captain cmdr commander adm admiral sgt sergeant cpl corporal pvt private marshal field
chief staff chairman chairwoman chair head spokesman spokeswoman spokesperson ambassador envoy
senator sen rep representative congressman congresswoman governor gov mayor judge justice
attorney speaker leader mp mep officer official director commissioner inspector
superintendent sheriff
councilman councilwoman councilmember councilor councillor alderman alderwoman assemblyman
assemblywoman assemblymember comptroller treasurer reverend detective trooper
""".split())

# Nouns that name a person by role: a description with one of these heads can refer to a named
# person ("the minister", "the Syrian commander"); other heads ("statement", "broadcaster")
# are group or document speakers and stay as they are.
PERSON_ROLE_NOUNS = frozenset("""
minister president premier chancellor secretary general commander officer official leader
chief spokesman spokeswoman spokesperson ambassador envoy diplomat senator governor mayor judge
king queen prince emir sultan sheikh ayatollah cleric candidate nominee lawmaker legislator
congressman congresswoman representative chairman chairwoman director head admiral colonel
lieutenant captain sergeant marshal brigadier man woman politician analyst expert professor
researcher economist lawyer attorney prosecutor adviser advisor aide executive ceo founder
activist veteran businessman businesswoman billionaire mogul negotiator mediator deputy
""".split())

PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


def pronoun_gender(word: str) -> str | None:
    return PRONOUNS.get(word.lower())

# Title words that tell a person's gender (folded, without the dot).
# Kin written before or after a name ("his son, Matthew", "Ana, his wife"); round 12: a "she"
# went to a son named by his first name alone (a lone word: gender unknown).
KIN_GENDERS = {
    "son": "m", "husband": "m", "father": "m", "brother": "m", "uncle": "m", "nephew": "m",
    "grandson": "m", "grandfather": "m", "stepson": "m", "boyfriend": "m", "widower": "m",
    "daughter": "f", "wife": "f", "mother": "f", "aunt": "f", "niece": "f", "widow": "f",
    "granddaughter": "f", "grandmother": "f", "stepdaughter": "f", "girlfriend": "f",
}
GENDERED_TITLES = {
    "mr": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "emir": "m", "sultan": "m",
    "sheikh": "m", "ayatollah": "m", "imam": "m", "pope": "m", "cardinal": "m", "fr": "m",
    "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f", "queen": "f", "princess": "f",
    "madam": "f", "madame": "f", "sister": "f",
    "congressman": "m", "chairman": "m", "spokesman": "m", "businessman": "m",
    "congresswoman": "f", "chairwoman": "f", "spokeswoman": "f", "businesswoman": "f",
    "councilman": "m", "councilwoman": "f", "alderman": "m", "alderwoman": "f",
    "assemblyman": "m", "assemblywoman": "f",
    **KIN_GENDERS,
}

# Abbreviated titles and the role word a description uses for the same office ("Gov. X" is
# "the governor"; "Sen. X" is "the senator").
ROLE_ALIASES = {
    "gov": "governor", "sen": "senator", "rep": "representative", "pres": "president",
    "gen": "general", "lt": "lieutenant", "col": "colonel", "maj": "major", "capt": "captain",
    "adm": "admiral", "brig": "brigadier", "sgt": "sergeant", "cmdr": "commander",
    "dr": "doctor", "prof": "professor", "atty": "attorney", "supt": "superintendent",
    "congressman": "representative", "congresswoman": "representative",
    "lawmaker": "representative", "premier": "minister", "lawyer": "attorney",
}

# Platforms and services a name can be written "on" ("she wrote on Twitter"): never a person.
PLATFORMS = frozenset("""
twitter facebook instagram youtube tiktok telegram whatsapp linkedin reddit snapchat
truth social threads bluesky mastodon weibo wechat vk vkontakte substack medium parler gab
rumble signal skype zoom gettr x
""".split()) | frozenset({"truth social", "google", "apple", "microsoft", "amazon", "netflix",
                          "spotify", "twitch", "discord", "pinterest", "tumblr", "flickr"})

# Common country aliases (short forms, former and informal names). Keys and values are folded.
COUNTRY_ALIASES: dict[str, str] = {
    "us": "united states", "usa": "united states", "u s": "united states",
    "u s a": "united states", "america": "united states",
    "united states of america": "united states", "the united states": "united states",
    "uk": "united kingdom", "u k": "united kingdom", "britain": "united kingdom",
    "great britain": "united kingdom", "russian federation": "russia",
    "uae": "united arab emirates", "prc": "china", "people s republic of china": "china",
    "dprk": "north korea", "rok": "south korea", "republic of korea": "south korea",
    "islamic republic of iran": "iran", "ksa": "saudi arabia", "kingdom of saudi arabia":
    "saudi arabia", "holland": "netherlands", "the netherlands": "netherlands",
    "burma": "myanmar", "czechia": "czech republic", "turkiye": "turkey",
    "ivory coast": "cote d ivoire", "syrian arab republic": "syria", "drc": "dr congo",
    "democratic republic of the congo": "dr congo", "eu": "european union",
    "un": "united nations", "u n": "united nations", "nato": "nato",
}

# Capitals, for the metonym rule (a capital stands for its country's government only when it
# acts: see mentions._government_sense). Folded names.
CAPITALS: dict[str, str] = {
    "washington": "united states", "moscow": "russia", "beijing": "china", "london":
    "united kingdom", "paris": "france", "berlin": "germany", "rome": "italy", "madrid": "spain",
    "tokyo": "japan", "seoul": "south korea", "pyongyang": "north korea", "new delhi": "india",
    "islamabad": "pakistan", "kabul": "afghanistan", "tehran": "iran", "baghdad": "iraq",
    "damascus": "syria", "beirut": "lebanon", "amman": "jordan", "riyadh": "saudi arabia",
    "doha": "qatar", "abu dhabi": "united arab emirates", "muscat": "oman", "sanaa": "yemen",
    "cairo": "egypt", "tripoli": "libya", "tunis": "tunisia", "algiers": "algeria", "rabat":
    "morocco", "khartoum": "sudan", "addis ababa": "ethiopia", "nairobi": "kenya", "abuja":
    "nigeria", "pretoria": "south africa", "ankara": "turkey", "athens": "greece", "kyiv":
    "ukraine", "kiev": "ukraine", "minsk": "belarus", "warsaw": "poland", "prague":
    "czech republic", "vienna": "austria", "budapest": "hungary", "bucharest": "romania",
    "sofia": "bulgaria", "belgrade": "serbia", "brussels": "belgium", "amsterdam": "netherlands",
    "the hague": "netherlands", "bern": "switzerland", "stockholm": "sweden", "oslo": "norway",
    "copenhagen": "denmark", "helsinki": "finland", "dublin": "ireland", "lisbon": "portugal",
    "ottawa": "canada", "mexico city": "mexico", "havana": "cuba", "caracas": "venezuela",
    "bogota": "colombia", "lima": "peru", "brasilia": "brazil", "buenos aires": "argentina",
    "santiago": "chile", "canberra": "australia", "wellington": "new zealand", "jakarta":
    "indonesia", "manila": "philippines", "hanoi": "vietnam", "bangkok": "thailand",
    "kuala lumpur": "malaysia", "dhaka": "bangladesh", "baku": "azerbaijan", "yerevan":
    "armenia", "tbilisi": "georgia", "tashkent": "uzbekistan", "astana": "kazakhstan",
    "jerusalem": "israel", "tel aviv": "israel", "taipei": "taiwan", "kathmandu": "nepal",
    "colombo": "sri lanka", "naypyidaw": "myanmar", "ulaanbaatar": "mongolia",
}

_MUHAMMAD = re.compile(r"^m[ou]h[ae]m+[ae]d$|^mu?ham+[ae]d$|^mehmet$|^mohd$")
_ARTICLE = re.compile(r"^(?:al|el|ul|ad|an|ar|as|at|az|ash|ad|ed)-", re.I)


def strip_arabic_article(token: str) -> str:
    """"al-Assad" -> "Assad": the article is often dropped in English copy."""
    stripped = _ARTICLE.sub("", token)
    return stripped or token


@lru_cache(maxsize=1 << 16)
def phonetic(token: str) -> str:
    """Fold one name token so common transliteration variants meet.

    q~gh~k (Qaderi/Ghaderi), i~ee~y, u~o~ou~oo, w~v (Vodanowa/Vodanova), initial ye~e, ph~f,
    doubled letters collapse, Mohammad and its spellings become one form.
    """
    t = fold(strip_arabic_article(token)).replace(" ", "")
    if _MUHAMMAD.match(t):
        return "mhmd"
    if t.startswith("ye"):
        t = t[1:]  # Yelena/Elena, Yevgeny/Evgeny: Slavic initial ye- is often written e-
    for a, b in (("ph", "f"), ("kh", "k"), ("gh", "k"), ("q", "k"), ("ck", "k"), ("dh", "d"),
                 ("ee", "i"), ("ou", "u"), ("oo", "u"), ("ie", "i"), ("ey", "i"), ("y", "i"),
                 ("w", "v"), ("o", "u"), ("z", "s")):
        t = t.replace(a, b)
    t = re.sub(r"(.)\1+", r"\1", t)
    return t


@lru_cache(maxsize=1 << 16)
def skeleton(token: str) -> str:
    """Consonant skeleton of a phonetic form (vowels dropped after the first letter)."""
    p = phonetic(token)
    return p[:1] + re.sub(r"[aeiou]", "", p[1:]) if p else ""


# Particles of a patronymic ("son/daughter of"): in "Mohammed bin Salman" the last word is the
# father's name, not a family name, and a bare "Salman" is most often the father himself
# ("King Salman"). Lower-case only: "Ben" is a first name.
PATRONYMIC_PARTICLES = frozenset({"bin", "ibn", "bint", "binti", "ben", "bat"})


def patronymic_last(parts: list[str]) -> bool:
    """Whether a name's last word is a patronymic (`PATRONYMIC_PARTICLES` before it): a bare
    mention of that word is not this person by surname."""
    return len(parts) > 1 and parts[-2] in PATRONYMIC_PARTICLES


@lru_cache(maxsize=1 << 16)
def same_name_token(a: str, b: str) -> bool:
    """Two name tokens that are spelling or transliteration variants of each other."""
    if fold(a) == fold(b):
        return True
    pa, pb = phonetic(a), phonetic(b)
    if pa == pb:
        return True
    if skeleton(a) != skeleton(b) or min(len(pa), len(pb)) < 3:
        return False
    # Below five letters one vowel apart is most often another name ("Bret" and "Brit",
    # "Mike" and "Mickey": two Fox anchors, two people; stop 56), not a spelling variant;
    # a pet form that adds -y / -ie is the same name ("Fred" and "Freddy").
    if min(len(pa), len(pb)) < 5:
        return max(pa, pb, key=len) == min(pa, pb, key=len) + "i"
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.normalized_similarity(pa, pb) >= 0.7


def is_title_token(token: str) -> bool:
    return fold(token).replace(" ", "") in TITLE_WORDS


def without_brackets(name: str) -> str:
    """An editor's brackets out of a name: "Gov. [Jerry] Brown" (tagged "Jerry] Brown") ->
    "Gov. Jerry Brown" (stop 57)."""
    if "[" not in name and "]" not in name:
        return name
    return " ".join(name.replace("[", " ").replace("]", " ").split())


def split_title(name: str) -> tuple[str, str]:
    """("Maj. Gen. Karim Qaderi") -> ("Maj. Gen.", "Karim Qaderi")."""
    parts = name.split()
    i = 0
    while i < len(parts) - 1 and is_title_token(parts[i]):
        i += 1
    return " ".join(parts[:i]), " ".join(parts[i:])


def country_key(name: str) -> str:
    """The folded country name an alias stands for, or the folded name itself."""
    f = fold(name)
    f = f[4:] if f.startswith("the ") else f
    return COUNTRY_ALIASES.get(f, COUNTRY_ALIASES.get(f.replace(" ", ""), f))


def demonym_matches(adjective: str, place: str) -> bool:
    """"Syrian" ~ "Syria", "Iranian" ~ "Iran", "Turkish" ~ "Turkey" (shared stem)."""
    a = fold(adjective)
    for p in {fold(place).removeprefix("the "), country_key(place)}:
        if not a or not p:
            continue
        if a == p or a.startswith(p) or p.startswith(a):
            return True
        n = 4 if min(len(a), len(p)) >= 4 else 3
        if a[:n] == p[:n]:
            return True
    return False


# Titles of a noun and a postpositive "general" ("Attorney General", "Surgeon General"): one
# role, neither "the attorney" (a lawyer) nor "the general" (an officer).
_GENERAL_TITLES = frozenset("attorney solicitor surgeon inspector secretary governor postmaster "
                            "director auditor comptroller adjutant".split())


def _general_pairs(words: list[str]) -> list[str]:
    out: list[str] = []
    for w in words:
        if out and fold(w) == "general" and fold(out[-1]) in _GENERAL_TITLES:
            out[-1] += w
        else:
            out.append(w)
    return out


def role_words(words) -> set[str]:
    """Folded role words with their aliases ("Gov." -> {"gov", "governor"}); "Attorney
    General" is one ("attorneygeneral")."""
    out: set[str] = set()
    for w in _general_pairs(list(words)):
        f = fold(w).replace(" ", "")
        if f:
            out.add(f)
            if f in ROLE_ALIASES:
                out.add(ROLE_ALIASES[f])
    return out


def token_roles(t) -> set[str]:
    """`role_words` of one token, read with its neighbour: "Attorney" before "General", or
    "General" after it, is the one role "attorneygeneral" (stop 57: "the attorney", a
    defendant's lawyer, had been read as "Attorney General Jeff Sessions")."""
    doc = t.doc
    if t.lower_ != "general" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "general" \
            and fold(t.text) in _GENERAL_TITLES:
        return {fold(t.text) + "general"}
    if t.lower_ == "general" and t.i > 0 and fold(doc[t.i - 1].text) in _GENERAL_TITLES:
        return {fold(doc[t.i - 1].text) + "general"}
    return role_words((t.lemma_ or t.text, t.text))


def name_gender(name: str, title: str | None = None) -> str | None:
    """"m", "f" or None from a gendered title ("Mrs.", "Congresswoman") or a first name in the
    shipped table (only for names of two words or more: a lone word may be a surname)."""
    from ..lexicons import first_name_genders

    for w in (title or "").split():
        g = GENDERED_TITLES.get(fold(w).replace(" ", ""))
        if g:
            return g
    parts = [p for p in name.split() if not is_title_token(p)]
    # The model may take a role word into the name ("Comedian Sarah Doe"): the first word
    # before the surname that the table knows is the first name.
    table = first_name_genders()
    return next((table[w] for w in (fold(p).replace(" ", "") for p in parts[:-1])
                 if table.get(w) in ("m", "f")), None)


def lone_name_gender(text: str, m) -> str | None:
    """The gender a one-word name mention `m` is written with: its gendered title ("Mrs.
    Clinton") or a reflexive right after it ("Clinton herself", round 16: with Bill and
    Hillary Clinton named it went to the one last referred to)."""
    if len(m.text.split()) != 1:
        return None
    after = re.match(r"\s+(himself|herself)\b", text[m.end:m.end + 12])
    return name_gender("", m.title) or (
        {"himself": "m", "herself": "f"}[after.group(1)] if after else None)


def name_leaning(name: str) -> str | None:
    """"m" or "f" when the name's first name only leans that way in the table ("Hillary",
    "Bernie", "George": round 16): evidence for a pronoun of that gender, never against the
    other (see scripts/build_first_names.py)."""
    from ..lexicons import first_name_genders

    table = first_name_genders()
    parts = [p for p in name.split() if not is_title_token(p)]
    marks = [table.get(fold(p).replace(" ", ""), "") for p in parts[:-1]]
    return next((m[0] for m in marks if m.endswith("?")), None)


def early_surnames(mentions: list[Mention], surname: Callable[[str], str], text: str = ""
                   ) -> set[tuple[int, int]]:
    """Spans of one-word names whose surname is used 3+ times before the article first names
    anyone of that surname in full ("Trump" all through a report, "Ivanka Trump" only in a
    closing link line), before the full name and after it: the article took them as someone
    known, not the namesake it names later. Once or twice before the full name is a headline
    or lead: that person. `surname` gives a full name's folded surname (its generational
    suffix left out). With the article's `text`, a use on a line that is no sentence (a
    headline or a highlight bullet: no closing mark) does not count (stop 63, real text:
    "President Obama has a “tense” meeting" and two bullets above "Barack Obama became the
    first sitting U.S. president to visit Myanmar")."""
    first_full: dict[str, Mention] = {}
    for m in mentions:
        if len(m.text.split()) > 1:
            key = surname(m.text)
            if key not in first_full or m.start < first_full[key].start:
                first_full[key] = m
    early = [m for m in mentions if len(m.text.split()) == 1 and fold(m.text) in first_full
             and m.start < first_full[fold(m.text)].start and _in_sentence(text, m)]
    counts = Counter(fold(m.text) for m in early)
    # The surname stays that person after the namesake too: a profile's "Mr. Romney" all
    # through, then once "(George Romney spoke at ...)", then "Mr. Romney said" again.
    known = {key for key, n in counts.items() if n >= 3}
    # Under an office's title before a relative named in full ("President Trump is heading
    # to ...", then "First lady Melania Trump will accompany him"): the one the article is
    # about, however few times (stop 59: every later "Trump" was Melania).
    known |= {fold(m.text) for m in early if m.title and fold(m.title) in PERSON_ROLE_NOUNS
              and fold(first_full[fold(m.text)].title or "") in _RELATION_TITLES}
    return {(m.start, m.end) for m in mentions
            if len(m.text.split()) == 1 and fold(m.text) in known}


def _in_sentence(text: str, m: Mention) -> bool:
    """The line holding `m` is no headline or bullet: it ends as a sentence does, or is long
    (a paragraph with a credit run onto its end: "... conditions.” Max Nisen, Bloomberg"),
    or is the text's last (a headline stands above other lines); or no text was given."""
    end = text.find("\n", m.end)
    if not text or end < 0 or not text[end:].strip():
        return True
    line = text[text.rfind("\n", 0, m.start) + 1:end].rstrip()
    return len(line.split()) > HEADLINE_WORDS or line.endswith((*SENTENCE_END, "\u2026"))


HEADLINE_WORDS = 20  # a headline or a highlight bullet is shorter
# What a line that ends a sentence ends with (`persons.window_start` reads it too).
SENTENCE_END = (".", "!", "?", "\"", "\u201d", "\u2019", "'", ":", ")")


# Titles that name someone by a relation to another ("First lady", "his wife").
_RELATION_TITLES = frozenset(KIN_GENDERS) | {"lady", "sister"}


def first_namesakes(mentions: list[Mention], surname: Callable[[str], str]
                    ) -> dict[tuple[int, int], str]:
    """Span of an untitled one-word name -> the first full name of its surname written before
    it, where the article names two or more people of that surname in full: "Kennedy says"
    after "Patrick Kennedy" is still Patrick when a later paragraph names "President John F.
    Kennedy" (the longest namesake is not the one meant)."""
    fulls = sorted((m.start, m.text) for m in mentions if len(m.text.split()) > 1)
    names: dict[str, set[str]] = {}
    for _, text in fulls:
        names.setdefault(surname(text), set()).add(text)
    out: dict[tuple[int, int], str] = {}
    for m in mentions:
        key = fold(m.text)
        if len(m.text.split()) == 1 and not m.title and len(names.get(key, ())) > 1:
            before = [text for start, text in fulls if start < m.start and surname(text) == key]
            if before:
                out[(m.start, m.end)] = before[0]
    return out


NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v"})


def name_suffix(name: str) -> str | None:
    """"jr" for Jr./II/III/IV, "sr" for Sr., None for a plain name."""
    words = name.split()
    last = fold(words[-1]).replace(" ", "").rstrip(".") if len(words) > 1 else ""
    if last not in NAME_SUFFIXES:
        return None
    return "sr" if last == "sr" else "jr"


def without_suffix(parts: list[str]) -> list[str]:
    """"Luther Stan Pate IV" -> ["Luther", "Stan", "Pate"]: the surname is before it."""
    while len(parts) > 1 and fold(parts[-1]).replace(" ", "") in NAME_SUFFIXES:
        parts = parts[:-1]
    return parts


def middle_initials_differ(a: list[str], b: list[str]) -> bool:
    """Two full names (words, suffix removed) that both write middle initials, and not the
    same ones: two people ("George H. W. Bush" or "George H.W. Bush" and "George W. Bush",
    stop 55, one entity in a real story). A middle written out on either side ("Andrés Manuel
    López Obrador") tells nothing."""
    ma = [_INITIALS.fullmatch(w) for w in a[1:-1]]
    mb = [_INITIALS.fullmatch(w) for w in b[1:-1]]
    if not ma or not mb or not all(ma + mb):
        return False
    return "".join(m.group().replace(".", "") for m in ma if m) != \
        "".join(m.group().replace(".", "") for m in mb if m)


_INITIALS = re.compile(r"[A-Z]\.?|(?:[A-Z]\.){2,3}")  # "H", "H.", "H.W."


def byline_name(text: str, start: int, end: int) -> bool:
    """A name alone on its line in the block above the story's first sentence ("Jane Doe" /
    "USA TODAY" / story): the writer's byline, not a person the story talks about."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    if text[lo:hi].strip() != text[start:end].strip() or start > 400:
        return False
    return not any(line.rstrip().endswith((".", "!", "?", "\u201d", '"'))
                   for line in text[:lo].splitlines())


_CREDIT_AFTER = re.compile(r"\s+(?:reports|reported)\s*\.")
_CREDIT_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n\s*)(?:[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*['’]s\s+)?$")


def credit_sentence(text: str, start: int, end: int) -> bool:
    """"NBC's Peter Alexander reports.": a broadcast report's credit (a sentence of the name
    and "reports" alone), not a person the story talks about."""
    return bool(_CREDIT_AFTER.match(text, end)) and bool(
        _CREDIT_BEFORE.search(text[max(0, start - 80):start]))


def aside_name(text: str, start: int, end: int) -> bool:
    """A name that signs or credits the story, not one it talks about; or a word asked alone
    as a sentence of its own ("Harsh? He doesn't think so.": PolNeAR dev, where the NER tags
    "Harsh" a person and, once a blank line starts a sentence, it took the "he")."""
    return byline_name(text, start, end) or credit_sentence(text, start, end) \
        or text[end:end + 1] in ("?", "!") and " " not in text[start:end] \
        and text[:start].rstrip()[-1:] in ("", ".", "?", "!", "\n", "\"", "\u201d")


def titled_words(doc, lone: bool = False) -> set[str]:
    """Folded names written right after a title, or one name word after it: "Sens. Saxby
    Chambliss" gives "saxby" and "chambliss" (a plural title counts: "Sens.", "Reps.").
    With `lone`, only a name word written alone after its title ("Mr. Scott said"): a
    surname, whatever the first-name table says of the word."""
    out: set[str] = set()
    toks = tokens_of(doc)
    for t in toks:
        word, at = t.text, t.i + 1
        if at < len(toks) and toks[at].text == "." and not word.endswith("."):
            word, at = word + ".", at + 1  # the tokenizer may split "Sens" and "."
        if not (is_title_token(word) or word.endswith("s.") and is_title_token(word[:-2] + ".")):
            continue
        for j in (at, at + 1):
            if j >= len(toks) or toks[j].pos_ != "PROPN" or not toks[j].is_title:
                break
            if lone and (j + 1 < len(toks) and toks[j + 1].pos_ == "PROPN" or j > at):
                break
            out.add(fold(toks[j].text))
    return out
