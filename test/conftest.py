"""What every Python suite shares: the Xiaomi cloud simulator, one process per test run.

The test runner (tools/test.ts) starts one simulator and passes its base URL in
XIAOMI_CAMERA_SHARE_SIMULATOR_URL. Without it, the first test that needs the
simulator starts one here and the end of the run stops it.

Test runs that go on side by side (mutation testing runs one per mutant, in parallel)
get a pool instead: XIAOMI_CAMERA_SHARE_SIMULATOR_POOL lists several base URLs, and
each run holds one of them alone for as long as it lasts, since every test resets
the simulator's world.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import selectors
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Final

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

SIMULATOR_URL_ENV: Final = "XIAOMI_CAMERA_SHARE_SIMULATOR_URL"
SIMULATOR_POOL_ENV: Final = "XIAOMI_CAMERA_SHARE_SIMULATOR_POOL"
PROJECT_ROOT: Final = Path(__file__).resolve().parents[1]
# The one line the simulator prints once it accepts connections.
READY_LINE: Final = re.compile(r"simulator listening on (http://127\.0\.0\.1:\d+)")
START_SECONDS: Final = 30.0
STOP_SECONDS: Final = 10.0
# How long a run waits for a simulator of the pool to become free.
POOL_WAIT_SECONDS: Final = 300.0


def _start_simulator() -> subprocess.Popen[str]:
    node = shutil.which("node")
    if node is None:
        pytest.fail(
            f"node is needed to start the simulator; install it or set {SIMULATOR_URL_ENV}", pytrace=False
        )
    command = [node, "--openssl-legacy-provider", "--import", "tsx", "simulator/src/main.ts", "--port", "0"]
    # stderr stays with the test run, so the simulator's own errors show up in reports.
    return subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=subprocess.PIPE, text=True)


def _ready_url(process: subprocess.Popen[str]) -> str:
    """Wait for the ready line; the simulator prints nothing else on stdout."""
    assert process.stdout is not None
    deadline = time.monotonic() + START_SECONDS
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while (left := deadline - time.monotonic()) > 0:
            if not selector.select(left):
                continue
            line = process.stdout.readline()
            if not line:
                break  # it exited
            if match := READY_LINE.search(line):
                return match.group(1)
    raise RuntimeError(f"the simulator did not report ready (exit code {process.poll()})")


def _stop(process: subprocess.Popen[str]) -> None:
    process.terminate()
    try:
        process.wait(STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    if process.stdout is not None:
        process.stdout.close()


@contextmanager
def _one_of(pool: list[str]) -> Iterator[str]:
    """A simulator of the pool that no other test run holds; held until the block ends.

    The hold is an advisory lock on a file named after the URL: it ends with the
    process that took it, however that process ends.
    """
    deadline = time.monotonic() + POOL_WAIT_SECONDS
    while time.monotonic() < deadline:
        for url in pool:
            name = hashlib.sha256(url.encode()).hexdigest()[:16]
            lock = (Path(tempfile.gettempdir()) / f"xiaomi-camera-share-simulator-{name}.lock").open("w")
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                lock.close()
                continue
            try:
                yield url.rstrip("/")
            finally:
                lock.close()
            return
        time.sleep(0.05)
    raise RuntimeError(f"no simulator of {SIMULATOR_POOL_ENV} became free in {POOL_WAIT_SECONDS:.0f} s")


@pytest.fixture(scope="session")
def simulator_url() -> Iterator[str]:
    """The simulator's base URL: the one the test runner passes, or one started for this run."""
    if pool := os.environ.get(SIMULATOR_POOL_ENV, "").split():
        with _one_of(pool) as pooled:
            yield pooled
        return
    if url := os.environ.get(SIMULATOR_URL_ENV):
        yield url.rstrip("/")
        return
    process = _start_simulator()
    try:
        yield _ready_url(process)
    finally:
        _stop(process)
