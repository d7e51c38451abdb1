"""The clean stage: one raw article in, its body text and header metadata out.

    article.py  clean_article: the stage (body lines kept, metadata recovered)
    header.py   the page header: title, outlet, byline and the publish date (never the crawl date)
    lines.py    what kind of line this is (menu, caption, share bar, footer, comment widget)
"""

from .article import clean_article

__all__ = ["clean_article"]
