"""Constants shared by the integration's modules."""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum
from typing import Final

DOMAIN: Final = "xiaomi_camera_share"

# Config entry data: only what is needed to mint a serviceToken, never a password.
CONF_USER_ID: Final = "user_id"
CONF_PASS_TOKEN: Final = "pass_token"
CONF_DEVICE_ID: Final = "device_id"
CONF_C_USER_ID: Final = "c_user_id"
CONF_REGIONS: Final = "regions"
CONF_NICKNAME: Final = "nickname"

# Options.
CONF_SCAN_INTERVAL: Final = "scan_interval"
CONF_AUTO_ACCEPT_FROM: Final = "auto_accept_from"
# No live view entity for a camera that already has another integration's camera entity.
CONF_SKIP_LINKED_CAMERAS: Final = "skip_linked_cameras"
DEFAULT_SKIP_LINKED_CAMERAS: Final = True

DEFAULT_SCAN_INTERVAL: Final = timedelta(minutes=5)
MIN_SCAN_INTERVAL_MINUTES: Final = 1
MAX_SCAN_INTERVAL_MINUTES: Final = 1440

# Events fired on the bus for automations, and their types.
EVENT_NAME: Final = f"{DOMAIN}_event"


class EventType(StrEnum):
    """What happened to a share or an invite (the event's ``type``)."""

    INVITE_SENT = "invite_sent"
    SHARE_ACCEPTED = "share_accepted"
    SHARE_DECLINED = "share_declined"
    SHARE_REVOKED = "share_revoked"
    SHARE_EXPIRED = "share_expired"
    INVITE_RECEIVED = "invite_received"
    INVITE_ACCEPTED = "invite_accepted"
    INVITE_DECLINED = "invite_declined"
    ACTION_FAILED = "action_failed"


EVENT_TYPES: Final = tuple(event.value for event in EventType)

# The card bundle and where it is served.
CARD_FILENAME: Final = "xiaomi-camera-share-card.js"
# The card's folder: the main file and the chunks it imports by relative URL.
CARD_FOLDER_URL: Final = f"/{DOMAIN}"
CARD_URL: Final = f"{CARD_FOLDER_URL}/{CARD_FILENAME}"

# Sharee limit the cloud enforces per device (app code -13).
SHAREE_LIMIT: Final = 10

# Sent whenever anything in the state document may have changed.
SIGNAL_STATE_CHANGED: Final = f"{DOMAIN}_state_changed"
