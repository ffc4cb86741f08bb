"""What every Python suite shares: the Xiaomi cloud simulator, one process per test run.

The test runner (tools/test.ts) starts one simulator and passes its base URL in
XIAOMI_CAMERA_SHARE_SIMULATOR_URL. Without it, the first test that needs the
simulator starts one here and the end of the run stops it.
"""

from __future__ import annotations

import os
import re
import selectors
import shutil
import subprocess
import time
from pathlib import Path
from typing import TYPE_CHECKING, Final

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

SIMULATOR_URL_ENV: Final = "XIAOMI_CAMERA_SHARE_SIMULATOR_URL"
PROJECT_ROOT: Final = Path(__file__).resolve().parents[1]
# The one line the simulator prints once it accepts connections.
READY_LINE: Final = re.compile(r"simulator listening on (http://127\.0\.0\.1:\d+)")
START_SECONDS: Final = 30.0
STOP_SECONDS: Final = 10.0


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


@pytest.fixture(scope="session")
def simulator_url() -> Iterator[str]:
    """The simulator's base URL: the one the test runner passes, or one started for this run."""
    if url := os.environ.get(SIMULATOR_URL_ENV):
        yield url.rstrip("/")
        return
    process = _start_simulator()
    try:
        yield _ready_url(process)
    finally:
        _stop(process)
