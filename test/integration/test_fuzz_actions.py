"""Property-based fuzzing of every action: any data ends in success or a clean refusal.

Each action is called with data hypothesis makes up: ids and lists of ids, numbers
huge, negative, NaN and infinite, strings with full-width digits, control and
direction characters, nested lists and dicts, and now and then the real ids the
world holds, so calls also get past the schema. Every call must end in success, a
schema error, or a translated Home Assistant error; a refusal must leave the
simulator's shares and the stored expiries as they were.

The run is small by default (FUZZ_EXAMPLES per action, derandomized so a run is
repeatable); `FUZZ_EXAMPLES=1000 npx tsx tools/py.ts pytest test/integration/test_fuzz_actions.py`
is the full, randomized run.
"""

from __future__ import annotations

import asyncio
import os
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import probatio as vol
import pytest
from homeassistant.config_entries import ConfigEntryState
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import device_registry as dr
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from custom_components.xiaomi_camera_share.const import DOMAIN

from .conftest import FRONT_DOOR, GARDEN, GUEST, GUEST_PHONE, OWNER, STRANGER, add_account
from .helpers import call, device_id, stored_expiries
from .simulator import Camera

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant
    from pytest_homeassistant_custom_component.common import MockConfigEntry

    from .simulator import Simulator, World

EXAMPLES: Final = int(os.environ.get("FUZZ_EXAMPLES", "40"))
# A run asked for by size is a random one; the everyday run repeats itself.
RANDOMIZED: Final = "FUZZ_EXAMPLES" in os.environ
CALL_SECONDS: Final = 60.0
# Shrinking a failure calls the simulator again and again: room for it beyond the examples.
pytestmark = pytest.mark.timeout(120 + EXAMPLES)

# ASCII digits and plus to their full-width forms, as phone keyboards in China type them.
FULL_WIDTH: Final = {ord(c): ord(c) + 0xFEE0 for c in "0123456789+"} | {ord(" "): 0x3000}
SHOP = Camera("683000009", "Shop", STRANGER.user_id)
ACTIONS: Final = (
    "share",
    "revoke",
    "set_expiry",
    "accept_invite",
    "decline_invite",
    "list_shares",
    "list_invites",
    "lookup_recipient",
    "refresh",
)


@dataclass(frozen=True, slots=True)
class Ids:
    """Real ids of the world, so some made-up calls reach past the schema."""

    devices: list[str]
    entries: list[str]
    invites: list[int]


# --- strategies --------------------------------------------------------------------

ODD_TEXT: Final = [
    "",
    " ",
    "inf",
    "-inf",
    "nan",
    "1e20",
    "99999999999:00",
    "-1:00",
    "00:00:30",
    "24:00:00",
    "P1D",
    "1234567890".translate(FULL_WIDTH),
    "+86 100 0000 0042".translate(FULL_WIDTH),
    "0086 100-0000-0042",
    "user@example.com",
    "\x00",
    "\u202e1000000001",
    "\t\n\r",
    "Bob",
    "Grandma",
    "view_only",
    "control",
    "admin",
    "cn",
    "de",
    "tw",
    "xx",
    OWNER.user_id,
    GUEST.user_id,
    STRANGER.user_id,
    GUEST_PHONE,
    "9" * 40,
]

NUMBERS = st.one_of(
    st.integers(),
    st.sampled_from([0, -1, 1, 59, 60, 10**9, 10**15, 10**30, -(10**30), 2**63, 2**64]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([1e20, -1e20, 1e308, float("inf"), float("-inf"), float("nan"), 0.5, -0.0]),
)
TEXT = st.one_of(
    st.sampled_from(ODD_TEXT),
    st.text(max_size=24),
    st.text(alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf", "Zs", "Nd"]), max_size=12),
)
SCALARS = st.one_of(st.none(), st.booleans(), NUMBERS, TEXT)
JUNK = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.one_of(TEXT, st.integers()), inner, max_size=4)
    ),
    max_leaves=8,
)
EXTREME: Final = [1e12, 1e20, -1e20, 10**30, float("inf"), float("-inf"), float("nan")]
DURATION_KEYS: Final = ["days", "hours", "minutes", "seconds", "milliseconds", "weeks"]
DURATIONS = st.one_of(
    st.none(),
    NUMBERS,
    TEXT,
    st.dictionaries(st.sampled_from(DURATION_KEYS), st.one_of(NUMBERS, TEXT), max_size=3),
    st.builds(lambda h, m: f"{h}:{m:02d}", st.integers(-(10**12), 10**12), st.integers(0, 59)),
    JUNK,
)


def _either(plausible: st.SearchStrategy[Any], odd: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly a value of the right shape (so calls get past the schema), one time in eight anything."""
    return st.sampled_from(range(8)).flatmap(lambda n: odd if n == 7 else plausible)


REQUIRED: Final[dict[str, tuple[str, ...]]] = {
    "share": ("device_id", "recipient"),
    "revoke": ("device_id",),
    "set_expiry": ("device_id", "recipient"),
    "accept_invite": ("config_entry_id",),
    "decline_invite": ("config_entry_id",),
    "lookup_recipient": ("config_entry_id", "recipient"),
}


def _payloads(action: str, ids: Ids) -> st.SearchStrategy[dict[str, Any]]:
    """Data for one action: its own keys with values of any kind, now and then a stray key."""
    device = _either(st.sampled_from(ids.devices), TEXT)
    # What blueprints and scripts send: one id, a list (empty or with repeats), nothing.
    devices = _either(st.one_of(device, st.lists(device, max_size=3), st.none()), JUNK)
    people = st.sampled_from([GUEST.user_id, GUEST_PHONE, STRANGER.user_id, STRANGER.nickname])
    recipient = _either(st.one_of(people, st.sampled_from(ODD_TEXT)), st.one_of(TEXT, JUNK))
    entry = _either(st.sampled_from(ids.entries), st.one_of(TEXT, JUNK))
    flag = _either(st.booleans(), st.one_of(TEXT, JUNK))
    # Durations as people write them, from a minute to far beyond what a date can hold.
    amount = st.one_of(st.integers(-100, 10**6), st.sampled_from(EXTREME))
    duration = _either(
        st.one_of(
            st.dictionaries(st.sampled_from(DURATION_KEYS), amount, min_size=1, max_size=2),
            amount,
            st.builds(
                lambda h, m: f"{h:02d}:{m:02d}",
                st.one_of(st.integers(0, 10**5), st.just(99999999999)),
                st.integers(0, 59),
            ),
            st.sampled_from(["inf", "-inf", "nan", "1e20", "99999999999:00"]),
        ),
        DURATIONS,
    )
    keys: dict[str, st.SearchStrategy[Any]] = {}
    if action in ("share", "revoke", "set_expiry"):
        keys["device_id"] = devices
        keys["recipient"] = recipient
    if action == "share":
        keys["permission"] = _either(st.sampled_from(["control", "view_only"]), st.one_of(TEXT, JUNK))
        keys["auto_accept"] = flag
    if action in ("share", "set_expiry"):
        keys["duration"] = duration
    if action in (
        "accept_invite",
        "decline_invite",
        "list_shares",
        "list_invites",
        "lookup_recipient",
        "refresh",
    ):
        keys["config_entry_id"] = entry
    if action in ("accept_invite", "decline_invite"):
        keys["invite_id"] = _either(st.sampled_from(ids.invites), st.one_of(NUMBERS, TEXT, JUNK))
        keys["sender"] = _either(
            st.sampled_from([STRANGER.user_id, STRANGER.nickname]), st.one_of(TEXT, JUNK)
        )
        keys["camera"] = _either(st.sampled_from([SHOP.did, SHOP.name]), st.one_of(TEXT, JUNK))
        keys["all"] = flag
    if action == "lookup_recipient":
        keys["recipient"] = recipient
        keys["region"] = _either(st.sampled_from(["cn", "de", "us", "tw"]), st.one_of(TEXT, JUNK))
    required = {k: v for k, v in keys.items() if k in REQUIRED.get(action, ())}
    optional = {k: v for k, v in keys.items() if k not in required}
    complete = st.fixed_dictionaries(required, optional=optional)
    any_keys = st.fixed_dictionaries({}, optional=keys)
    stray = st.dictionaries(
        st.one_of(TEXT, st.sampled_from(["did", "entry_id", "user_id"])), JUNK, max_size=2
    )
    mixed = st.builds(lambda a, b: {**b, **a}, complete, stray)
    return st.sampled_from(range(8)).flatmap(lambda n: {6: any_keys, 7: mixed}.get(n, complete))


# --- the property ------------------------------------------------------------------


@pytest.fixture
async def owner(hass: HomeAssistant, simulator: Simulator, world: World) -> MockConfigEntry:
    """The owner shares the front door with the guest, has invited the stranger and has an invite."""
    world.share(FRONT_DOOR, GUEST, accepted=True)
    world.share(GARDEN, STRANGER, accepted=False)
    world.add_camera(SHOP)
    world.share(SHOP, OWNER, accepted=False)
    await simulator.seed(world)
    return await add_account(hass, simulator, OWNER)


def _ids(hass: HomeAssistant, owner: MockConfigEntry, invites: list[int]) -> Ids:
    account = dr.async_get(hass).async_get_device_by_identifier(
        (DOMAIN, f"account_{OWNER.user_id}"), owner.entry_id
    )
    assert account is not None
    cameras = [device_id(hass, owner.entry_id, c.did) for c in (FRONT_DOOR, GARDEN)]
    return Ids(devices=[*cameras, account.id], entries=[owner.entry_id], invites=invites)


@pytest.mark.parametrize("action", ACTIONS)
async def test_any_data_ends_in_success_or_a_clean_refusal(
    hass: HomeAssistant,
    simulator: Simulator,
    owner: MockConfigEntry,
    hass_storage: dict[str, Any],
    action: str,
) -> None:
    invites = [s.invite_id for s in await simulator.shares(SHOP.did)]
    ids = _ids(hass, owner, invites)
    outcomes: dict[str, int] = {}

    async def attempt(data: dict[str, Any]) -> None:
        shares_before = await simulator.shares()
        expiries_before = stored_expiries(hass_storage)
        refusal: HomeAssistantError | None = None
        try:
            await call(hass, action, data)
        except vol.Invalid:
            outcome = "schema"
        except HomeAssistantError as err:  # ServiceValidationError among them
            refusal, outcome = err, str(err.translation_key)
        else:
            outcome = "success"
        await hass.async_block_till_done()
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        assert owner.state is ConfigEntryState.LOADED
        if outcome == "success":
            return
        if refusal is not None:
            assert refusal.translation_key, f"{action}({data!r}) failed untranslated: {refusal!r}"
            assert str(refusal), f"{action}({data!r}) failed without a message"
        assert await simulator.shares() == shares_before, f"{action}({data!r}) changed shares and failed"
        assert stored_expiries(hass_storage) == expiries_before, f"{action}({data!r}) changed expiries"

    loop = asyncio.get_running_loop()

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=not RANDOMIZED,
        report_multiple_bugs=False,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=_payloads(action, ids))
    def property_holds(data: dict[str, Any]) -> None:
        asyncio.run_coroutine_threadsafe(attempt(data), loop).result(CALL_SECONDS)

    began = time.monotonic()
    # Hypothesis drives the calls from a worker thread; each runs on Home Assistant's loop.
    await hass.async_add_executor_job(property_holds)
    took = time.monotonic() - began
    ran = sum(outcomes.values())
    print(f"\n{action}: {ran} calls in {took:.1f} s: {dict(sorted(outcomes.items()))}")
    assert ran >= min(EXAMPLES, 10)
