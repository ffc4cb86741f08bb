"""The integration's errors: translated, and one way to turn a cloud failure into one."""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Final

from homeassistant.exceptions import HomeAssistantError, ServiceValidationError

from .cloud.errors import XiaomiCloudError
from .const import DOMAIN

if TYPE_CHECKING:
    from collections.abc import Iterator

# Cloud refusals with their own translated message; anything else is "cloud_error".
CLOUD_ERROR_KEYS: Final = frozenset(
    {
        "already_shared",
        "invite_pending",
        "too_many_sharees",
        "invite_expired",
        "user_not_found",
        "device_not_shareable",
        "permission_denied",
        "auth_expired",
    }
)


def invalid(key: str, **placeholders: str) -> ServiceValidationError:
    """A translated error about what the caller asked for; nothing was changed."""
    return ServiceValidationError(
        translation_domain=DOMAIN, translation_key=key, translation_placeholders=placeholders or None
    )


def cloud_failed(err: XiaomiCloudError) -> HomeAssistantError:
    """A cloud refusal or outage, translated by its stable key."""
    key = f"cloud_{err.key}" if err.key in CLOUD_ERROR_KEYS else "cloud_error"
    return HomeAssistantError(
        translation_domain=DOMAIN, translation_key=key, translation_placeholders={"error": err.key}
    )


@contextmanager
def cloud_errors() -> Iterator[None]:
    """Raise a cloud failure inside the block as the translated Home Assistant error."""
    try:
        yield
    except XiaomiCloudError as err:
        raise cloud_failed(err) from err
