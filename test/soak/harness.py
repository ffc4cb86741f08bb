"""Home Assistant lives for the soak: started, stopped and started again over one storage.

Each life is a test instance from the harness (``async_test_home_assistant``) on the
test's event loop, with the integration loaded from ``custom_components/``. The
storage dict (``hass_storage``) outlives every instance, as the ``.storage`` folder
outlives a real restart; config entries are carried over as they were when the
previous life stopped (a rotated or re-entered passToken included).

Time is frozen (``freezer``): Home Assistant's clock and the event loop's clock move
only when the soak moves them, so a request held open by the simulator (a
``timeout`` or ``reply_lost`` fault) ends when the clock passes the client's request
timeout, never in real time.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any, Final

from homeassistant import loader
from homeassistant.helpers import frame, translation
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
    async_test_home_assistant,
)

from custom_components.xiaomi_camera_share.cloud.transport import DEFAULT_TIMEOUTS
from custom_components.xiaomi_camera_share.const import DOMAIN

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Coroutine
    from contextlib import AbstractAsyncContextManager

    from freezegun.api import FrozenDateTimeFactory
    from homeassistant.core import HomeAssistant

    from test.integration.simulator import Simulator

# Past the client's request timeout: a held request has given up.
RELEASE_HELD: Final = timedelta(seconds=DEFAULT_TIMEOUTS.request + 5)
# Real seconds between looks at a Home Assistant that is still busy.
REAL_POLL: Final = 0.02
# Real seconds a busy Home Assistant may take with no held request to release.
REAL_PATIENCE: Final = 60.0
HELD_KINDS: Final = frozenset({"timeout", "reply_lost"})
# Real seconds after which a request still in flight is taken to be held: the
# simulator answers in milliseconds.
HOLD_GUESS: Final = 0.25


@dataclass(slots=True)
class EntrySpec:
    """A config entry as it stands between two lives."""

    entry_id: str
    unique_id: str
    title: str
    data: dict[str, Any]
    options: dict[str, Any] = field(default_factory=dict)

    def mock(self) -> MockConfigEntry:
        return MockConfigEntry(
            domain=DOMAIN,
            entry_id=self.entry_id,
            unique_id=self.unique_id,
            title=self.title,
            data=self.data,
            options=self.options,
        )


@dataclass(slots=True)
class HeldRequests:
    """Requests the simulator holds open: hits of timeout / reply_lost faults not yet timed out.

    The client's requests are watched on their way out (the transport's ``send``,
    wrapped to count what is in flight and since when, nothing else). The clock may
    only jump past the request timeout when every request in flight is one the
    simulator holds: a jump times out whatever is in flight at that moment.
    """

    armed: int = 0
    released: int = 0
    in_flight: dict[int, float] = field(default_factory=dict)
    _next: int = 0

    async def unreleased(self, cloud: Simulator) -> int:
        left = sum(f.get("count", 0) for f in await cloud.armed_faults() if f["kind"] in HELD_KINDS)
        return self.armed - left - self.released

    def watch[**P, R](self, send: Callable[P, Awaitable[R]]) -> Callable[P, Coroutine[Any, Any, R]]:
        """The transport's send, counted while in flight."""

        async def counted(*args: P.args, **kwargs: P.kwargs) -> R:
            self._next += 1
            key = self._next
            self.in_flight[key] = _real_seconds()
            try:
                return await send(*args, **kwargs)
            finally:
                del self.in_flight[key]

        return counted

    def only_held_left(self, held: int) -> bool:
        """Everything in flight has waited long enough to be held, and no more than are held."""
        now = _real_seconds()
        waiting = list(self.in_flight.values())
        return 0 < len(waiting) <= held and all(now - since > HOLD_GUESS for since in waiting)


def _callback_name(handle: asyncio.TimerHandle) -> str:
    callback = getattr(handle, "_callback", None)
    return str(getattr(callback, "__qualname__", callback))


def _stack(task: asyncio.Future[Any]) -> str:
    """Where a task waits: its chain of awaited coroutines, innermost last."""
    lines = [repr(task)[:160]]
    awaited: Any = getattr(task, "get_coro", lambda: None)()
    while awaited is not None:
        frame = getattr(awaited, "cr_frame", None) or getattr(awaited, "gi_frame", None)
        if frame is not None:
            lines.append(f"  {frame.f_code.co_filename}:{frame.f_lineno} {frame.f_code.co_name}")
        awaited = getattr(awaited, "cr_await", None) or getattr(awaited, "gi_yieldfrom", None)
        if awaited is not None and frame is None:
            lines.append(f"  {awaited!r}"[:200])
    return "\n".join(lines)


def _real_seconds() -> float:
    """Real time: freezegun stands time.monotonic and time.perf_counter still."""
    return time.clock_gettime(time.CLOCK_MONOTONIC)


class Lives:
    """One Home Assistant at a time over one storage, the clock in the soak's hands."""

    def __init__(self, freezer: FrozenDateTimeFactory, cloud: Simulator) -> None:
        self._freezer = freezer
        self._cloud = cloud
        self._context: AbstractAsyncContextManager[HomeAssistant] | None = None
        self._hass: HomeAssistant | None = None
        self.held = HeldRequests()
        self.errors: list[BaseException | str] = []
        self.starts = 0
        self._before: set[asyncio.TimerHandle] = set()
        # Timers a stopped life left behind, by callback, cancelled as the end of a process would.
        self.leftovers: Counter[str] = Counter()

    @property
    def hass(self) -> HomeAssistant:
        assert self._hass is not None, "Home Assistant is not running"
        return self._hass

    @property
    def running(self) -> bool:
        return self._hass is not None

    # --- lives -----------------------------------------------------------------

    async def start(self, entries: list[EntrySpec]) -> HomeAssistant:
        """A new Home Assistant over the same storage; the integration set up as at boot."""
        assert self._hass is None
        loop = asyncio.get_running_loop()
        loop.set_exception_handler(self._loop_error)
        self._before = {h for h in getattr(loop, "_scheduled", ()) if not h.cancelled()}
        self._context = async_test_home_assistant(loop)
        hass = self._hass = await self._context.__aenter__()
        frame.async_setup(hass)
        await translation.async_load_integrations(hass, {"homeassistant"})
        hass.data.pop(loader.DATA_CUSTOM_COMPONENTS)  # load custom_components/
        hass.config.components.add("frontend")  # the test environment lacks the package
        for spec in entries:
            spec.mock().add_to_hass(hass)
        self.starts += 1
        setup = hass.async_create_task(async_setup_component(hass, DOMAIN, {}))
        await self.settle()
        assert setup.result()
        return hass

    async def stop(self) -> list[EntrySpec]:
        """Stop Home Assistant as a restart does; the entries as they are now."""
        hass = self.hass
        await self.settle()
        specs = [
            EntrySpec(e.entry_id, e.unique_id or "", e.title, dict(e.data), dict(e.options))
            for e in hass.config_entries.async_entries(DOMAIN)
        ]
        # Not one of Home Assistant's own tasks: its stop waits for those.
        stopping = asyncio.ensure_future(hass.async_stop(force=True))
        await self._until_done(stopping)
        assert self._context is not None
        await self._context.__aexit__(None, None, None)
        self._hass = self._context = None
        # Let aiohttp close its connections, and Home Assistant drop its instance.
        for _ in range(3):
            await asyncio.sleep(0)
        # A real restart ends the process: nothing the old life scheduled may run in the
        # next one (a debounced refresh would meet the web session closed at stop).
        loop = asyncio.get_running_loop()
        for handle in list(getattr(loop, "_scheduled", ())):
            if not handle.cancelled() and handle not in self._before:
                self.leftovers[_callback_name(handle)] += 1
                handle.cancel()
        return specs

    def _busy(self) -> str:
        """What Home Assistant is waiting for, when it waits for too long."""
        tasks = [*self.hass._tasks, *self.hass._background_tasks]
        stacks = "\n".join(_stack(t) for t in tasks if not t.done())
        return f"in flight: {self.held.in_flight}, held {self.held}\n{stacks}"

    def _loop_error(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        self.errors.append(context.get("exception") or str(context.get("message")))
        loop.default_exception_handler(context)

    # --- time ------------------------------------------------------------------

    async def tick(self, delta: timedelta) -> None:
        """Move both clocks (Home Assistant's, the simulator's) and run what falls due."""
        self._freezer.tick(delta)
        await self._cloud.advance_clock(round(delta.total_seconds()))
        if self._hass is not None:
            async_fire_time_changed(self._hass, dt_util.utcnow())

    async def settle(self, *extra: asyncio.Future[Any]) -> None:
        """Wait until Home Assistant is idle, moving time past held requests as the only way out."""
        hass = self._hass
        while hass is not None:
            waiting = hass.async_create_task(
                hass.async_block_till_done(wait_background_tasks=True), eager_start=False
            )
            await self._until_done(waiting, *extra)
            # A timer set for "now" (an expiry retried at once after a start) lands a hair
            # after the frozen clock and would wait for its next move: run it, as the
            # moving clock of a real Home Assistant would a moment later.
            async_fire_time_changed(hass, dt_util.utcnow())
            for _ in range(3):
                await asyncio.sleep(0)
            if not (hass._tasks or hass._background_tasks):
                return

    async def _until_done(self, *futures: asyncio.Future[Any]) -> None:
        """Poll in real time (the loop's clock is frozen); release held requests when that is all left."""
        polls = 0
        loop = asyncio.get_running_loop()
        while not all(f.done() for f in futures):
            # A real wait in a thread: the loop's own timers do not run while time is frozen.
            await loop.run_in_executor(None, time.sleep, REAL_POLL)
            if all(f.done() for f in futures):
                break
            if self.held.in_flight and (held := await self.held.unreleased(self._cloud)) > 0:
                if self.held.only_held_left(held):
                    self.held.released += len(self.held.in_flight)
                    await self.tick(RELEASE_HELD)
                    polls = 0
            elif (polls := polls + 1) > REAL_PATIENCE / REAL_POLL:
                raise AssertionError(f"Home Assistant stays busy with nothing held:\n{self._busy()}")
