"""Keeps live view keys out of Home Assistant's own log lines.

A stream start hands go2rtc a ``xiaomi://`` URL that carries P2P keys (``camera.py``).
The integration never logs it, but when go2rtc refuses the stream, the failed request,
URL and all, travels up through Home Assistant's go2rtc, camera and websocket code,
which log it with its traceback. A filter on exactly those loggers blanks every such
URL in the message and in the traceback before any handler sees the record.
"""

from __future__ import annotations

import logging
import re
from typing import Final

# The loggers a refused stream start reaches: the WebRTC offer is a websocket command;
# stills and provider callbacks are logged by the camera component and its WebRTC module.
LOGGERS_THAT_SEE_SOURCES: Final = (
    "homeassistant.components.camera",
    "homeassistant.components.camera.webrtc",
    "homeassistant.components.go2rtc",
    "homeassistant.components.websocket_api.http.connection",
)

# The scheme written plainly or percent-encoded (as a query value), up to whatever ends a
# URL in a log line. The keys are in the URL's own query, so the whole rest goes.
_SOURCE: Final = re.compile(r"xiaomi(?::|%3A)[^\s'\"<>]*", re.IGNORECASE)
REDACTED_SOURCE: Final = "xiaomi://**REDACTED**"


def redact_sources(text: str) -> str:
    """The text with every ``xiaomi://`` URL replaced by a placeholder."""
    return _SOURCE.sub(REDACTED_SOURCE, text)


class LiveSourceFilter(logging.Filter):
    """Rewrites a record that holds a ``xiaomi://`` URL; drops no record."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if _SOURCE.search(message):
            record.msg, record.args = redact_sources(message), None
        if record.exc_info:
            # Handlers format the traceback from exc_info anew (the system log does), so
            # a traceback that holds a URL stays only as redacted text.
            trace = logging.Formatter().formatException(record.exc_info)
            if _SOURCE.search(trace):
                record.exc_info, record.exc_text = None, redact_sources(trace)
        elif record.exc_text and _SOURCE.search(record.exc_text):
            record.exc_text = redact_sources(record.exc_text)
        return True


def install_live_source_filter() -> None:
    """Add the filter to each logger that can see a source, once per process."""
    for name in LOGGERS_THAT_SEE_SOURCES:
        logger = logging.getLogger(name)
        if not any(isinstance(known, LiveSourceFilter) for known in logger.filters):
            logger.addFilter(LiveSourceFilter())
