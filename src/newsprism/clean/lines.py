"""What kind of line is this? Captions, menus, widgets, bylines, site headers, prose.

Pure predicates over one line of scraped text, shared by `clean_header` (the top of a page)
and `clean` (the whole text). General rules only: never keyed to particular sites.
"""

from __future__ import annotations

import re

from ..dates import WEEKDAYS

_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*\.?", re.UNICODE)
_BYLINE = re.compile(r"^(?:(?:posted|written|published|story|reporting)\s+(?:on\s+)?)?by\s+"
                     r"(?P<name>[^\W\d_][\w.'’\- ,&]{1,80})$", re.I)
_AUTHOR_LABEL = re.compile(r"^(?:author|writer|reporter|byline)s?\s*:\s*(?P<name>.{2,80})$", re.I)
_STAFF = re.compile(r"^(?P<org>.+?)\s+(?:staff|staff writers?|staff reporter|newsroom|"
                    r"news desk|editorial board|editors)$", re.I)
LABEL = re.compile(r"^(?P<key>[^\W\d_][\w .'/]{0,24}):\s*(?P<value>[^.!?]{1,60})$")
LABEL_KEYS = {"id", "news id", "story id", "category", "section", "source", "tags", "tag",
               "location", "words", "word count", "reading time", "edition", "issue", "page",
               "topic", "topics", "type", "language", "region", "desk"}
_SEPARATORS = re.compile(r"\s[-|–—•·»›>]\s|\s?\|\s?")
_CAPTION_END = re.compile(
    r"\((?:[^()]*\b(?:photo|image|picture|credit|courtesy|file)\b[^()]*)\)\s*\.?\s*$"
    r"|\((?:[^()]*(?:/|\b)(?:AP|AFP|Reuters|Getty Images|EPA|Xinhua|Anadolu|Shutterstock|"
    r"iStock|Bloomberg|Sputnik|TASS|WANA|IRNA|ANP|DPA|UPI)\b[^()]*)\)\s*\.?\s*$", re.I)
_CAPTION_START = re.compile(r"\(?(?:photo|image|picture|photograph|file photo|credit|"
                            r"photo credit|image source|image caption|caption)s?\s*(?:by)?\s*"
                            r"[:|]", re.I)
# Media-player and photo furniture that content systems print as text at the start of a line:
# "Image copyright X Image caption Y", "Media playback is unsupported on your device Media
# caption Y", "Enlarge this image toggle caption X". Generic CMS phrases, not a site's name.
_MEDIA_FURNITURE = re.compile(
    r"^\W*(?:(?:image|photo|picture|media|video)\s+(?:copyright|caption|credit|source)\b"
    r"|media playback is (?:unsupported|not supported)\b|enlarge this (?:image|photo)\b"
    r"|toggle caption\b|hide caption\b|(?:video|audio) player\b)", re.I)
# A caption closed by a bare photographer/agency credit: "... on Friday. Jane Roe/Getty Images",
# "... Photograph: Jane Roe/AFP/Getty Images", or the wire's order, agency first: "... May 2,
# 2019. REUTERS/ Jane Roe". A chain of name parts joined by "/", one of them a known agency.
_AGENCY = (r"(?:AP(?: Photo)?|AFP|Reuters|REUTERS|Getty Images|EPA(?:-EFE)?|Xinhua|Anadolu|"
           r"Shutterstock|Bloomberg|Sputnik|TASS|DPA|UPI|Landov|LANDOV|Redux|Polaris|"
           r"Zuma(?: Press)?|ZUMA(?: Wire| Press)?|The [A-Z]\w+(?: [A-Z]\w+)* via Getty Images)")
_CREDIT_PART = r"[A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|al-\w+|de|van|von|da)){0,4}"
_CREDIT_TAIL = re.compile(
    rf"(?:^|[.!?:\s])(?:{_CREDIT_PART}\s*/\s*)+{_AGENCY}(?: via Getty Images)?"
    rf"(?:\s*/\s*{_CREDIT_PART})*\s*\.?$"
    rf"|(?:^|[.!?:]\s*){_AGENCY}\s*/\s*{_CREDIT_PART}(?:\s*/\s*{_CREDIT_PART})*\s*\.?$")
ALPHA_WORD = re.compile(r"[^\W\d_]{2,}")
NUMERIC_DATE = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")
_WIDGET = re.compile(
    r"^\W*(?:comments?|share(?: this(?: article| story)?)?|share on \w+|tweet|email|e-mail|"
    r"print|whatsapp|facebook|twitter|linkedin|reddit|pinterest|telegram|flipboard|copy link|"
    r"advertisement|advertising|sponsored(?: content)?|ad|loading\.*|click to \w+(?: \w+)?|"
    r"leave a (?:comment|reply)|\d+ comments?|no comments?|add comment|post comment|"
    r"read more|read also|see also|related|tags?|topics?|filed under|listen(?: to this article)?|"
    r"\d+ min(?:ute)?s? read|back to top|next article|previous article|print this page|"
    r"story continued below|continue reading(?: (?:the main story|below|here))?|"
    # an archive page's age banner, printed above the headline (82 of the 12,000 Baly texts)
    r"this article is (?:more|over) than (?:a|an|one|\d+) (?:day|week|month|year)s? old)"
    r"\s*[:|.…]*\W*$", re.I)
_WIDGET_PREFIX = re.compile(r"^\W*(?:share(?: this(?: article| story)?)?|read more|read also|"
                            r"see also|related|tags|topics|"
                            r"filed under|follow us|join us|join our|also read|watch|"
                            # a cross-link to the site's other stories: "(Also on SITE: …)"
                            r"also on(?:\s+[\w.&'’-]+){1,3})\s*:", re.I)
_BOILER = re.compile(
    r"\b(?:cookies?|subscribe|subscription|subscriber|sign up|signup|log in|login|newsletter|"
    r"privacy policy|terms of (?:use|service)|all rights reserved|ad ?blocker|"
    r"enable javascript|javascript is disabled|free articles? (?:left|remaining)|"
    r"support (?:our|independent) journalism|download (?:our|the) app|follow us on|"
    # "Interested in Iran? Add Iran as an interest to stay up to date … Add Interest" (29 of
    # the 12,000 Baly texts; one reached a story summary, stop 45)
    r"as an interest to stay up to date|"
    r"copyright \d{4})|"
    # (outside the \b group: a word boundary never falls between a space and "©", so "Copyright
    # © 2019 The Washington Times, LLC." was kept and once read as a summary sentence, stop 45)
    r"©", re.I)
# A reader-support appeal: a box even when it is a few full sentences long.
_APPEAL = re.compile(r"help keep (?:this |our )?(?:news|journalism|reporting|site) free|"
                     r"become a (?:member|supporter|subscriber|patron)\W*$|"
                     r"support our (?:work|reporting|newsroom)", re.I)
_CREDIT_LINE = re.compile(r"^\((?:reporting|writing|editing|additional reporting|compiled|"
                          r"translated|produced|research)\b[^()]*\)\.?$", re.I)
# "- CNN Political Producer Jane Doe contributed to this report.": a staff credit line.
_CONTRIBUTED = re.compile(r"^[-–—•*\s]*(?:[\w.,'’&-]+\s+){1,12}contributed\s+(?:to\s+this\s+"
                          r"(?:report|story|article)|reporting)(?:\s+from\s+[\w ,.'’-]{1,40})?"
                          r"\s*\.?$", re.I)
_SENTENCE_END = re.compile(r"[.!?\"”’)]\s*$")
MENU_WORDS = frozenset(
    "home news world politics business opinion opinions sport sports entertainment culture "
    "lifestyle health science tech technology video videos podcast podcasts contact about "
    "subscribe login log sign search menu weather travel local national international economy "
    "markets region regions analysis features diaspora editorials columnists obituaries "
    "photos gallery live latest trending more newsletters careers advertise archives archive "
    "blogs blog shop jobs events education environment climate arts books food style "
    "magazine media newsletter section sections topics us u.s. uk europe asia africa "
    "americas middle east coronavirus covid-19 elections".split())


def words_of(line: str) -> list[str]:
    return _WORD.findall(line)


# A promo for another story: its photo's caption, " | ", the credit, then its headline ("Mayor
# speaks on Friday. | Jane Roe/AP Photo Council delays vote"); and a caption closed by
# "Photo: <credit>" without brackets ("... on Friday. Photo: Getty Images").
_PIPE_CREDIT = re.compile(rf"[.!?\"”’]\s*\|\s*(?:(?:{_CREDIT_PART}\s*/\s*)*{_AGENCY}|"
                          r"(?:AP|Reuters) Photos)\b")
_PHOTO_TAIL = re.compile(r"(?:^|[.!?\"”’]\s)Photo:\s+[A-Z][^.!?:]{0,60}$")


def is_caption(line: str) -> bool:
    s = line.strip()
    if nwords(s) <= 80 and ("|" in s and _PIPE_CREDIT.search(s) or "Photo:" in s[-70:]
                            and _PHOTO_TAIL.search(s[-80:])):
        return True
    # Credits close the line: only its tail needs the (slow, unanchored) search.
    if s[-1:] in ").:" and _CAPTION_END.search(s[-160:]) or _CAPTION_START.match(s):
        return True
    if _MEDIA_FURNITURE.match(s):
        return True
    # A bare credit closes captions only: prose lines are long and end in a sentence.
    return nwords(s) <= 60 and "/" in s[-60:] and bool(_CREDIT_TAIL.search(s[-90:]))


def caption_base(line: str) -> str:
    """A caption without its trailing credit, to catch the same caption repeated bare."""
    return re.sub(r"\s*\([^()]*\)\s*\.?\s*$", "", line.strip()).strip()


def is_menu(line: str) -> bool:
    stripped = line.strip()
    if not stripped or stripped[-1] in ".!?\"”'’:;,":
        return False
    tokens = words_of(stripped)
    if len(_SEPARATORS.findall(stripped)) >= 3 and len(tokens) <= 40:
        return True
    if len(tokens) < 5:
        return False
    menu = sum(1 for t in tokens if t.lower().rstrip(".") in MENU_WORDS)
    capitalized = sum(1 for t in tokens if t[0].isupper() or t[0].isdigit())
    if menu >= 4 and menu >= len(tokens) * 0.4:
        return True
    lowered = [t.lower() for t in tokens]
    repeated = len(set(lowered)) < len(lowered)
    return len(tokens) >= 8 and capitalized == len(tokens) and repeated and menu >= 2


def is_shouted(line: str) -> bool:
    """A line written all in capitals, of four words or more: an inline promo headline ("OFFICIAL
    SLAMS PLAN, SAYS ..."), an app or newsletter plug, or a subhead. Never a sentence of the
    story, and never a quote's speaker. A quoted line (an all-caps post quoted whole) is kept;
    one that only opens with a quoted name or phrase ("'THE VIEW' GETS TESTY: MEGHAN MCCAIN
    ASKS ..."; stop 59: its "THE VIEW" was read as McCain's words) is a promo like the rest."""
    s = line.strip()
    if not s or s != s.upper():
        return False
    if s[0] in _OPEN_CLOSE:
        close = re.compile(rf"{_OPEN_CLOSE[s[0]]}(?![^\W\d_])").search(s, 1)
        s = s[close.end():] if close else ""
    return len(ALPHA_WORD.findall(s)) >= 4


# A line's opening quote mark and the marks that close it (a closing mark is followed by no
# letter: the "’" of "DON’T" closes nothing).
_OPEN_CLOSE = {'"': '"', "“": "[”\"]", "‘": "[’']", "'": "['’]", "«": "»"}


def nwords(line: str) -> int:
    """A cheap word count (whitespace tokens), for length rules on hot paths."""
    return len(line.split())


def is_prose(line: str) -> bool:
    n = nwords(line)
    return n >= 14 or (n >= 6 and line.rstrip()[-1:] in ".!?\"”")


def smart_case(name: str) -> str:
    """ALL-CAPS names to Title Case; anything with lower-case letters is kept as written."""
    return name.title() if name.isupper() else name


def _clean_name(name: str) -> str | None:
    name = re.sub(r"\s+", " ", name).strip(" ,;:-|–—·")
    if not name or len(words_of(name)) > 8 or not re.search(r"[^\W\d_]", name):
        return None
    return smart_case(name)


def byline_of(line: str) -> str | None:
    s = re.split(r"\s+[|•·]\s+", " ".join(line.split()))[0].strip()
    m = _BYLINE.match(s) or _AUTHOR_LABEL.match(s)
    if m is None:
        return None
    name = re.split(r"\s+[|•·]\s+|\s+-\s+|,\s*(?:updated|published|posted)\b", m.group("name"),
                    flags=re.I)[0]
    return _clean_name(name)


def outlet_from_byline(byline: str) -> str | None:
    m = _STAFF.match(byline)
    return _clean_name(m.group("org")) if m else None


def site_name(rest: str) -> str | None:
    """'The Daily Harbor - Independent news ...' -> 'The Daily Harbor' (a site header)."""
    parts = [p.strip() for p in re.split(r"\s[-|–—:·•›»>]\s|\s?\|\s?", rest) if p.strip()]
    if len(parts) < 2:
        return None
    tokens = words_of(parts[0])
    while len(tokens) > 1 and tokens[-1].lower() in _NAV_TAIL:  # "Ridgeway Post Home"
        tokens.pop()
    if not 1 <= len(tokens) <= 6 or all(t.lower() in MENU_WORDS for t in tokens):
        return None
    if not all(t[0].isupper() or t.lower() in ("the", "of", "and", "al", "el") for t in tokens):
        return None
    return _clean_name(" ".join(tokens))


_NAV_TAIL = {"home", "menu", "search", "login", "subscribe", "sections", "navigation"}
# Cheap substrings that every _BOILER match contains: the regex runs only when one is present.
_BOILER_STEMS = ("cookie", "subscri", "sign up", "signup", "log in", "login", "newsletter",
                 "privacy", "terms of", "rights reserved", "blocker", "javascript", "free art",
                 "journalism", "app", "follow us", "copyright", "©", "keep", "become a",
                 "support our", "as an interest")


# A video player's block: its "CLOSE" button read as text, then the clip's caption and credit
# ("CLOSE Claims by X are casting a shadow over Y. (Jan. 27) AP Domestic").
_CLOSE_BLOCK = re.compile(r"^CLOSE\s+[A-Z“\"]")


# A link to another of the site's stories under a "More:" label ("More: The winners and losers
# of the debate", "More:Workers to get back pay"): a headline, so short.
_MORE_LINK = re.compile(r"^\W*more\s*:\s*\S", re.I)
MORE_LINK_WORDS = 30
# A promo card for another story with its label and no colon, its headline and teaser run on
# ("Read More <headline> <teaser>", "Related Coverage <headline>", "Related Video <teaser>",
# "see also <headline> <teaser>...", "Read more about the bill here."): 100 lines of the 12,000
# Baly texts, up to 62 words (stop 47: a teaser's "Mothers Should Know The experience …" was
# read as a quote). A prose paragraph after a stray label is longer (168 words, once).
_PROMO_LINK = re.compile(r"^\W*(?:read more|related coverage|related video|see also)\b", re.I)
PROMO_LINK_WORDS = 100


def is_widget(line: str) -> bool:
    """Share/comment widgets, "Advertisement", credit lines, cookie and subscription boxes,
    a video player's caption block, a "More:" link, a promo card."""
    s = line.strip()
    if _WIDGET.match(s) or _WIDGET_PREFIX.match(s) or _CREDIT_LINE.match(s) \
            or _CLOSE_BLOCK.match(s) or _CONTRIBUTED.match(s):
        return True
    if _MORE_LINK.match(s) and nwords(s) <= MORE_LINK_WORDS \
            or _PROMO_LINK.match(s) and nwords(s) <= PROMO_LINK_WORDS:
        return True
    if len(s) > 400:  # widgets and boxes are short; prose paragraphs are not
        return False
    low = s.lower()
    if not any(stem in low for stem in _BOILER_STEMS):
        return False
    n = nwords(s)
    if n <= 60 and _APPEAL.search(s):
        return True
    # Subscription/cookie boxes are short and never carry the story.
    return n <= 40 and bool(_BOILER.search(s)) and not (n >= 25 and _SENTENCE_END.search(s)
                                                         and "cookie" not in low)


def is_site_header(line: str) -> bool:
    """A short line of name-like parts between separators: "Meridian Press | World Wire"."""
    s = line.strip()
    parts = [p for p in re.split(r"\s[-|–—·•›»>]\s|\s?\|\s?", s) if p.strip()]
    if len(parts) < 2 or nwords(s) > 10 or site_name(s) is None:
        return False
    return all(t[0].isupper() or t[0].isdigit() or t.lower() in _SMALL_WORDS
               for p in parts for t in words_of(p))


_SMALL_WORDS = {"the", "of", "and", "al", "el", "de", "for", "on", "in", "&"}


def name_like(line: str) -> str | None:
    if _SEPARATORS.search(line):
        return None
    tokens = words_of(line)
    if not 1 <= len(tokens) <= 5 or all(t.lower().rstrip(".") in MENU_WORDS for t in tokens):
        return None
    if any(t.lower().rstrip(".,") in WEEKDAYS or t.lower().rstrip(".,") in MONTH_WORDS
           for t in tokens):
        return None  # "Thursday", "March 2024": a date's words, not a name
    if not all(t[0].isupper() or t.lower() in _SMALL_WORDS for t in tokens):
        return None
    return _clean_name(line)


MONTH_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


def same_words(a: str, b: str) -> bool:
    return [w.lower() for w in words_of(a)] == [w.lower() for w in words_of(b)]


# A video player's text printed into the story: "JUST WATCHED <clip title> Replay More Videos
# ... MUST WATCH <clip title> 02:09" (the player's labels in capitals, the clip's title twice,
# its duration), a whole line or run into a paragraph. Cut from the labels to the duration.
_PLAYER = re.compile(r"(?:^|(?<=\s))JUST WATCHED\s.{1,300}?\sReplay\s+More\s+Videos"
                     r"\s*(?:\.{3}|…)?\s*(?:MUST WATCH(?:\s.{1,300}?\s\d{1,2}:\d{2}(?::\d{2})?)?"
                     r"(?=\s|$))?")


def drop_player_widgets(line: str) -> str:
    """The line without a video player's text (see `_PLAYER`); a line that held only the
    player comes back empty."""
    if "Replay" not in line:
        return line
    return re.sub(r"[ \t]{2,}", " ", _PLAYER.sub("", line)).strip() if _PLAYER.search(line) \
        else line


# A link to another story printed as a line: its headline closed by "Read more" ("Mayor
# quits over budget row Read more"). Short: a paragraph that ends so is kept.
_READ_MORE_END = re.compile(r"\s(?:Read|READ) (?:more|More|MORE)\s*[.…:»›>]*$")


# A bracketed pointer to a gallery or another story: "( PHOTOS: Ten lines from the debate)".
_PAREN_LINK = re.compile(r"^\(\s*(?:PHOTOS?|VIDEOS?|POLL|MORE|READ|RELATED|SEE|LISTEN)\s*:"
                         r"[^()]{1,200}\)\.?$")


def is_link_line(line: str) -> bool:
    s = line.strip()
    return nwords(s) <= 30 and bool(_READ_MORE_END.search(s) or _PAREN_LINK.match(s))


# A content system's label glued before the story's first bullet: "Story highlights Mayor
# says ...". The label goes, the bullet stays.
_STORY_LABEL = re.compile(r"^\s*[Ss]tory [Hh]ighlights\s*:?\s+(?=[A-Z0-9\"“‘'])")


def drop_story_label(line: str) -> str:
    return _STORY_LABEL.sub("", line, count=1) if line[:1] in "Ss \t" else line


# A page's fold button read as text before its headline, the text's first line ("Collapse
# Trump and Bolton: Why their relationship chilled": 7 Christian Science Monitor pages of the
# 12,000 Baly texts; stop 59, where "Collapse Trump" became a person). Not "Collapse of ...".
_FOLD_LABEL = re.compile(r"^\s*Collapse\s+(?=[A-Z0-9\"“‘'])(?!Of\b)")


def drop_fold_label(line: str) -> str:
    """The first line without a fold button's "Collapse" before its headline."""
    return _FOLD_LABEL.sub("", line, count=1) if "Collapse" in line[:12] else line


# Inline link cards some sites print into the sentence after a linked name: the person's full
# name (nickname in brackets) glued to the first of a few headlines, closed by "MORE":
# "Gov. Ana Ruiz Ana (Annie) Maria RuizCity council delays vote | ... MORE (D-Ore.) said".
# The card's last name word runs into a capital or a digit ("RuizCity", "Ruiz2024"), or, where
# the page's markup became a space, is followed by one and a capitalised headline.
_LOW = "a-zà-öø-ÿ"
# A name word: maybe a prefix with its own capital ("McCann", "DeLuca", "LoBiondo"), a
# capital and lower-case letters, maybe a second part after a hyphen ("Ocasio-Cortez").
_NAME_WORD = (rf"(?:Mc|Mac|De|Di|Da|Du|La|Le|Lo)?[A-Z][{_LOW}'’]*[{_LOW}]"
              rf"(?:-[A-Z][{_LOW}'’]*[{_LOW}])?")
_CARD_SURNAME = re.compile(rf"\b(?P<surname>{_NAME_WORD})(?=[A-Z0-9]| [A-Z0-9'‘\"“])")
# "MORE" after a space, or glued to the name when the card holds no headline ("RuizMORE").
_CARD_END = re.compile(rf"(?:(?<= )|(?<=[{_LOW}]))MORE(?=$|[^\w])(?!\s+[A-Z]{{2,}}\b)")
_CARD_NAME = re.compile(r"^(?:\s*(?:[A-Z][\w'’.\-]*|\([A-Z][\w'’.\-]*\)|[A-Z]\.|"
                        r"de|del|da|van|von|der|bin|al|la|le)){1,6}$")
CARD_MAX_CHARS = 700  # from the card's name to "MORE": a few headlines
_CARD_BEFORE = 80  # how far before the card's name the linked name may start


def drop_link_cards(line: str) -> str:
    """The line without inline link cards (see `_CARD_SURNAME`): the card's full name,
    headlines and "MORE" are cut, the linked name before them stays. A card is cut only when
    its last name word also stands just before its full name (the link's own text: "Ana Ruiz
    Ana (Annie) Maria RuizCity ... MORE"), so a glued brand in prose ("YouTube") or a shouted
    "MORE THAN" is kept."""
    if "MORE" not in line:
        return line
    out, at = [], 0
    for end in _CARD_END.finditer(line):
        if end.start() < at:
            continue
        start = _card_start(line, at, end.start())
        if start is None:
            continue
        out.append(line[at:start])
        at = end.end()
    if not out:
        return line
    out.append(line[at:])
    return re.sub(r"[ \t]{2,}", " ", "".join(out)).rstrip()


def _card_start(line: str, lo: int, more: int) -> int | None:
    """Where the card ending at `more` starts: right after the linked name's last word. A
    glued last name word is the sure sign and is tried first; one followed by a space needs
    a card name of two words or more ("Paul Ryan Paul Davis Ryan Retirees ...")."""
    found = list(_CARD_SURNAME.finditer(line, max(lo, more - CARD_MAX_CHARS), more + 1))
    glued = [m for m in found if line[m.end():m.end() + 1] != " "]
    for last in [*glued, *(m for m in found if m not in glued)]:
        surname = last.group("surname")
        base = max(lo, last.start() - _CARD_BEFORE)
        before = line[base:last.start()]
        # The linked name's last word (itself glued to the card's name at times: "Ana
        # RuizAna Maria RuizCity"), then up to six name words of the card's full name.
        for anchor in reversed(list(re.finditer(r"\b" + re.escape(surname) + rf"(?![{_LOW}])",
                                                before))):
            name = before[anchor.end():].strip()
            if _CARD_NAME.match(name) and (last in glued or len(name.split()) >= 2):
                return base + anchor.end()
    return None
