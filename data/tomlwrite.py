"""Writing article metadata back as TOML (``sources.toml`` tables), for the corpus tools.

``tomllib`` only reads; these few helpers write the subset of TOML the metadata uses.
"""

from __future__ import annotations

import json
from datetime import date


def toml_value(value: object) -> str:
    """A TOML literal for a metadata value (JSON's string escapes are valid TOML).

    >>> toml_value('say "hi"')
    '"say \\\\"hi\\\\""'
    >>> toml_value(["a", "b"])
    '["a", "b"]'
    >>> toml_value(True)
    'true'
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, date):
        return json.dumps(value.isoformat())
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def toml_lines(header: str, table: dict) -> list[str]:
    """One table's header and ``key = value`` lines (sub-tables left out)."""
    return [header, *(f"{k} = {toml_value(v)}" for k, v in table.items() if k != "quoted")]


def toml_table(table: dict) -> str:
    """A ``[[source]]`` table with its ``[[source.quoted]]`` passages, as TOML text."""
    lines = toml_lines("[[source]]", table)
    for quoted in table.get("quoted", []):
        lines += ["", *toml_lines("[[source.quoted]]", quoted)]
    return "\n".join(lines) + "\n"
