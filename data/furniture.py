"""Page furniture: lines of a web page that are not the article's prose.

Bylines, time stamps, sign-up prompts and copyright lines carry dates and
names, but they report nothing that happened: no event is ever made from them.
This module is the one place that decides what is furniture; the pipeline asks
:func:`is_furniture` about every sentence before it looks for dates.
"""

from __future__ import annotations

import re

#: A line starting so is furniture.
_OPENING = re.compile(
    r"(?:Copyright\b|©|All rights reserved|Leave a (?:comment|reply)|Skip to main content"
    r"|Posted\b|Updated\b|Published\b|Follow (?:him|her|us)\b|This article was provided by"
    r"|Sign up\b|Subscribe\b|(?:Share\s+)?(?:Prices|Data|Figures)\s+(?:are\s+)?as\s+of\b)",
    re.IGNORECASE,
)
#: A time-stamp field anywhere in a header line ("Business desk | Published: 8:30pm, ...").
_TIME_STAMP = re.compile(
    r"(?:^|[|•·])\s*(?:Published|Updated|Posted|Last updated)(?:\s+on)?\s*:", re.I
)


def is_furniture(sentence: str) -> bool:
    """Page furniture: a boilerplate opening, a time stamp, or a header line of
    fields split by bars ("Sector note | 20 August 2021 | China Internet").

    >>> is_furniture("Business desk | Published: 8:30pm, 27 Jul, 2021")
    True
    >>> is_furniture("Sector note | 20 August 2021 | China Internet")
    True
    >>> is_furniture("Regulators fined Alibaba on April 10.")
    False
    """
    return bool(
        _OPENING.match(sentence)
        or (":" in sentence and _TIME_STAMP.search(sentence))
        or sentence.count(" | ") >= 2
    )
