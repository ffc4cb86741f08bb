"""Diagnostics with every token, id and phone number redacted."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from homeassistant.components.diagnostics import async_redact_data
from homeassistant.config_entries import ConfigEntryState

from .const import CONF_C_USER_ID, CONF_DEVICE_ID, CONF_NICKNAME, CONF_PASS_TOKEN, CONF_USER_ID
from .coordinator import AccountSnapshot
from .data import DATA_KEY, XiaomiConfigEntry

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant

TO_REDACT: Final = {
    CONF_PASS_TOKEN,
    CONF_USER_ID,
    CONF_C_USER_ID,
    CONF_DEVICE_ID,
    CONF_NICKNAME,
    "unique_id",
    "title",
    "did",
    "mac",
    "owner_id",
    "sender_id",
    "nickname",
    "sender_name",
    "phone",
    "auto_accept_from",
    "service_token",
    "ssecurity",
}


async def async_get_config_entry_diagnostics(hass: HomeAssistant, entry: XiaomiConfigEntry) -> dict[str, Any]:
    """What helps to understand a problem, without secrets or personal data."""
    store = hass.data[DATA_KEY].store
    # An account that failed to load has no snapshot; its settings still help.
    loaded = entry.state is ConfigEntryState.LOADED
    snapshot = entry.runtime_data.snapshot if loaded else AccountSnapshot()
    data = {
        "entry": {"data": dict(entry.data), "options": dict(entry.options), "title": entry.title},
        "cameras": [
            {
                "did": d.did,
                "model": d.model,
                "region": d.region.value,
                "mac": d.mac,
                "online": d.is_online,
                "owned": d.is_owned,
                "sharees": [
                    {"user_id": s.user_id, "nickname": s.nickname, "status": int(s.status)}
                    for s in snapshot.sharees.get(d.did, [])
                ],
            }
            for d in snapshot.cameras.values()
        ],
        "invites": [
            {"sender_id": i.sender_id, "sender_name": i.sender_name, "region": i.region.value, "did": i.did}
            for i in snapshot.invites
        ],
        "timed_shares": [
            {
                "did": r["did"],
                "user_id": r["user_id"],
                "expires_at": r["expires_at"],
                "failures": r["failures"],
            }
            for r in store.expiries
            if r["entry_id"] == entry.entry_id
        ],
        "state": entry.state.value,
        "requests_made": entry.runtime_data.client.request_count if loaded else None,
    }
    redacted: dict[str, Any] = async_redact_data(data, TO_REDACT)
    # How the cloud answered, by shape only (keys, types, lengths and codes): it holds
    # no values to redact, and its key names are what a bug report needs.
    client = entry.runtime_data.client if loaded else None
    redacted["reply_shapes"] = client.reply_shapes.replies if client else {}
    # The last login the client made (minting its serviceToken from the passToken), each
    # step by shape only: the config flow's own login is gone once the entry exists.
    last_login = client.login_shapes if client else None
    redacted["last_login"] = last_login.report() if last_login else None
    return redacted
