"""The shape of the cloud's replies, for bug reports: keys, types, lengths and codes only.

Nobody on the project can reach Xiaomi's cloud; a user's diagnostics can show how it
answered. A shape never carries a value that could identify or authenticate anyone:
strings become their type, and keys that look like ids (numbers, dotted dids, MACs)
become ``<id>``. Only small codes that describe the protocol are kept as values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Final

type Shape = str | int | dict[str, Shape] | list[Shape]

# Values that describe the protocol, not a person: kept when they are small integers.
KEPT_VALUES: Final = frozenset({"code", "permitLevel", "status", "vendor", "result_code", "securityStatus"})
_PLAIN_KEY: Final = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]{0,39}$")
_ID_KEY: Final = "<id>"


def shape_of(value: Any, key: str | None = None) -> Shape:
    """The shape of one JSON value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return value if key in KEPT_VALUES and -1000 <= value <= 1000 else "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "str"
    if isinstance(value, list):
        return [len(value), _merged([shape_of(item) for item in value])]
    if isinstance(value, dict):
        shaped: dict[str, Shape] = {}
        for name, item in value.items():
            plain = isinstance(name, str) and _PLAIN_KEY.match(name) and not name.isdigit()
            label = name if plain else _ID_KEY
            shaped[label] = (
                _merged([shaped[label], shape_of(item, label)]) if label in shaped else shape_of(item, label)
            )
        return shaped
    return type(value).__name__


def _merged(shapes: list[Shape]) -> Shape:
    """One shape for the items of a list (or values under id keys): the union of their keys."""
    if not shapes:
        return "empty"
    if all(isinstance(s, dict) for s in shapes):
        union: dict[str, Shape] = {}
        for each in shapes:
            assert isinstance(each, dict)
            for name, inner in each.items():
                union[name] = (
                    inner if name not in union or union[name] == inner else _either(union[name], inner)
                )
        return union
    if all(isinstance(s, list) for s in shapes):
        lengths = sorted({s[0] for s in shapes if isinstance(s, list) and isinstance(s[0], int)})
        span: Shape = lengths[0] if len(lengths) == 1 else f"{lengths[0]}..{lengths[-1]}"
        inner = [s[1] for s in shapes if isinstance(s, list) and s[1] != "empty"]
        return [span, _merged(inner)]
    first = shapes[0]
    return first if all(s == first for s in shapes) else _either(*dict.fromkeys(map(repr, shapes)))


def _either(*options: object) -> str:
    return " | ".join(sorted({o if isinstance(o, str) else repr(o) for o in options}))


@dataclass(slots=True)
class ReplyShapes:
    """The last reply's shape per endpoint (path, never the host or query)."""

    replies: dict[str, dict[str, Shape]] = field(default_factory=dict)

    def record(self, path: str, http_status: int, payload: Any) -> None:
        """Keep the shape of a reply, replacing the previous one of the same path."""
        self.replies[path] = {"http": http_status, "body": shape_of(payload)}
