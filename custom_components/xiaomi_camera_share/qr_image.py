"""The QR code of a login URL as a picture the config flow can show without fetching anything.

The cloud hands out a link to its own QR picture too, but a browser that cannot reach
Xiaomi (no internet on the tablet, a strict content policy, a privacy blocker, the
simulator's stand-in host) would show a broken image. The code is drawn here instead,
from the login URL itself, and travels inside the step as a ``data:`` URI.
"""

from __future__ import annotations

import base64
import io
from typing import Final

import segno

# Black on white with the standard quiet zone of four modules, whatever the theme, so
# a phone's camera reads it on a dark dashboard too.
BORDER: Final = 4
# About the size the cloud's own picture has (``_qrsize=240``), never under 4 pixels a module.
TARGET_PIXELS: Final = 240
MIN_SCALE: Final = 4


def qr_png(text: str) -> bytes:
    """A QR code (error correction M, or better where it fits) of ``text`` as a PNG."""
    code = segno.make_qr(text, error="m")
    modules = code.symbol_size(scale=1, border=BORDER)[0]
    scale = max(MIN_SCALE, TARGET_PIXELS // modules)
    out = io.BytesIO()
    code.save(out, kind="png", scale=scale, border=BORDER, dark="#000", light="#fff")
    return out.getvalue()


def qr_data_uri(text: str) -> str:
    """A ``data:image/png;base64,...`` URI of the QR code of ``text``."""
    return f"data:image/png;base64,{base64.b64encode(qr_png(text)).decode('ascii')}"
