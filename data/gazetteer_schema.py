"""What ``gazetteer.toml`` may contain, checked when it is loaded.

Each ``[[company]]`` and ``[[actor]]`` table, and each person under them, may
hold only the keys below, with the types below; an actor's ``kind`` is one of
:class:`ActorKind`; canonical names are unique. A fault stops the load with a
message naming the file, the entry and the key, so a typo ("alias" for
"aliases") is never silently ignored.
"""

from __future__ import annotations

import tomllib
from enum import StrEnum
from pathlib import Path
from typing import Any


class ActorKind(StrEnum):
    """The kinds of state actor, in display order (the dashboard filters on them)."""

    CHINESE_REGULATOR = "Chinese regulator"
    CHINESE_GOVERNMENT = "Chinese government"  # State Council, unspecified, security ministries
    PARTY_OR_LEADER = "party or leader"
    LEGISLATURE = "legislature"
    COURT = "court"
    FOREIGN_GOVERNMENT = "foreign government"


GROUPS = ("company", "actor")
_STRINGS = list[str]
#: key -> its type, per table; "name" is required everywhere.
KEYS: dict[str, dict[str, Any]] = {
    "company": {"name": str, "aliases": _STRINGS, "products": _STRINGS, "lower": _STRINGS,
                "people": list},
    "actor": {"name": str, "kind": str, "full": str, "aliases": _STRINGS, "lower": _STRINGS,
              "people": list, "person": bool},
    "person": {"name": str, "surname": str, "aliases": _STRINGS, "companies": _STRINGS,
               "role": str},
}  # fmt: skip
REQUIRED = {"company": ("name",), "actor": ("name", "kind"), "person": ("name",)}


class GazetteerError(ValueError):
    """A fault in the gazetteer file, with the file, the entry and the key."""


def _type_ok(value: Any, wanted: Any) -> bool:
    if wanted == _STRINGS:
        return isinstance(value, list) and all(isinstance(v, str) and v for v in value)
    if wanted is list:
        return isinstance(value, list) and all(isinstance(v, dict) for v in value)
    return isinstance(value, wanted) and (wanted is not str or bool(value.strip()))


def _type_name(wanted: Any) -> str:
    if wanted == _STRINGS:
        return "a list of non-empty strings"
    if wanted is list:
        return "a list of tables"
    return {str: "a non-empty string", bool: "true or false"}[wanted]


def table_problems(table: dict[str, Any], kind: str, label: str) -> list[str]:
    """Faults of one table (``kind``: company, actor or person), each naming ``label``.

    >>> table_problems({"name": "X", "alias": ["Y"]}, "company", "f: [[company]] 'X'")
    ["f: [[company]] 'X': unknown key 'alias' (allowed: aliases, lower, name, people, products)"]
    >>> table_problems({"name": "X", "kind": "regulator"}, "actor", "f: [[actor]] 'X'")[0][:48]
    "f: [[actor]] 'X': key 'kind' is 'regulator', not"
    """
    keys = KEYS[kind]
    problems = []
    for key in REQUIRED[kind]:
        if key not in table:
            problems.append(f"{label}: missing key {key!r}")
    for key, value in table.items():
        if key not in keys:
            allowed = ", ".join(sorted(keys))
            problems.append(f"{label}: unknown key {key!r} (allowed: {allowed})")
        elif not _type_ok(value, keys[key]):
            problems.append(f"{label}: key {key!r} must be {_type_name(keys[key])}")
    if kind == "actor" and isinstance(table.get("kind"), str) and table["kind"] not in set(
        ActorKind
    ):
        choices = ", ".join(repr(k.value) for k in ActorKind)
        problems.append(f"{label}: key 'kind' is {table['kind']!r}, not one of {choices}")
    return problems


def gazetteer_problems(doc: dict[str, Any], where: str) -> list[str]:
    """Every fault of a parsed gazetteer; ``where`` names the file in each message."""
    problems = [
        f"{where}: unknown top-level key {key!r} (allowed: [[company]], [[actor]])"
        for key in doc
        if key not in GROUPS
    ]
    seen: dict[str, str] = {}
    for group in GROUPS:
        tables = doc.get(group, [])
        if not isinstance(tables, list):
            problems.append(f"{where}: {group!r} must be [[{group}]] tables")
            continue
        for number, table in enumerate(tables, 1):
            name = table.get("name")
            label = f"{where}: [[{group}]] #{number} {name!r}"
            problems.extend(table_problems(table, group, label))
            if isinstance(name, str):
                if name in seen:
                    problems.append(f"{label}: name {name!r} already used by {seen[name]}")
                seen[name] = f"[[{group}]] #{number}"
            for p_number, person in enumerate(table.get("people", []), 1):
                if isinstance(person, dict):
                    p_label = f"{label} person #{p_number} {person.get('name')!r}"
                    problems.extend(table_problems(person, "person", p_label))
                    if group == "actor" and "companies" in person:
                        problems.append(f"{p_label}: unknown key 'companies' (an actor's person "
                                        "stands for the actor)")
    return problems


def load_checked(path: Path) -> dict[str, Any]:
    """The parsed gazetteer, or :class:`GazetteerError` listing every fault."""
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise GazetteerError(f"{path}: cannot be read as TOML: {exc}") from exc
    problems = gazetteer_problems(doc, str(path))
    if problems:
        raise GazetteerError("\n".join(problems))
    return doc
