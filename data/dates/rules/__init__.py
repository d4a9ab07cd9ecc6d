"""The registry of date rules: every rule of the four rule modules, checked on import.

Each rule is declared once, next to the function that resolves it, in
``days.py`` (single days, weekdays, holidays), ``months.py``, ``years.py``
(years, quarters, seasons, decades) or ``relative.py`` (counted from the anchor
or from the date just mentioned). To add one, declare it in the module of its
kind and add it to that module's ``RULES``: see the README's "How to extend".
"""

from __future__ import annotations

from data.dates.rule import Rule
from data.dates.rules import days, months, relative, years

#: Every rule, highest priority first (the order ties between equal spans follow).
RULES: tuple[Rule, ...] = tuple(
    sorted((*days.RULES, *months.RULES, *years.RULES, *relative.RULES),
           key=lambda r: -r.priority)
)
BY_NAME: dict[str, Rule] = {r.name: r for r in RULES}
if len(BY_NAME) != len(RULES):
    raise ValueError("two date rules share a name")
