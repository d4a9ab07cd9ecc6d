"""The curated gazetteer (``gazetteer.toml``) as data: entries, people, aliases.

``gazetteer()`` loads and checks the file once (``data.gazetteer_schema``): a
canonical name is one of its own aliases, products name their owner, and every
alias matches with either apostrophe (’ or '). ``actor_kind`` gives a state
actor's kind; ``company_aliases`` and ``actor_info`` serve the cards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from data.gazetteer_schema import GROUPS, ActorKind, load_checked
from data.text import WORD, tokens

_SURNAME_TITLE = r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?"

GAZETTEER_FILE = Path(__file__).with_name("gazetteer.toml")
UNSPECIFIED = "Chinese government (unspecified)"


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    group: str  # "company" or "actor"
    kind: str  # "company", or for an actor one of ActorKind
    full: str = ""
    aliases: tuple[str, ...] = ()  # aliases and products, as the gazetteer writes them
    people: tuple[str, ...] = ()
    person: bool = False  # an actor who is one person (a leader): "he" may be them


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    surname: str
    group: str
    targets: tuple[str, ...]  # canonical names the person stands for
    role: str = ""


@dataclass
class Gazetteer:
    entries: dict[str, Entry]
    people: dict[str, Person]
    # alias (exact) -> ("company"|"actor"|"person", canonical)
    exact: dict[str, tuple[str, str]] = field(default_factory=dict)
    lower: dict[str, tuple[str, str]] = field(default_factory=dict)
    # last word of an alias, lower-cased -> the aliases ending with it, longest first, each
    # with the words a sentence holding it has (``data.text.tokens``: a cheap first test)
    exact_index: dict[str, tuple[tuple[str, frozenset[str]], ...]] = field(default_factory=dict)
    lower_index: dict[str, tuple[tuple[str, frozenset[str]], ...]] = field(default_factory=dict)
    surnames: frozenset[str] = frozenset()
    name_words: frozenset[str] = frozenset()  # the index's words: a name needs one of them
    #: each of :attr:`name_words` -> the words of each alias ending with it (either index's),
    #: fewest first
    name_needs: dict[str, tuple[frozenset[str], ...]] = field(default_factory=dict)
    not_organisations: frozenset[str] = frozenset()  # people and state actors by any alias
    products: frozenset[str] = frozenset()  # the companies' products ("WeChat"), both apostrophes
    surname_pattern: re.Pattern[str] | None = None

    def may_name(self, words: frozenset[str]) -> bool:
        """Could a sentence whose :func:`~data.text.tokens` are ``words`` name someone of the
        gazetteer: does it hold every word of one alias? ("Technology stocks in China" holds
        words of "Micron Technology" and "Bank of China", and names no one.)"""
        if words.isdisjoint(self.name_words):
            return False
        needs_of = self.name_needs
        return any(needs <= words for word in words & self.name_words for needs in needs_of[word])

    def companies(self) -> list[Entry]:
        return [e for e in self.entries.values() if e.group == "company"]

    def actors(self) -> list[Entry]:
        return [e for e in self.entries.values() if e.group == "actor"]


def _alternation(words: list[str]) -> str:
    """One alternation, longest first; any run of white space (a no-break
    space included) matches the space of an alias."""
    escaped = (
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)
    )
    return "|".join(escaped)


def apostrophe_variants(alias: str) -> tuple[str, ...]:
    """The alias with either apostrophe: articles write both.

    >>> apostrophe_variants("People’s Bank of China")
    ('People’s Bank of China', "People's Bank of China")
    >>> apostrophe_variants("SAMR")
    ('SAMR',)
    """
    return tuple(dict.fromkeys((alias, alias.replace("’", "'"), alias.replace("'", "’"))))


@cache
def gazetteer(path: Path = GAZETTEER_FILE) -> Gazetteer:
    """The gazetteer, checked on load (see ``data.gazetteer_schema``): a canonical
    name is one of its own aliases, and every alias matches with ’ or '."""
    doc = load_checked(path)
    gaz = Gazetteer(entries={}, people={})
    for group in GROUPS:
        for raw in doc.get(group, []):
            name = raw["name"]
            people = []
            for p in raw.get("people", []):
                targets = tuple(p.get("companies", [name])) if group == "company" else (name,)
                person = Person(
                    p["name"],
                    p.get("surname", p["name"].split()[-1]),
                    group,
                    targets,
                    p.get("role", ""),
                )
                gaz.people[person.name] = person
                people.append(person.name)
                for alias in [person.name, *p.get("aliases", [])]:
                    for variant in apostrophe_variants(alias):
                        gaz.exact[variant] = ("person", person.name)
            aliases = (*raw.get("aliases", []), *raw.get("products", []))
            gaz.entries[name] = Entry(
                name,
                group,
                raw.get("kind", group),
                raw.get("full", ""),
                aliases,
                tuple(people),
                raw.get("person", False),
            )
            for alias in dict.fromkeys((name, *aliases)):
                for variant in apostrophe_variants(alias):
                    gaz.exact[variant] = (group, name)
            for alias in raw.get("lower", []):
                for variant in apostrophe_variants(alias.lower()):
                    gaz.lower[variant] = (group, name)
    gaz.products = frozenset(
        v for raw in doc.get("company", []) for p in raw.get("products", [])
        for v in apostrophe_variants(p)
    )  # fmt: skip
    surnames = sorted({p.surname for p in gaz.people.values()})
    gaz.exact_index = _index_by_last_word(gaz.exact)
    gaz.lower_index = _index_by_last_word(gaz.lower)
    gaz.surnames = frozenset(surnames)
    gaz.name_words = frozenset(gaz.exact_index) | frozenset(gaz.lower_index)
    gaz.name_needs = {
        word: tuple(sorted({needs for index in (gaz.exact_index, gaz.lower_index)
                            for _, needs in index.get(word, ())}, key=lambda n: (len(n), sorted(n))))
        for word in gaz.name_words
    }  # fmt: skip
    gaz.not_organisations = frozenset(
        [*surnames, *(a for a, (group, _) in gaz.exact.items() if group != "company")]
    )
    gaz.surname_pattern = re.compile(
        rf"(?<![\w.-]){_SURNAME_TITLE}(?P<surname>{_alternation(surnames)})(?:[’']s)?(?![\w-])"
    )
    return gaz


def actor_kind(name: str) -> str:
    """The kind of a state actor (an ``ActorKind`` value), by its canonical name.

    >>> actor_kind("SAMR"), actor_kind("Xi Jinping"), actor_kind(UNSPECIFIED)
    ('Chinese regulator', 'party or leader', 'Chinese government')
    """
    entry = gazetteer().entries.get(name)
    if entry is None or entry.group != "actor":
        raise KeyError(f"{name!r} is not a state actor of {GAZETTEER_FILE.name}")
    return ActorKind(entry.kind).value


def _index_by_last_word(aliases) -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
    """Each alias, longest first, under the lower case of its last word (a sentence's
    :func:`~data.text.tokens` hold the lower case of each of its words), with its own tokens:
    a sentence holding the alias as whole words holds them all."""
    index: dict[str, list[str]] = {}
    for alias in sorted(aliases, key=len, reverse=True):
        index.setdefault(WORD.findall(alias)[-1].lower(), []).append(alias)
    return {word: tuple((a, tokens(a)) for a in dict.fromkeys(found)) for word, found in index.items()}


def company_aliases() -> dict[str, tuple[str, ...]]:
    """Canonical company name -> its aliases, products and people (for the UI)."""
    gaz = gazetteer()
    return {
        e.name: tuple(a for a in (*e.aliases, *e.people) if a != e.name) for e in gaz.companies()
    }


def actor_info() -> dict[str, Entry]:
    """Canonical actor name -> its gazetteer entry (full name, kind, aliases)."""
    return {e.name: e for e in gazetteer().actors()}
