"""Executives the gazetteer lacks, named once with their company and later by name.

Real coverage introduces a company's people by title ("Nvidia CEO Jensen Huang",
"Didi's chief executive Cheng Wei", "Eddie Wu, Alibaba's chief executive", "Huang, the
chief executive of Nvidia") and then names them alone ("Huang said …", "Mr Wu told
analysts"): such a sentence speaks of the company. The gazetteer's own people (Jack Ma,
Pony Ma) keep their entries; this module only remembers the others an article introduces.

A surname is the first word of a two-word Chinese name ("Cheng Wei": Cheng) and the last
word of any other ("Jensen Huang": Huang). A surname that is also a common English word
("Long", "Song") is read only after a title or in the full name, and a surname right
before another capitalised word is someone else's name ("Huang Qifan").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from data.organisations import CHINESE_SURNAMES

#: A company officer's title.
_TITLE = (r"(?i:(?:former\s+|then[\s-]+|co-?)?(?:chief\s+executive(?:\s+officer)?|CEO|founder"
          r"|chairman|chairwoman|chair|president|boss|chief\s+financial\s+officer|CFO))")
#: The words one of which a title needs (in the cases a sentence may write them): a cheap
#: test before :func:`introduced`.
TITLE_WORDS = frozenset(
    w for t in ("chief", "ceo", "founder", "cofounder", "co", "chairman", "chairwoman", "chair",
                "president", "boss", "cfo") for w in (t, t.capitalize(), t.upper()))
#: A person's name of two or three capitalised words ("Jensen Huang", "Cheng Wei").
_FULL = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?(?:\s+[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?){1,2}"
#: The same, or a surname alone ("Huang, the chief executive of Nvidia").
_ANY = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?(?:\s+[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?){0,2}"
_POSSESSIVE = r"(?:[’']s)?"
#: Right after the company: its title and the person ("Nvidia CEO Jensen Huang", "Didi's
#: chief executive Cheng Wei", "Alibaba Chairman and co-founder Joe Tsai").
_AFTER_COMPANY = re.compile(
    rf"{_POSSESSIVE}\s+{_TITLE}(?:\s+and\s+{_TITLE})?,?\s+(?P<name>{_FULL})(?![\w-])")
#: Before the company: the person, then the title ("Eddie Wu, Alibaba's chief executive";
#: "Huang, the chief executive of Nvidia").
_BEFORE_POSSESSIVE = re.compile(rf"(?P<name>{_FULL}),\s+(?:the\s+)?$")
_AFTER_POSSESSIVE = re.compile(rf"(?:[’']s)?\s+{_TITLE}\b")  # (the mention may hold the 's)
_BEFORE_OF = re.compile(rf"(?<![\w-])(?P<name>{_ANY}),\s+(?:the\s+|its\s+)?{_TITLE}\s+of\s+$")
#: Surnames that are also common English words: read only with a title or the full name.
_ENGLISH = frozenset({"He", "Long", "Song", "Fan", "Pan", "Tan", "Ding", "Young", "King",
                      "Rich", "May", "Bill", "Cook", "Price", "Case", "Wing", "Sun", "Bai",
                      "Hong", "Gu", "Lei", "Hu", "Yu", "Ye", "Ren", "Gao", "Hao", "Du", "Jin"})
_TITLES_BEFORE = re.compile(r"(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+$")
_CAPITALISED_BEFORE = re.compile(r"[A-Z][a-z]+\s+$")
_CAPITALISED_AFTER = re.compile(r"\s+[A-Z][a-z]")


def surname(name: str) -> str:
    """The surname of a full name: a Chinese name's first word, any other's last.

    >>> surname("Jensen Huang"), surname("Cheng Wei"), surname("Eddie Wu"), surname("Huang")
    ('Huang', 'Cheng', 'Wu', 'Huang')
    """
    words = name.split()
    return words[0] if len(words) == 2 and words[0] in CHINESE_SURNAMES else words[-1]


def introduced(sentence: str, companies: list[tuple[int, int, str]],
               taken: list[tuple[int, int]]) -> list[tuple[str, str]]:
    """(person's name, company) for each executive ``sentence`` introduces with the company
    named at one of ``companies`` (start, end, name); a name overlapping ``taken`` (a name
    the gazetteer knows) is not one.

    >>> introduced("Nvidia CEO Jensen Huang met officials.", [(0, 6, "Nvidia")], [])
    [('Jensen Huang', 'Nvidia')]
    >>> introduced("Eddie Wu, Alibaba's chief executive, spoke.", [(10, 17, "Alibaba")], [])
    [('Eddie Wu', 'Alibaba')]
    """
    found = []
    for start, end, company in companies:
        candidates = []
        if m := _AFTER_COMPANY.match(sentence, end):
            candidates.append((m.start("name"), m.end("name"), m.group("name")))
        possessive = sentence[end - 2 : end] in ("'s", "’s") or sentence[end : end + 2] in ("'s", "’s")
        if possessive and _AFTER_POSSESSIVE.match(sentence, end) and (
                b := _BEFORE_POSSESSIVE.search(sentence, max(0, start - 60), start)):
            candidates.append((b.start("name"), b.end("name"), b.group("name")))
        if b := _BEFORE_OF.search(sentence, max(0, start - 80), start):
            candidates.append((b.start("name"), b.end("name"), b.group("name")))
        for a, b, name in candidates:
            if not any(x < b and a < y for x, y in taken):
                found.append((name, company))
    return found


def words_of(executives: dict[str, str]) -> frozenset[str]:
    """The words of the executives' names, one of which a sentence naming one needs.

    >>> sorted(words_of({"Jensen Huang": "Nvidia"}))
    ['Huang', 'Jensen']
    """
    return frozenset(w for name in executives for w in name.split())


def referred(sentence: str, executives: dict[str, str], known_surnames: Iterable[str] = ()
             ) -> list[str]:
    """The companies whose executives (``executives``: name -> company) ``sentence`` names,
    in full or by surname (not one of ``known_surnames``: those of the gazetteer's own people
    the article has named, who keep their surname).

    >>> referred("Mr Huang said so.", {"Jensen Huang": "Nvidia"})
    ['Nvidia']
    """
    out = []
    for name, company in executives.items():
        if name in sentence:
            out.append(company)
            continue
        last = surname(name)
        if last in known_surnames or last not in sentence:
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(last)}(?:[’']s)?(?![\w-])", sentence):
            titled = _TITLES_BEFORE.search(sentence, max(0, m.start() - 6), m.start())
            if not titled and (last in _ENGLISH or _CAPITALISED_BEFORE.search(
                    sentence, max(0, m.start() - 20), m.start())):
                continue
            if _CAPITALISED_AFTER.match(sentence, m.end()):
                continue  # "Huang Qifan": another person
            out.append(company)
            break
    return out
