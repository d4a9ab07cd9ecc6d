"""Companies and state actors named in a sentence, from the curated gazetteer.

The gazetteer (``gazetteer.toml``) lists canonical names with aliases,
products, people and descriptions. Matching is done with one compiled
alternation (longest alias first), then four general reference rules:

* a product names its owner ("WeChat" -> Tencent);
* a person names their company or office only where the sentence names no
  company (or actor) itself ("Jack Ma ... resurfaced" -> Alibaba);
* a surname ("Mr. Ma", "Ma") or "he/his" refers to the person of the
  gazetteer last named within the preceding sentences;
* a definite description ("the company", "the e-commerce giant") refers to
  the company last named, where the sentence names none before it.

Generic state words ("regulators", "Beijing", "the government") become the
explicit actor ``Chinese government (unspecified)``, beside any named actor:
"Xi called on the country's regulators" is about Xi and about regulators.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

GAZETTEER_FILE = Path(__file__).with_name("gazetteer.toml")
UNSPECIFIED = "Chinese government (unspecified)"
PERSON_KINDS = frozenset({"leader"})  # actors who are one person: "he" may be them

_DESCRIPTION = re.compile(
    r"\b[Tt]he\s+(?:company|firm|group|(?:[\w-]+\s+){0,2}?(?:giant|titan|behemoth|conglomerate"
    r"|platform|startup|start-up))\b(?![’']s\s+(?:rivals?|peers))"
)
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Hh]is|[Hh]im)\b")
_LOCATION_BEFORE = re.compile(r"(?:\b(?:in|to|from|of|or|and|at|near|outside|around)\s+)$")
_SURNAME_TITLE = r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?"


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    group: str  # "company" or "actor"
    kind: str  # company, regulator, party, leader, us, unspecified, ...
    full: str = ""
    aliases: tuple[str, ...] = ()
    people: tuple[str, ...] = ()


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
    pattern: re.Pattern[str] | None = None
    lower_pattern: re.Pattern[str] | None = None
    surname_pattern: re.Pattern[str] | None = None

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


def _key(token: str) -> str:
    return " ".join(token.split())


@cache
def gazetteer(path: Path = GAZETTEER_FILE) -> Gazetteer:
    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    gaz = Gazetteer(entries={}, people={})
    for group in ("company", "actor"):
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
                    gaz.exact[alias] = ("person", person.name)
            gaz.entries[name] = Entry(
                name,
                group,
                raw.get("kind", group),
                raw.get("full", ""),
                tuple(raw.get("aliases", [])),
                tuple(people),
            )
            for alias in raw.get("aliases", []):
                gaz.exact[alias] = (group, name)
            for alias in raw.get("lower", []):
                gaz.lower[alias.lower()] = (group, name)
    gaz.pattern = re.compile(
        rf"(?<![\w.@/-])(?:{_alternation(list(gaz.exact))})(?:[’']s)?(?![\w-])(?![’'](?!s\b)\w)"
    )
    gaz.lower_pattern = re.compile(
        rf"(?<![\w-])(?:{_alternation(list(gaz.lower))})(?![\w-])", re.IGNORECASE
    )
    surnames = sorted({p.surname for p in gaz.people.values()})
    gaz.surname_pattern = re.compile(
        rf"(?<![\w.-]){_SURNAME_TITLE}(?P<surname>{_alternation(surnames)})(?:[’']s)?(?![\w-])"
    )
    return gaz


@dataclass
class Mention:
    start: int
    end: int
    group: str  # company / actor / person
    name: str


@dataclass
class ActorContext:
    """What earlier sentences of the article named, for references."""

    last_company: tuple[int, str] | None = None  # (sentence index, name)
    last_person: tuple[int, str] | None = None
    people_named: dict[str, str] = field(default_factory=dict)  # surname -> person


@dataclass(frozen=True, slots=True)
class Actors:
    companies: tuple[str, ...]
    regulators: tuple[str, ...]
    mentions: tuple[tuple[int, int, str], ...] = ()  # (start, end, canonical)


def _strip_possessive(token: str) -> str:
    return re.sub(r"[’']s$", "", token)


def find_mentions(sentence: str, gaz: Gazetteer) -> list[Mention]:
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for m in gaz.pattern.finditer(sentence):
        token = _key(m.group())
        key = token if token in gaz.exact else _strip_possessive(token)
        group, name = gaz.exact.get(key, gaz.exact.get(token, ("", "")))
        if not group:
            continue
        if (
            name == UNSPECIFIED
            and key == "Beijing"
            and _LOCATION_BEFORE.search(sentence, 0, m.start())
        ):
            continue  # "a speech in Beijing": a place, not an actor
        mentions.append(Mention(m.start(), m.end(), group, name))
        taken.append((m.start(), m.end()))
    for m in gaz.lower_pattern.finditer(sentence):
        if any(m.start() < b and a < m.end() for a, b in taken):
            continue
        group, name = gaz.lower[_key(m.group()).lower()]
        mentions.append(Mention(m.start(), m.end(), group, name))
        taken.append((m.start(), m.end()))
    mentions.sort(key=lambda x: x.start)
    return mentions


def _ordered(names: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


def resolve_actors(
    sentence: str, index: int, ctx: ActorContext, gaz: Gazetteer | None = None
) -> Actors:
    """Companies and state actors of one sentence; updates ``ctx`` for the next."""
    gaz = gaz or gazetteer()
    mentions = find_mentions(sentence, gaz)
    companies = [m.name for m in mentions if m.group == "company"]
    actors = [m.name for m in mentions if m.group == "actor"]
    people = [m.name for m in mentions if m.group == "person"]
    spans = [(m.start, m.end, m.name) for m in mentions]

    # Surnames ("Mr. Ma", "Ma's") of people named earlier in the article.
    taken = [(m.start, m.end) for m in mentions]
    for m in gaz.surname_pattern.finditer(sentence):
        if any(m.start() < b and a < m.end() for a, b in taken):
            continue
        person = ctx.people_named.get(_key(m.group("surname")))
        if person:
            people.append(person)
            spans.append((m.start(), m.end(), person))
    # "he", "his": the person last named, within the two sentences before,
    # where the sentence names no person (nor a leader) of its own.
    leaders = [a for a in actors if gaz.entries[a].kind in PERSON_KINDS]
    recent = ctx.last_person and index - ctx.last_person[0] <= 2
    if not people and not leaders and recent and _PRONOUN.search(sentence):
        people.append(ctx.last_person[1])

    for name in people:
        person = gaz.people[name]
        ctx.people_named[person.surname] = name
        if person.group == "company":
            if not companies:
                companies.extend(person.targets)
        else:
            actors.extend(person.targets)
    # "the company", "the e-commerce giant": the company last named.
    desc = _DESCRIPTION.search(sentence)
    if desc and ctx.last_company and index - ctx.last_company[0] <= 3:
        before = [m for m in mentions if m.group == "company" and m.start < desc.start()]
        if not before:
            companies.append(ctx.last_company[1])

    companies_t, actors_t = _ordered(companies), _ordered(actors)

    named_companies = [m.name for m in mentions if m.group == "company"]
    if named_companies:
        ctx.last_company = (index, named_companies[-1])
    elif companies_t:
        ctx.last_company = (index, companies_t[-1])
    if people:
        ctx.last_person = (index, people[-1])
    return Actors(companies_t, actors_t, tuple(spans))


def company_aliases() -> dict[str, tuple[str, ...]]:
    """Canonical company name -> its aliases, products and people (for the UI)."""
    gaz = gazetteer()
    return {
        e.name: tuple(a for a in (*e.aliases, *e.people) if a != e.name) for e in gaz.companies()
    }


def actor_info() -> dict[str, Entry]:
    """Canonical actor name -> its gazetteer entry (full name, kind, aliases)."""
    return {e.name: e for e in gazetteer().actors()}
