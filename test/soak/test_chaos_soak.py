"""The chaos soak: timed shares by the hundred, with faults, restarts and races, checked against the cloud.

Two Mi accounts own five cameras between them and share them, timed and permanent,
with five other people and with each other, through Home Assistant's actions. Every
step the soak picks a few things at random (the seed is printed) and lets them run
at once while Home Assistant's clock moves on and timed shares fall due:

- users share (one camera or two at a time), revoke, change or drop an expiry, share
  again what ended or was declined, and share twice what is shared (an automation
  firing twice); the people invited accept or decline;
- the simulator answers with 5xx, holds a request open, drops the answer of a request
  it carried out, sends a broken body, refuses every revoke for a while, expires every
  serviceToken, or revokes an account's passToken (a real password login through the
  reauth flow follows, minutes later); some faults are aimed at the revoke of a share
  about to fall due;
- Home Assistant restarts over the same storage (at times across a share's end), an
  account is reloaded, or removed and added again.

The simulator's state is the ground truth; after each step the soak reads it and
compares it with what the users asked for:

- a timed share ends within the backoff bound (the longest wait between retries) of
  its time, or of the last thing that kept it from ending: a failed revoke, Home
  Assistant down, its account logged out;
- a permanent share stays until a user ends it;
- a revoke failed past the threshold, or a share overdue for a while, is named by a
  repair at that moment;
- at audits (faults cleared, everyone logged in, one refresh) every stored expiry is
  the expiry of a live timed share, and every live timed share has one.

At the end the faults are cleared, time runs past the last expiry plus the bound, and
no timed share, expiry record or expiry repair may be left.

SOAK_SCALE=full runs it at full size; SOAK_SEED=<n> repeats a run's choices (its
timing under load may still differ).
"""

from __future__ import annotations

import logging
import os
import random
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Final

import pytest
from homeassistant.config_entries import SOURCE_REAUTH, ConfigEntryState, ConfigFlowContext
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util

from custom_components.xiaomi_camera_share.cloud.errors import XiaomiCloudError
from custom_components.xiaomi_camera_share.const import (
    CONF_DEVICE_ID,
    CONF_NICKNAME,
    CONF_PASS_TOKEN,
    CONF_REGIONS,
    CONF_USER_ID,
    DOMAIN,
)
from custom_components.xiaomi_camera_share.expiry import FAILURES_BEFORE_REPAIR, LONGEST_RETRY

from .harness import EntrySpec, Lives

if TYPE_CHECKING:
    import asyncio
    from collections.abc import Coroutine

    from homeassistant.core import HomeAssistant

    from test.integration.simulator import Account, Camera, CloudShare, FaultKind, Simulator, World
else:  # pytest imports the suites from test/ as their root
    from integration.simulator import Account, Camera, World

_LOGGER = logging.getLogger(__name__)
STORAGE_KEY: Final = f"{DOMAIN}.storage"

ANN = Account("1000000101", "Ann", "ann-soak-password")
BEN = Account("1000000102", "Ben", "ben-soak-password")
OWNERS: Final = (ANN, BEN)
GUESTS: Final = tuple(Account(f"30000003{n:02d}", f"Guest {n}", f"guest-{n}-password") for n in range(1, 6))
CAMERAS: Final = (
    Camera("681000101", "Porch", ANN.user_id, model="chuangmi.camera.046c04"),
    Camera("681000102", "Garage", ANN.user_id, model="isa.camera.hlc7"),
    Camera("681000103", "Yard", ANN.user_id, model="xiaomi.camera.082ac1"),
    Camera("681000201", "Hall", BEN.user_id, model="chuangmi.camera.029a02"),
    Camera("681000202", "Attic", BEN.user_id, model="chuangmi.camera.ipc021"),
)

# Longest Home Assistant stays down, an account waits for its new login, or the
# cloud refuses every revoke.
LONGEST_OUTAGE: Final = timedelta(minutes=25)
# Longest a step moves the clock.
LONGEST_STEP: Final = timedelta(minutes=3)
# The backoff bound: a timed share ends at most this long after its time, or after
# the last thing that kept it from ending (a failed revoke, Home Assistant down, its
# account logged out), whichever is later: the longest wait between retries, and
# the clock jump of a step.
BACKOFF_BOUND: Final = LONGEST_RETRY + LONGEST_STEP
# Three failed tries (at its time, a minute later, two minutes after that) raise a
# repair; steps move the clock in jumps, so give it three of them more.
REPAIR_WITHIN: Final = timedelta(minutes=3) + 3 * LONGEST_STEP
# A share made by an action may end a step's clock jump earlier or later than asked.
END_SLACK: Final = LONGEST_STEP

# Home Assistant's complaints about the test machine, not about the integration.
ENVIRONMENT_LOGGERS: Final = frozenset({"homeassistant.components.camera.img_util"})

# The errors of a share the cloud did not answer: it may have been made.
UNANSWERED: Final = frozenset({"share_unanswered", "share_unanswered_timed"})

SHARE_PATHS: Final = ("/share/share_request", "/share/share_request_batch")
REVOKE_PATH: Final = "/share/delete_user"
READ_PATHS: Final = (
    "/v2/home/device_list_page",
    "/share/device_share_list",
    "/share/get_share_user",
    "/share/receive_share_list",
    "/home/profile",
)
PASSPORT_PATHS: Final = ("/account.xiaomi.com/pass/serviceLogin", "/sts.api.io.mi.com/sts")


@dataclass(frozen=True, slots=True)
class Scale:
    """How big a run is."""

    name: str
    timed_shares: int
    # Disruptions at these fractions of the run, on top of the random ones.
    planned: tuple[tuple[float, str], ...]
    audit_every: int


# Disruptions in every round of a run, at these fractions of the round.
ROUND_PLAN: Final = (
    (0.12, "reload"),
    (0.2, "restart_due"),
    (0.3, "pass_token"),
    (0.45, "remove"),
    (0.55, "restart_due"),
    (0.7, "pass_token"),
    (0.8, "restart"),
)


def _rounds(count: int) -> tuple[tuple[float, str], ...]:
    return tuple(((n + at) / count, what) for n in range(count) for at, what in ROUND_PLAN)


SCALES: Final = {
    "npm": Scale("npm", timed_shares=100, planned=_rounds(1), audit_every=25),
    "full": Scale("full", timed_shares=1000, planned=_rounds(6), audit_every=30),
}


def _scale() -> Scale:
    name = os.environ.get("SOAK_SCALE", "npm")
    if name not in SCALES:
        pytest.fail(f"SOAK_SCALE must be one of {sorted(SCALES)}, not {name!r}", pytrace=False)
    return SCALES[name]


@dataclass(slots=True)
class Lease:
    """One share as the users meant it: who, which camera, until when (None: for good)."""

    owner: str
    did: str
    sharee: str
    invite_id: int
    end: datetime | None
    made_at: datetime
    how: str
    gone_at: datetime | None = None
    ended_by: str | None = None

    @property
    def pair(self) -> tuple[str, str]:
        return (self.did, self.sharee)


@dataclass(slots=True)
class Intent:
    """A share asked for in this step, not yet seen in the cloud."""

    owner: str
    end: datetime | None
    how: str


@dataclass(frozen=True, slots=True)
class Answer:
    """What an action answered, or the translation key of the error it raised."""

    response: dict[str, Any] | None
    key: str | None


@dataclass(slots=True)
class Figures:
    shares: Counter[str] = field(default_factory=Counter)
    faults: Counter[str] = field(default_factory=Counter)
    disruptions: Counter[str] = field(default_factory=Counter)
    actions: Counter[str] = field(default_factory=Counter)
    outcomes: Counter[str] = field(default_factory=Counter)
    latest_revoke: timedelta = timedelta(0)
    latest_revoke_what: str = ""
    latest_after: timedelta = timedelta(0)


class Soak:
    """The users, the people invited, the chaos, and the books that check the integration."""

    def __init__(
        self, lives: Lives, cloud: Simulator, storage: dict[str, Any], rng: random.Random, scale: Scale
    ) -> None:
        self.lives = lives
        self.cloud = cloud
        self.storage = storage
        self.rng = rng
        self.scale = scale
        self.figures = Figures()
        self.violations: list[str] = []
        self.journal: list[str] = []
        self.unexpected: list[str] = []
        self.entries: dict[str, str | None] = {}
        self.leases: dict[tuple[str, str], Lease] = {}
        self.ended: list[Lease] = []
        self.intents: dict[tuple[str, str], Intent] = {}
        self.explained: dict[tuple[str, str], str] = {}
        # Accounts whose passToken died, and when their user logs in again.
        self.outages: dict[str, datetime] = {}
        self.removed: dict[str, int] = {}
        self.started_at = dt_util.utcnow()
        self.last_start = self.started_at
        # When each pair's revoke last failed (seen as its stored failure count growing),
        # and when each account could act again (logged in again, added again).
        self.obstacles: dict[tuple[str, str], datetime] = {}
        self.failures_seen: dict[tuple[str, str, str], int] = {}
        self.back: dict[str, datetime] = {}
        self.outage_ends: datetime | None = None
        self.step_no = 0

    # --- the world and Home Assistant --------------------------------------------

    @property
    def hass(self) -> HomeAssistant:
        return self.lives.hass

    @staticmethod
    def now() -> datetime:
        return dt_util.utcnow()

    async def begin(self) -> None:
        await self.cloud.seed(World(accounts=[*OWNERS, *GUESTS], cameras=list(CAMERAS)))
        specs = [await self._login_spec(owner) for owner in OWNERS]
        await self.lives.start(specs)
        for spec in specs:
            self.entries[spec.unique_id] = spec.entry_id
        self._expect(all(self._loaded(o.user_id) for o in OWNERS), "both accounts load at the start")

    async def _login_spec(self, owner: Account) -> EntrySpec:
        credentials = await self.cloud.login(owner)
        return EntrySpec(
            entry_id=f"soak_{owner.nickname.lower()}_{self.step_no}",
            unique_id=owner.user_id,
            title=owner.nickname,
            data={
                CONF_USER_ID: credentials.user_id,
                CONF_PASS_TOKEN: credentials.pass_token,
                CONF_DEVICE_ID: credentials.device_id,
                CONF_REGIONS: ["cn"],
                CONF_NICKNAME: owner.nickname,
            },
        )

    def _entry_state(self, owner: str) -> ConfigEntryState | None:
        entry_id = self.entries.get(owner)
        if entry_id is None or not self.lives.running:
            return None
        entry = self.hass.config_entries.async_get_entry(entry_id)
        return entry.state if entry else None

    def _loaded(self, owner: str) -> bool:
        return self._entry_state(owner) is ConfigEntryState.LOADED

    def _healthy(self, owner: str) -> bool:
        return self._loaded(owner) and owner not in self.outages

    def _device_id(self, did: str) -> str | None:
        owner = next(c.owner for c in CAMERAS if c.did == did)
        entry_id = self.entries.get(owner)
        if entry_id is None:
            return None
        device = dr.async_get(self.hass).async_get_device_by_identifier((DOMAIN, did), entry_id)
        return device.id if device else None

    def _expect(self, condition: bool, what: str) -> None:
        if not condition:
            self.violations.append(f"step {self.step_no} ({self.now():%H:%M:%S}): {what}")
            self.note(f"VIOLATION {what}")
            if self.lives.running:
                issues = [
                    (i.issue_id, i.active)
                    for i in ir.async_get(self.hass).issues.values()
                    if i.domain == DOMAIN
                ]
                states = {o: self._entry_state(o) for o in self.entries}
                self.note(f"VIOLATION context: issues {issues}, entries {self.entries} {states}")

    def note(self, what: str) -> None:
        """What happened, for the story told when something goes wrong."""
        self.journal.append(f"step {self.step_no} {self.now():%H:%M:%S} {what}")

    def story(self, limit: int = 150) -> str:
        """The journal around the first violation: its pair's lines and every disruption."""
        first = next((line for line in self.journal if "VIOLATION" in line), None)
        if first is None:
            return "\n".join(self.journal[-limit:])
        cut = self.journal.index(first)
        words = set(re.findall(r"\b(?:68\d{7}|[13]0\d{8})\b", first))
        keep = [
            line
            for line in self.journal[: cut + 2]
            if line.split(" ", 3)[3].startswith(("==", "VIOLATION", "log")) or any(w in line for w in words)
        ]
        return "\n".join(keep[-limit:])

    # --- one step --------------------------------------------------------------

    async def step(self) -> None:
        self.step_no += 1
        self.explained.clear()
        self.intents.clear()
        if self.rng.random() < 0.35:
            await self.fault(self.rng.choice([*SHARE_PATHS, *READ_PATHS, *PASSPORT_PATHS, None]))
        await self.people_answer()
        jump = timedelta(seconds=self.rng.randint(20, int(LONGEST_STEP.total_seconds())))
        if self._falls_due_within(jump) and self.rng.random() < 0.4:
            await self.fault(REVOKE_PATH)  # at expiry
        if self.rng.random() < 0.05:
            await self.fault(None, kind="tokens")
        # The clock jumps while nothing is in flight; what falls due starts, and the
        # users act while it runs.
        await self.lives.tick(jump)
        actions = [self._task(self.user_action()) for _ in range(self.rng.randint(1, 3))]
        if self.rng.random() < 0.03:
            actions.append(self._task(self.reload()))
        await self.lives.settle(*actions)
        await self.check()

    def _task(self, coro: Coroutine[Any, Any, None]) -> asyncio.Future[None]:
        return self.hass.async_create_task(self._guarded(coro))

    async def _guarded(self, coro: Coroutine[Any, Any, None]) -> None:
        try:
            await coro
        except Exception as err:  # the soak's own mistakes, or an error the product let through
            _LOGGER.exception("step %s", self.step_no)
            self.unexpected.append(f"step {self.step_no}: {err!r}")

    def _falls_due_within(self, jump: timedelta) -> bool:
        until = self.now() + jump
        return any(lease.end is not None and lease.end <= until for lease in self.leases.values())

    # --- users -------------------------------------------------------------------

    async def user_action(self) -> None:
        roll = self.rng.random()
        if roll < 0.46:
            await self.share(again=False)
        elif roll < 0.58:
            await self.share(again=True)
        elif roll < 0.63:
            await self.share_twice()
        elif roll < 0.8:
            await self.set_expiry()
        else:
            await self.revoke()

    def _free_pairs(self, owner: str) -> list[tuple[Camera, Account]]:
        people = [*GUESTS, *(o for o in OWNERS if o.user_id != owner)]
        return [
            (camera, person)
            for camera in CAMERAS
            if camera.owner == owner
            for person in people
            if (camera.did, person.user_id) not in self.leases
            and (camera.did, person.user_id) not in self.intents
        ]

    async def share(self, *, again: bool) -> None:
        """A new share, or (again) one of a pair whose share ended or was declined, mostly for good."""
        owners = [o.user_id for o in OWNERS if self._loaded(o.user_id)]
        if not owners:
            return
        owner = self.rng.choice(owners)
        free = self._free_pairs(owner)
        if again:
            ended = {lease.pair for lease in self.ended[-30:]}
            free = [(c, p) for c, p in free if (c.did, p.user_id) in ended]
        if not free:
            return
        camera, person = self.rng.choice(free)
        cameras = [camera]
        others = [c for c, p in free if p == person and c != camera]
        if others and not again and self.rng.random() < 0.25:
            cameras.append(self.rng.choice(others))  # two cameras: one batch request
        permanent = self.rng.random() < (0.7 if again else 0.12)
        duration = None if permanent else self._duration()
        how = ("again " if again else "") + ("permanent" if permanent else "timed")
        end = None if duration is None else self.now() + duration
        device_ids = [self._device_id(c.did) for c in cameras]
        if None in device_ids:
            return
        for one in cameras:
            self.intents[(one.did, person.user_id)] = Intent(owner, end, how)
        data: dict[str, Any] = {
            "device_id": device_ids,
            "recipient": person.user_id,
            "permission": self.rng.choice(["control", "view_only"]),
        }
        if duration is not None:
            data["duration"] = {"seconds": int(duration.total_seconds())}
        self.figures.actions["share" + (" again" if again else "") + (" x2" if len(cameras) > 1 else "")] += 1
        response = (await self._call("share", data)).response
        if response is not None and response.get("expires_at"):
            for one in cameras:
                self.intents[(one.did, person.user_id)].end = dt_util.parse_datetime(response["expires_at"])

    async def share_twice(self) -> None:
        """An automation fires twice: a share of a pair already shared changes nothing."""
        lease = self._acting_on()
        if lease is None:
            return
        data: dict[str, Any] = {"device_id": [self._device_id(lease.did)], "recipient": lease.sharee}
        duration = self._duration() if self.rng.random() < 0.7 else None
        if duration is not None:
            data["duration"] = {"seconds": int(duration.total_seconds())}
        # Due now, the share may end while this runs, and then the second share is a new one.
        due = lease.end is not None and lease.end <= self.now()
        if due:
            self.explained[lease.pair] = "shared twice when overdue"
        end = None if duration is None else self.now() + duration
        self.intents[lease.pair] = Intent(lease.owner, end, "twice " + ("timed" if end else "permanent"))
        self.figures.actions["share twice"] += 1
        answer = await self._call("share", data)
        if answer.response is not None:
            self._expect(due, f"a second share of a shared pair was done: {lease}")
        elif answer.key in UNANSWERED and lease.gone_at is None:
            # The cloud did not answer: as the error says, the share may have been made, and
            # then with the end last asked for. (A refusal leaves the share as it was.)
            lease.end = end
            lease.how += " / twice unanswered"

    def _duration(self) -> timedelta:
        if self.rng.random() < 0.65:
            return timedelta(seconds=self.rng.randint(60, 20 * 60))
        return timedelta(seconds=self.rng.randint(20 * 60, 100 * 60))

    def _acting_on(self) -> Lease | None:
        """A share a user acts on: of a loaded account, not already acted on in this step."""
        leases = [
            lease
            for lease in self.leases.values()
            if self._loaded(lease.owner)
            and lease.pair not in self.explained
            and self._device_id(lease.did) is not None
        ]
        return self.rng.choice(leases) if leases else None

    async def set_expiry(self) -> None:
        """Extend, shorten, time a permanent share, or make a timed one permanent."""
        lease = self._acting_on()
        if lease is None:
            return
        data: dict[str, Any] = {"device_id": self._device_id(lease.did), "recipient": lease.sharee}
        permanent = lease.end is not None and self.rng.random() < 0.3
        if not permanent:
            data["duration"] = {"seconds": int(self._duration().total_seconds())}
        if lease.end is not None and lease.end <= self.now():
            # Overdue: its revoke may be under way; which of the two wins is a race.
            self.explained[lease.pair] = "set_expiry on an overdue share"
        self.figures.actions["set_expiry" + (" permanent" if permanent else "")] += 1
        response = (await self._call("set_expiry", data)).response
        if response is not None and lease.gone_at is None:
            expires = response.get("expires_at")
            lease.end = dt_util.parse_datetime(expires) if expires else None
            lease.how += " / set_expiry"

    async def revoke(self) -> None:
        lease = self._acting_on()
        if lease is None:
            return
        self.explained[lease.pair] = "revoked by the user"
        self.figures.actions["revoke"] += 1
        await self._call("revoke", {"device_id": self._device_id(lease.did), "recipient": lease.sharee})

    async def _call(self, service: str, data: dict[str, Any]) -> Answer:
        """Call an action; what it answered, or the key of the error it raised."""
        try:
            response = await self.hass.services.async_call(
                DOMAIN, service, data, blocking=True, return_response=True
            )
        except ServiceValidationError as err:
            answer = Answer(None, err.translation_key)
            outcome = f"{service} refused ({err.translation_key})"
        except HomeAssistantError as err:
            answer = Answer(None, err.translation_key)
            detail = (err.translation_placeholders or {}).get("error", "")
            outcome = f"{service} failed ({err.translation_key} {detail})"
        except Exception as err:  # anything else is a bug
            self.unexpected.append(f"step {self.step_no}: {service} raised {err!r}")
            answer = Answer(None, repr(err))
            outcome = f"{service} raised {err!r}"
        else:
            self.figures.outcomes[f"{service} done"] += 1
            self.note(f"{service} {self._named(data)} -> {response}")
            return Answer(dict(response or {}), None)
        self.figures.outcomes[outcome] += 1
        self.note(f"{service} {self._named(data)} -> {outcome}")
        return answer

    def _named(self, data: dict[str, Any]) -> str:
        """A call's cameras by did (the journal speaks of dids, not Home Assistant device ids)."""
        registry = dr.async_get(self.hass)
        ids = data["device_id"] if isinstance(data["device_id"], list) else [data["device_id"]]
        dids = [
            next(iter(d.identifiers))[1] if (d := registry.async_get(device)) else device for device in ids
        ]
        rest = {k: v for k, v in data.items() if k != "device_id"}
        return f"{dids} {rest}"

    async def people_answer(self) -> None:
        """The people invited accept or decline some of the invites waiting for them."""
        for share in await self.cloud.shares():
            lease = self.leases.get((share.did, share.sharee))
            if share.status != "pending" or lease is None or lease.invite_id != share.invite_id:
                continue
            roll = self.rng.random()
            if roll < 0.25:
                await self._respond(share, accept=True)
            elif roll < 0.33:
                self.explained[lease.pair] = "declined"
                await self._respond(share, accept=False)

    async def _respond(self, share: CloudShare, *, accept: bool) -> None:
        body = {"userId": share.sharee, "region": "cn", "inviteId": share.invite_id, "accept": accept}
        await self.cloud._call("POST", "/invites/respond", body)
        self.figures.actions["invite accepted" if accept else "invite declined"] += 1
        self.note(f"{share.sharee} {'accepts' if accept else 'declines'} {share.did} ({share.invite_id})")

    # --- faults --------------------------------------------------------------------

    async def fault(self, path: str | None, kind: str | None = None) -> None:
        """One random fault on a path (None: any request), hitting one or two requests."""
        if kind == "tokens":
            await self.cloud.expire_service_tokens()
            self.figures.faults["serviceToken expiry"] += 1
            self.note("== serviceTokens expired")
            return
        weights: dict[FaultKind, int] = {"status": 4, "timeout": 2, "reply_lost": 3, "malformed": 2}
        chosen: FaultKind = self.rng.choices(list(weights), weights=list(weights.values()))[0]
        if chosen == "reply_lost" and path not in (*SHARE_PATHS, REVOKE_PATH, *PASSPORT_PATHS):
            # A lost answer matters where the request changes something.
            path = self.rng.choice([*SHARE_PATHS, REVOKE_PATH, *PASSPORT_PATHS])
        count = self.rng.randint(1, 2)
        status = self.rng.choice([500, 502, 503]) if chosen == "status" else None
        await self.cloud.fault(chosen, path, count=count, status=status)
        if chosen in ("timeout", "reply_lost"):
            self.lives.held.armed += count
        self.figures.faults[f"{chosen}{f' {status}' if status else ''}"] += 1
        self.note(f"== fault {chosen} {status or ''} on {path or 'anything'} x{count}")

    async def outage(self) -> None:
        """The cloud refuses every revoke for a while (all faults are cleared when it ends)."""
        if self.outage_ends is not None:
            return
        await self.cloud.fault("status", REVOKE_PATH, status=503)
        minutes = self.rng.randint(5, int(LONGEST_OUTAGE.total_seconds() // 60))
        self.outage_ends = self.now() + timedelta(minutes=minutes)
        self.figures.faults["revoke outage (every revoke 503)"] += 1
        self.note(f"== revoke outage for {minutes} min")

    async def clear_faults(self) -> None:
        """Clear what is armed; requests already held are released by the next settle."""
        await self.lives.settle()
        await self.cloud.clear_faults()
        self.lives.held.armed = self.lives.held.released
        self.outage_ends = None
        self.note("== faults cleared")

    # --- disruptions -----------------------------------------------------------------

    async def disrupt(self, what: str) -> None:
        self.note(f"== {what}")
        if what != "reload":
            self.figures.disruptions[what] += 1
        if what in ("restart", "restart_due"):
            await self.restart(due=what == "restart_due")
        elif what == "reload":
            await self.lives.settle(self._task(self.reload()))
        elif what == "remove":
            await self.remove()
        elif what == "pass_token":
            await self.revoke_pass_token()
        elif what == "outage":
            await self.outage()
        await self.check()

    async def restart(self, *, due: bool) -> None:
        """Stop Home Assistant, let time pass (past a share's end when due), start it again."""
        specs = await self.lives.stop()
        down = timedelta(seconds=self.rng.randint(30, 8 * 60))
        if due:
            ends = sorted(x.end for x in self.leases.values() if x.end is not None and x.end > self.now())
            if ends and ends[0] - self.now() < LONGEST_OUTAGE - timedelta(minutes=2):
                down = ends[0] - self.now() + timedelta(seconds=self.rng.randint(10, 120))
        await self.lives.tick(down)
        await self.lives.start(specs)
        self.last_start = self.now()

    async def reload(self) -> None:
        owners = [o for o in OWNERS if self._entry_state(o.user_id) is ConfigEntryState.LOADED]
        if owners:
            entry_id = self.entries[self.rng.choice(owners).user_id]
            assert entry_id is not None
            self.figures.disruptions["reload"] += 1
            self.note(f"== reload {entry_id}")
            await self.hass.config_entries.async_reload(entry_id)

    async def remove(self) -> None:
        """An account is removed (its timed shares end with it) and, a few steps later, added again."""
        owners = [o for o in OWNERS if self._healthy(o.user_id)]
        if not owners:
            return
        owner = self.rng.choice(owners).user_id
        entry_id = self.entries[owner]
        assert entry_id is not None
        await self.clear_faults()
        for lease in self.leases.values():
            if lease.owner == owner and lease.end is not None:
                self.explained[lease.pair] = "account removed"
        removing = self._task(self._remove(entry_id))
        await self.lives.settle(removing)
        self.entries[owner] = None
        self.removed[owner] = self.step_no + self.rng.randint(2, 6)
        await self.check()
        for lease in self.leases.values():
            self._expect(
                lease.owner != owner or lease.end is None,
                f"the timed share of {lease.did} with {lease.sharee} outlived the removal of its account",
            )

    async def _remove(self, entry_id: str) -> None:
        await self.hass.config_entries.async_remove(entry_id)

    async def add_back(self, owner: str) -> None:
        """The removed account is added again with a new login, if the cloud lets it log in now."""
        logins: list[EntrySpec] = []

        async def log_in() -> None:
            try:
                logins.append(await self._login_spec(next(o for o in OWNERS if o.user_id == owner)))
            except (XiaomiCloudError, AssertionError) as err:  # a fault met the login: later
                self.note(f"the login of {owner} failed: {err!r}")

        # As a task of Home Assistant's, so a login request the simulator holds is released.
        await self.lives.settle(self._task(log_in()))
        if not logins:
            self.removed[owner] = self.step_no + 1
            return
        entry = logins[0].mock()
        entry.add_to_hass(self.hass)
        await self.lives.settle(self._task(self._setup(entry.entry_id)))
        self.entries[owner] = entry.entry_id
        del self.removed[owner]
        self.back[owner] = self.now()
        self.figures.disruptions["accounts added again"] += 1
        self.note(f"== {owner} added again as {entry.entry_id}")

    async def _setup(self, entry_id: str) -> None:
        await self.hass.config_entries.async_setup(entry_id)

    async def revoke_pass_token(self) -> None:
        """The passToken dies (and every serviceToken with it); a new login follows minutes later."""
        owners = [o for o in OWNERS if self._healthy(o.user_id)]
        if not owners:
            return
        owner = self.rng.choice(owners)
        await self.cloud.revoke_pass_tokens(owner)
        await self.cloud.expire_service_tokens()
        wait = timedelta(seconds=self.rng.randint(3 * 60, int(LONGEST_OUTAGE.total_seconds()) - 60))
        self.outages[owner.user_id] = self.now() + wait
        self.figures.faults["passToken revoked"] += 1
        self.note(f"== passToken of {owner.user_id} revoked; login after {wait}")

    async def log_in_again(self, owner: str) -> bool:
        """A real password login through the reauth flow; False when the cloud failed it."""
        entry_id = self.entries[owner]
        if entry_id is None or not self.lives.running:
            return False
        entry = self.hass.config_entries.async_get_entry(entry_id)
        assert entry is not None
        account = next(o for o in OWNERS if o.user_id == owner)
        done: list[bool] = []

        async def flow() -> None:
            flows = list(entry.async_get_active_flows(self.hass, {SOURCE_REAUTH}))
            manager = self.hass.config_entries.flow
            if flows:
                flow_id = flows[0]["flow_id"]
            else:  # Home Assistant starts one when the login fails; none has yet
                context: ConfigFlowContext = {"source": SOURCE_REAUTH, "entry_id": entry.entry_id}
                flow_id = (await manager.async_init(DOMAIN, context=context, data=entry.data))["flow_id"]
            result = await manager.async_configure(flow_id, {"next_step_id": "password"})
            result = await manager.async_configure(
                flow_id, {"username": account.user_id, "password": account.password}
            )
            if result["type"] is FlowResultType.ABORT:
                done.append(result["reason"] == "reauth_successful")
            else:
                manager.async_abort(flow_id)

        await self.lives.settle(self._task(flow()))
        if done == [True]:
            del self.outages[owner]
            self.back[owner] = self.now()
            self.figures.disruptions["re-authenticated"] += 1
            self.note(f"== {owner} logged in again")
            return True
        return False

    async def between_steps(self, progress: float, planned: list[tuple[float, str]]) -> None:
        """Disruptions due now: planned ones, random ones, logins and re-added accounts."""
        while planned and planned[0][0] <= progress:
            await self.disrupt(planned.pop(0)[1])
        roll = self.rng.random()
        if roll < 0.01:
            await self.disrupt("restart")
        elif roll < 0.02:
            await self.disrupt("outage")
        elif roll < 0.03 and not self.outages:
            await self.disrupt("pass_token")
        if self.outage_ends is not None and self.outage_ends <= self.now():
            await self.clear_faults()
        for owner, login_at in list(self.outages.items()):
            if login_at <= self.now():
                await self.log_in_again(owner)
        for owner, step in list(self.removed.items()):
            if step <= self.step_no:
                await self.add_back(owner)

    # --- the books -------------------------------------------------------------------

    async def check(self) -> None:
        """Compare the cloud with what the users meant; a repair must name what is overdue."""
        now = self.now()
        for record in self._records():
            key = (record["entry_id"], record["did"], record["user_id"])
            if record["failures"] > self.failures_seen.get(key, 0):
                self.obstacles[(record["did"], record["user_id"])] = now
            self.failures_seen[key] = record["failures"]
        live = {
            (s.did, s.sharee): s for s in await self.cloud.shares() if s.status in ("pending", "accepted")
        }
        for pair, lease in list(self.leases.items()):
            share = live.get(pair)
            if share is not None and share.invite_id == lease.invite_id:
                self._check_overdue(lease, now)
                continue
            self._ended(lease, now)
        for pair, share in live.items():
            if pair in self.leases:
                continue
            intent = self.intents.pop(pair, None)
            if intent is None:
                self._expect(False, f"the cloud holds a share nobody asked for: {share}")
                continue
            self.leases[pair] = Lease(
                intent.owner, share.did, share.sharee, share.invite_id, intent.end, now, intent.how
            )
            self.figures.shares[intent.how] += 1
            self.note(f"shared: {self.leases[pair]}")
        if self.lives.running:
            self._check_repairs(now)

    def _ended(self, lease: Lease, now: datetime) -> None:
        del self.leases[lease.pair]
        lease.gone_at = now
        self.ended.append(lease)
        why = self.explained.get(lease.pair)
        self.note(f"gone ({why or 'by itself'}): {lease}")
        if lease.end is None:
            lease.ended_by = why or "nothing"
            self._expect(why is not None, f"a permanent share ended with nobody ending it: {lease}")
            return
        if lease.end > now + END_SLACK:
            lease.ended_by = why or "early"
            self._expect(why is not None, f"a timed share ended {lease.end - now} before its time: {lease}")
            return
        lease.ended_by = why or "expiry"
        late = now - lease.end
        after = now - self._free_since(lease)
        if why is None and late > self.figures.latest_revoke:
            self.figures.latest_revoke = late
            held_up = self._free_since(lease) - lease.end
            self.figures.latest_revoke_what = (
                f"{lease.did} with {lease.sharee}, {lease.how};"
                f" kept from ending until {held_up.total_seconds():.0f} s after its time"
            )
        if why is None:
            self.figures.latest_after = max(self.figures.latest_after, after)
        if after > BACKOFF_BOUND and why is None:
            lease.ended_by = "late"
            self._expect(
                False, f"a share ended {late} after its time, {after} after the last obstacle: {lease}"
            )

    def _free_since(self, lease: Lease) -> datetime:
        """Since when nothing kept a timed share from ending: its time, or the last obstacle."""
        assert lease.end is not None
        never = datetime.min.replace(tzinfo=lease.end.tzinfo)
        return max(
            lease.end,
            self.obstacles.get(lease.pair, never),
            self.last_start,
            self.back.get(lease.owner, never),
        )

    def _check_overdue(self, lease: Lease, now: datetime) -> None:
        if lease.end is None or lease.end >= now:
            return
        late = now - lease.end
        after = now - self._free_since(lease)
        self._expect(
            after <= BACKOFF_BOUND,
            f"a share is {late} past its time, {after} after the last obstacle: {lease}",
        )
        visible_since = max(lease.end, self.last_start)
        if self.lives.running and now - visible_since > REPAIR_WITHIN:
            entry_id = self.entries.get(lease.owner)
            issue = None
            if entry_id is not None:
                issue = ir.async_get(self.hass).async_get_issue(
                    DOMAIN, f"expiry_failed_{entry_id}_{lease.did}_{lease.sharee}"
                )
            self._expect(
                issue is not None and issue.active,
                f"a share {late} past its time is not named by a repair: {lease}",
            )

    def _records(self) -> list[dict[str, Any]]:
        stored = self.storage.get(STORAGE_KEY)
        return list(stored["data"]["expiries"]) if stored else []

    def _check_repairs(self, now: datetime) -> None:
        """A revoke that failed past the threshold is named by a repair, now."""
        issues = ir.async_get(self.hass)
        for record in self._records():
            if record["failures"] < FAILURES_BEFORE_REPAIR:
                continue
            issue = issues.async_get_issue(
                DOMAIN, f"expiry_failed_{record['entry_id']}_{record['did']}_{record['user_id']}"
            )
            self._expect(
                issue is not None and issue.active,
                f"{record['failures']} failed revokes and no repair: {record}",
            )

    async def audit(self) -> None:
        """Faults cleared, everyone logged in, one refresh: every stored expiry is a live timed share's."""
        self.figures.disruptions["audits"] += 1
        await self.clear_faults()
        for owner in list(self.outages):
            await self.log_in_again(owner)
        for owner in list(self.removed):
            await self.add_back(owner)
        for _ in range(10):  # an account whose setup failed is retried by Home Assistant
            if all(self._loaded(o.user_id) for o in OWNERS):
                break
            await self.lives.tick(timedelta(minutes=1))
            await self.lives.settle()
        self._expect(
            all(self._loaded(o.user_id) for o in OWNERS), "every account loads once the cloud is well"
        )
        # The refresh begins after the last action, as a real one would: on the frozen
        # clock it would begin at the very instant a record was written, and could not
        # tell whether the share was asked for before or after it.
        await self.lives.tick(timedelta(seconds=1))
        await self.lives.settle(self._task(self._refresh()))
        await self.check()
        records = {(r["did"], r["user_id"]): r for r in self._records()}
        for pair, record in records.items():
            lease = self.leases.get(pair)
            self._expect(lease is not None, f"an expiry record without a share: {record}")
            if lease is None:
                continue
            self._expect(lease.end is not None, f"an expiry record on a permanent share: {record}")
            self._expect(
                record["entry_id"] == self.entries.get(lease.owner), f"a record of another account: {record}"
            )
            if lease.end is not None:
                stored_end = dt_util.parse_datetime(record["expires_at"])
                self._expect(
                    stored_end is not None and abs(stored_end - lease.end) <= END_SLACK,
                    f"a record ends at {record['expires_at']}, the share at {lease.end}: {lease}",
                )
        for pair, lease in self.leases.items():
            if lease.end is not None:
                self._expect(pair in records, f"a live timed share has no expiry record: {lease}")

    async def _refresh(self) -> None:
        await self.hass.services.async_call(DOMAIN, "refresh", {}, blocking=True)

    async def finish(self) -> None:
        """Faults cleared, time past the last expiry plus the bound; nothing may be left."""
        await self.audit()
        last = max(
            (self._free_since(x) for x in self.leases.values() if x.end is not None), default=self.now()
        )
        until = max(last, self.now()) + BACKOFF_BOUND + LONGEST_STEP
        while self.now() < until:
            self.explained.clear()
            await self.lives.tick(timedelta(minutes=2))
            await self.lives.settle()
            await self.check()
        await self.audit()
        self._expect(self._records() == [], f"expiry records left at the end: {self._records()}")
        left = [
            i
            for i in ir.async_get(self.hass).issues.values()
            if i.domain == DOMAIN and i.issue_id.startswith("expiry")
        ]
        self._expect(not [i for i in left if i.active], f"expiry repairs left at the end: {left}")
        for lease in self.leases.values():
            self._expect(lease.end is None, f"a timed share is still there at the end: {lease}")

    # --- the report ----------------------------------------------------------------------

    def _count(self, *words: str) -> int:
        return sum(1 for v in self.violations if any(w in v for w in words))

    def report(self, seed: int, seconds: float) -> str:
        f = self.figures
        timed = sum(n for how, n in f.shares.items() if "timed" in how)
        permanent = sum(n for how, n in f.shares.items() if "permanent" in how)
        every = [*self.ended, *self.leases.values()]
        # Lost: a timed share still there at the end, or ended past the backoff bound.
        lost = [lease for lease in every if lease.end is not None and lease.ended_by in (None, "late")]
        permanent_ended = [lease for lease in self.ended if lease.ended_by == "nothing"]
        ended_by = Counter(lease.ended_by or "still shared" for lease in every)
        lines = [
            f"chaos soak: scale {self.scale.name}, seed {seed} (SOAK_SEED={seed} repeats its choices)",
            f"  shares made: {timed} timed, {permanent} permanent ({dict(sorted(f.shares.items()))})",
            f"  accounts: {len(OWNERS)} owners, cameras: {len(CAMERAS)}, recipients: {len(GUESTS) + 1} each",
            f"  faults injected: {sum(f.faults.values())} ({dict(sorted(f.faults.items()))})",
            f"  restarts: {f.disruptions['restart'] + f.disruptions['restart_due']}"
            f" ({f.disruptions['restart_due']} across a share's end)",
            f"  disruptions: {dict(sorted(f.disruptions.items()))}",
            f"  timers a stopped Home Assistant left behind: {dict(self.lives.leftovers)}",
            f"  user actions: {dict(sorted(f.actions.items()))}",
            f"  outcomes: {dict(sorted(f.outcomes.items()))}",
            f"  shares ended by: {dict(sorted(ended_by.items()))}",
            f"  latest revoke: {f.latest_revoke.total_seconds():.0f} s after its time"
            f" ({f.latest_revoke_what});"
            f" at most {f.latest_after.total_seconds():.0f} s after the last thing that kept a share"
            f" from ending (bound {BACKOFF_BOUND.total_seconds():.0f} s)",
            f"  simulated time: {self.now() - self.started_at}, steps: {self.step_no},"
            f" real time: {seconds:.1f} s",
            f"  past the backoff bound: {self._count('outlived', 'last obstacle', 'at the end: Lease')},"
            f" orphaned or stale expiry records: {self._count('expiry record', 'a record', 'records left')},"
            f" permanent shares ended: {len(permanent_ended)},"
            f" failures without a repair: {self._count('repair')}",
            f"  violations: {len(self.violations)}, unexpected errors: {len(self.unexpected)}",
            f"  lost = {len(lost)}",
        ]
        return "\n".join(lines)


class _Journal(logging.Handler):
    """The integration's warnings go into the soak's journal; its errors on to pytest's capture."""

    def __init__(self, soak: Soak, capture: logging.Handler) -> None:
        super().__init__(logging.WARNING)
        self._soak = soak
        self._capture = capture

    def emit(self, record: logging.LogRecord) -> None:
        self._soak.note(f"log {record.levelname.lower()}: {record.getMessage()}")
        if record.levelno >= logging.ERROR:
            self._capture.handle(record)


def _expected_log(record: logging.LogRecord) -> bool:
    """Errors that are no finding: a coordinator's failed refresh (Home Assistant logs it as an
    error; the faults make them), and Home Assistant's own complaints about its environment.
    Anything logged with a traceback, or by the integration otherwise, is a finding."""
    if record.name in ENVIRONMENT_LOGGERS:
        return True
    if record.exc_info is not None:
        return False
    if not record.name.startswith("custom_components"):
        return True
    return record.getMessage().startswith(
        ("Error fetching xiaomi_camera_share", "Authentication failed while fetching xiaomi_camera_share")
    )


async def _run(soak: Soak, scale: Scale) -> None:
    await soak.begin()
    planned = sorted(scale.planned)
    timed = 0
    while timed < scale.timed_shares:
        await soak.step()
        timed = sum(n for how, n in soak.figures.shares.items() if "timed" in how)
        await soak.between_steps(timed / scale.timed_shares, planned)
        if soak.step_no % scale.audit_every == 0:
            await soak.audit()
    await soak.finish()


def _logged(record: logging.LogRecord) -> str:
    """A log record with the end of its traceback, if it has one."""
    if record.exc_info is None:
        return record.getMessage()
    trace = logging.Formatter().formatException(record.exc_info).splitlines()
    return "\n".join([record.getMessage(), *trace[-12:]])


def _real_seconds() -> float:
    """Real time: the frozen clock stands still."""
    return time.clock_gettime(time.CLOCK_MONOTONIC)


# Real seconds a run may take before pytest-timeout stops it with every stack printed.
@pytest.mark.timeout(3600 if os.environ.get("SOAK_SCALE") == "full" else 600)
async def test_chaos_soak(
    lives: Lives, cloud: Simulator, hass_storage: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    scale = _scale()
    seed = int(os.environ.get("SOAK_SEED") or random.SystemRandom().randrange(1_000_000))
    print(f"\nchaos soak: scale {scale.name}, seed {seed}")
    caplog.set_level(logging.ERROR)
    started = _real_seconds()
    soak = Soak(lives, cloud, hass_storage, random.Random(seed), scale)
    integration_log = logging.getLogger("custom_components.xiaomi_camera_share")
    journal = _Journal(soak, caplog.handler)
    integration_log.addHandler(journal)
    integration_log.setLevel(logging.WARNING)
    integration_log.propagate = False
    try:
        await _run(soak, scale)
    finally:
        integration_log.removeHandler(journal)
        integration_log.setLevel(logging.NOTSET)
        integration_log.propagate = True
    print(soak.report(seed, _real_seconds() - started))
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR and not _expected_log(r)]
    if soak.violations:
        print(soak.story())
    for n, line in enumerate(soak.journal):
        if "log error: Unexpected" in line:
            print("\n".join(soak.journal[max(0, n - 8) : n + 1]))
            break
    problems = [
        *soak.violations,
        *soak.unexpected,
        *map(repr, lives.errors),
        *(_logged(r) for r in errors),
    ]
    assert not problems, "\n".join(problems[:40])
