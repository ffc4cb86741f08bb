"""The shape of the cloud's replies, for bug reports: keys, types, lengths and codes only.

Nobody on the project can reach Xiaomi's cloud; a user's diagnostics can show how it
answered. A shape never carries a value that could identify or authenticate anyone:
strings become their type, and keys that look like ids (numbers, dotted dids, MACs,
long runs of digits) become ``<id>``. Only small codes that describe the protocol are
kept as values.

The same holds for the steps of a login (``LoginShapes``): per request its path, HTTP
status, the shape of its JSON (or the kind of body), the names of the cookies it set and
the shape of the few headers the login reads. A URL becomes ``url <path> ?<keys>``: its
path (segments that look like ids hidden) and the names of its query keys, never the
host or a value.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from yarl import URL

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .transport import HttpReply

type Shape = str | int | dict[str, Shape] | list[Shape]

# Values that describe the protocol, not a person: kept when they are small integers
# (``options`` lists the identity check's ways, 4 phone and 8 email).
KEPT_VALUES: Final = frozenset(
    {"code", "permitLevel", "status", "vendor", "result_code", "securityStatus", "flag", "options"}
)
# Passport codes have five digits (70016, 87001); six would be a verification code.
_KEPT_LIMITS: Final = {"code": 99_999}
_KEPT_LIMIT: Final = 1000
_PLAIN_KEY: Final = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]{0,39}$")
_DIGIT_RUN: Final = re.compile(r"[0-9]{5}")
_ID_KEY: Final = "<id>"
# A path segment that names a place, not a thing: letters, at most one trailing digit.
_PLAIN_SEGMENT: Final = re.compile(r"^[A-Za-z][A-Za-z_\-]{0,38}[0-9]?$")
_URL_START: Final = ("https://", "http://", "/")
_MEDIA_TYPE: Final = re.compile(r"^[a-z]+/[a-z0-9.+\-]{1,60}$")
# Headers a login reads; the others are not kept.
LOGIN_HEADERS: Final = ("Location", "Extension-Pragma", "re-pass-token", "Content-Type")
MAX_LOGIN_STEPS: Final = 40


def _label(name: object) -> str:
    """A key as it may be shown: itself, or ``<id>`` when it could be an identifier."""
    plain = isinstance(name, str) and _PLAIN_KEY.match(name) and not _DIGIT_RUN.search(name)
    return name if plain and isinstance(name, str) else _ID_KEY


def url_shape(value: str) -> str:
    """``url <path> ?<query keys>`` of a URL: no host, no query value, id-like segments hidden."""
    return f"url {_where(value)}".rstrip()


def _where(url: str) -> str:
    """``<path> ?<query keys>`` of a URL (the name of a login step)."""
    try:
        parsed = URL(url)
    except ValueError:
        return ""
    segments = [s if _PLAIN_SEGMENT.match(s) else _ID_KEY for s in parsed.path.split("/") if s]
    keys = sorted({_label(k) for k in parsed.query})
    return "/" + "/".join(segments) + (" ?" + ",".join(keys) if keys else "")


def shape_of(value: Any, key: str | None = None, *, urls: bool = False) -> Shape:
    """The shape of one JSON value; ``urls`` shows URL strings as ``url_shape`` does."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        limit = _KEPT_LIMITS.get(key or "", _KEPT_LIMIT)
        return value if key in KEPT_VALUES and -limit <= value <= limit else "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return url_shape(value) if urls and value.startswith(_URL_START) else "str"
    if isinstance(value, list):
        # Items stand under their list's key: the ways under ``options`` are kept as values.
        return [len(value), _merged([shape_of(item, key, urls=urls) for item in value])]
    if isinstance(value, dict):
        shaped: dict[str, Shape] = {}
        for name, item in value.items():
            label = _label(name)
            shape = shape_of(item, label, urls=urls)
            shaped[label] = _merged([shaped[label], shape]) if label in shaped else shape
        return shaped
    return type(value).__name__


def merged_shapes(shapes: list[Shape]) -> Shape:
    """One shape for several replies of the same endpoint (the union of their keys)."""
    return _merged(shapes)


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
                    inner if name not in union or union[name] == inner else _joined(union[name], inner)
                )
        return union
    if all(isinstance(s, list) for s in shapes):
        lengths = sorted({n for s in shapes if isinstance(s, list) for n in _span_ends(s[0])})
        span: Shape = lengths[0] if len(lengths) == 1 else f"{lengths[0]}..{lengths[-1]}"
        inner = [s[1] for s in shapes if isinstance(s, list) and s[1] != "empty"]
        return [span, _merged(inner)]
    first = shapes[0]
    return first if all(s == first for s in shapes) else _either(*dict.fromkeys(map(repr, shapes)))


def _span_ends(span: Shape) -> tuple[int, ...]:
    """The lengths a list's shape spans: its length, or both ends of an earlier merge's ``a..b``."""
    if isinstance(span, int):
        return (span,)
    first, _, last = str(span).partition("..")
    return (int(first), int(last))


def _joined(one: Shape, other: Shape) -> Shape:
    """Two shapes of one key: objects and lists merge inside, anything else is either."""
    same_kind = (isinstance(one, dict) and isinstance(other, dict)) or (
        isinstance(one, list) and isinstance(other, list)
    )
    return _merged([one, other]) if same_kind else _either(one, other)


def _either(*options: object) -> str:
    return " | ".join(sorted({o if isinstance(o, str) else repr(o) for o in options}))


@dataclass(slots=True)
class ReplyShapes:
    """The last reply's shape per endpoint (path, never the host or query)."""

    replies: dict[str, dict[str, Shape]] = field(default_factory=dict)

    def record(self, path: str, http_status: int, payload: Any) -> None:
        """Keep the shape of a reply, replacing the previous one of the same path."""
        self.replies[path] = {"http": http_status, "body": shape_of(payload)}


@dataclass(slots=True)
class LoginShapes:
    """The steps of one login, in order: what each request got back, by shape only.

    ``kind`` says which login it was (``password``, ``qr``, ``pass_token`` for a
    serviceToken minted from the passToken). The same answer several times in a row
    (a QR long poll) is one step with ``times``; at most MAX_LOGIN_STEPS are kept.
    """

    kind: str
    steps: list[dict[str, Shape]] = field(default_factory=list)
    dropped: int = 0
    # How many times in a row the last step was answered alike.
    _repeats: int = field(default=1, init=False, repr=False)

    def record(self, method: str, url: str, reply: HttpReply) -> None:
        """Keep the shape of one answer of the login."""
        step: dict[str, Shape] = {"step": _where(url), "method": method, "http": reply.status}
        step["body"] = _body_shape(reply.body, reply.headers.get("Content-Type", ""))
        if cookies := _cookie_names(morsel.key for morsel in reply.set_cookies):
            step["cookies"] = cookies
        headers = {
            name: _header_shape(name, value) for name in LOGIN_HEADERS if (value := reply.headers.get(name))
        }
        if headers:
            step["headers"] = headers
        self._add(step)

    def record_failure(self, method: str, url: str, error: Exception) -> None:
        """A request of the login that got no answer (a timeout, a refused connection, HTTP 5xx)."""
        step: dict[str, Shape] = {"step": _where(url), "method": method, "error": type(error).__name__}
        code = getattr(error, "code", None)
        if isinstance(code, int):
            step["code"] = shape_of(code, "code")
        self._add(step)

    def _add(self, step: dict[str, Shape]) -> None:
        last = self.steps[-1] if self.steps and not self.dropped else None
        if last is not None and {k: v for k, v in last.items() if k != "times"} == step:
            self._repeats += 1
            last["times"] = self._repeats
            return
        if len(self.steps) >= MAX_LOGIN_STEPS:
            self.dropped += 1
            return
        self.steps.append(step)
        self._repeats = 1

    def report(self) -> dict[str, Shape]:
        """What diagnostics and the probe show."""
        report: dict[str, Shape] = {"kind": self.kind, "steps": list(self.steps)}
        if self.dropped:
            report["dropped_steps"] = self.dropped
        return report


def _cookie_names(names: Iterable[str]) -> list[Shape]:
    return [label for label in sorted({_label(name) for name in names})]


def _body_shape(body: bytes, content_type: str) -> Shape:
    """A JSON body's shape (the passport's ``&&&START&&&`` prefix stripped), else its kind."""
    text = body.decode("utf-8", errors="replace").strip()
    if not text:
        return "empty"
    if text.startswith(("&&&START&&&", "{", "[")):
        try:
            return shape_of(json.loads(text.removeprefix("&&&START&&&")), urls=True)
        except ValueError:
            return "malformed json"
    media = _media_type(content_type)
    if media.startswith("image/"):
        return "image"
    if media == "text/html" or text.startswith("<"):
        return "html"
    return "text"


def _header_shape(name: str, value: str) -> Shape:
    if name == "Location":
        return url_shape(value)
    if name == "Content-Type":
        media = _media_type(value)
        return media if _MEDIA_TYPE.match(media) else "str"
    if name == "Extension-Pragma":
        try:
            return shape_of(json.loads(value))
        except ValueError:
            return "str"
    return "str"


def _media_type(content_type: str) -> str:
    """``text/html`` of ``text/html; charset=utf-8``: the type without its parameters."""
    return content_type.partition(";")[0].strip().lower()
