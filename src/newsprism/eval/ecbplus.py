"""ECB+ loader (Cybulska and Vossen 2014): read from disk, never copied into the project.

The corpus has one folder per topic (`1/`, `3/`, ...), each with documents `N_Kecb.xml` (the
original ECB event) and `N_Kplusecb.xml`/`N_Kecbplus.xml` (a second, similar event added by
ECB+). A document is a list of `<token t_id sentence number>` elements followed by the event
markables, which we ignore. For story clustering the gold cluster is topic + half:
`"N/ecb"` or `"N/ecbplus"`.

Text is rebuilt from the tokens: one line per sentence, tokens joined by spaces except before
closing punctuation, PTB quotes (`` '') turned back into straight quotes. The documents of the
ECB+ half (and only those) begin with their source URL, tokenised: that line would tell the
halves apart by itself (and its path often holds the date), so we move it to `Article.url`
and keep it out of the text that both our stage and the baseline read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from defusedxml import ElementTree

from ..model import Article, InputProblem
from ..text import stable_id

_NAME = re.compile(r"^(?P<topic>\d+)_(?P<doc>\d+)(?P<half>ecbplus|plusecb|ecb)\.xml$")
_NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", "%", ")", "]", "}", "'s", "n't", "'re", "'ve",
                    "'ll", "'d", "'m", "''"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``"}
_PTB = {"``": '"', "''": '"', "-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]"}


@dataclass(frozen=True, slots=True)
class GoldArticle:
    article: Article
    cluster: str  # "topic/ecb" or "topic/ecbplus"


def detokenize(sentences: list[list[str]]) -> str:
    lines = []
    for tokens in sentences:
        out: list[str] = []
        glue = True
        for tok in tokens:
            if not glue and tok not in _NO_SPACE_BEFORE:
                out.append(" ")
            out.append(_PTB.get(tok, tok))
            glue = tok in _NO_SPACE_AFTER
        lines.append("".join(out).strip())
    return "\n".join(line for line in lines if line)


def read_document(path: Path) -> list[list[str]]:
    root = ElementTree.parse(str(path)).getroot()
    sentences: dict[int, list[tuple[int, str]]] = {}
    for tok in root.iter("token"):
        text = (tok.text or "").strip()
        if not text:
            continue
        sent = int(tok.get("sentence", "0"))
        sentences.setdefault(sent, []).append((int(tok.get("number", "0")), text))
    return [[t for _, t in sorted(toks)] for _, toks in sorted(sentences.items())]


def load_ecbplus(root: Path, limit: int | None = None
                 ) -> tuple[list[GoldArticle], list[InputProblem]]:
    """Every document under `root` (topic folders), in a fixed order; bad files reported."""
    root = Path(root)
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: ECB+ folder not found (expected topic folders 1/ ...)")
    out: list[GoldArticle] = []
    problems: list[InputProblem] = []
    files = sorted(root.glob("*/*.xml"), key=lambda p: (p.parent.name.zfill(4), p.name))
    for path in files:
        m = _NAME.match(path.name)
        if m is None:
            problems.append(InputProblem(str(path), "not an ECB+ document name (N_Kecb.xml)"))
            continue
        try:
            sentences = read_document(path)
        except (ElementTree.ParseError, ValueError) as exc:
            problems.append(InputProblem(str(path), f"cannot read ECB+ XML ({exc})"))
            continue
        url = None
        if sentences and sentences[0] and sentences[0][0].lower() in ("http", "https", "http:",
                                                                         "https:"):
            url = "".join(sentences[0])
            sentences = sentences[1:]
        text = detokenize(sentences)
        if not text:
            problems.append(InputProblem(str(path), "no tokens"))
            continue
        half = "ecb" if m.group("half") == "ecb" else "ecbplus"
        article = Article(id=stable_id("ecbplus", path.name), source=str(path), text=text,
                          url=url, outlet=f"ecbplus-{m.group('topic')}-{m.group('doc')}")
        out.append(GoldArticle(article, f"{m.group('topic')}/{half}"))
        if limit is not None and len(out) >= limit:
            break
    if not out and not problems:
        problems.append(InputProblem(str(root), "no ECB+ documents (*/N_Kecb.xml) found"))
    return out, problems
