"""Shape reports against the simulator: diagnostics and the read-only probe.

Both show how the cloud answered (keys, types, lengths, protocol codes, the steps of the
last login) and no value of the simulator's world: every id, name, phone number, email,
password, token, did, MAC and IP the seed holds, and the credentials of the logins, are
looked for in what they print and write.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import aiohttp
import pytest
from pytest_homeassistant_custom_component.components.diagnostics import get_diagnostics_for_config_entry

from custom_components.xiaomi_camera_share.cloud import probe
from custom_components.xiaomi_camera_share.cloud.app_api import AppApi
from custom_components.xiaomi_camera_share.cloud.client import READ_PATHS, ReadOnlyClientError
from custom_components.xiaomi_camera_share.cloud.models import QrLogin, SharePermission
from custom_components.xiaomi_camera_share.cloud.probe import ProbeRun, main, run_probe
from custom_components.xiaomi_camera_share.cloud.regions import Endpoints, Region
from custom_components.xiaomi_camera_share.cloud.transport import Timeouts
from custom_components.xiaomi_camera_share.const import CONF_DEVICE_ID, CONF_PASS_TOKEN

from .conftest import FRONT_DOOR, GARDEN, GUEST, OWNER, STRANGER, add_account
from .helpers import call, device_id
from .simulator import Camera

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant
    from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

    from custom_components.xiaomi_camera_share.cloud.client import XiaomiCloudClient

    from .simulator import Simulator, World

PROJECT_ROOT: Final = Path(__file__).resolve().parents[2]
# Seed fields that name a product, a place in the protocol or a time, not a person or a secret.
NOT_PERSONAL: Final = frozenset(
    {
        "model",
        "region",
        "appRegion",
        "loginChallenge",
        "verifyMethods",
        "pid",
        "isOnline",
        "fwVersion",
        "status",
        "readOnly",
        "viaHome",
        "ctime",
        "mtime",
        "expireTime",
    }
)
FAST: Final = Timeouts(request=10.0, long_poll=10.0, poll_pause=0.05)
BERLIN: Final = Camera("684000001", "Berlin hall", OWNER.user_id, region="de", mac="AA:BB:CC:00:00:09")
SHOP: Final = Camera("683000009", "Shop", STRANGER.user_id, mac="AA:BB:CC:00:00:07")


def _values(value: Any, key: str | None, found: set[str]) -> None:
    if key in NOT_PERSONAL or value is None or isinstance(value, bool):
        return
    if isinstance(value, dict):
        for name, item in value.items():
            _values(item, name, found)
    elif isinstance(value, list):
        for item in value:
            _values(item, key, found)
    elif str(value):
        found.add(str(value))


async def seed_values(simulator: Simulator) -> set[str]:
    """Every value of the simulator's accounts, devices and shares that could name or unlock someone."""
    state = await simulator._call("GET", "/state")
    found: set[str] = set()
    for part in ("accounts", "devices", "shares"):
        _values(state["data"][part], None, found)
    return found


def client_secrets(client: XiaomiCloudClient) -> set[str]:
    """What the client logged in with and signs with."""
    credentials = client.credentials
    service = client._service
    assert service is not None
    found = {credentials.user_id, credentials.pass_token, credentials.device_id}
    found |= {service.service_token, service.ssecurity}
    if credentials.c_user_id:
        found.add(credentials.c_user_id)
    return found


def leaked(values: set[str], text: str) -> list[str]:
    """The values that appear in the text as a whole (not inside a longer word or number)."""
    return sorted(v for v in values if re.search(rf"(?<![A-Za-z0-9]){re.escape(v)}(?![A-Za-z0-9])", text))


def steps_of(login: dict[str, Any]) -> list[str]:
    return [step["step"] for step in login["steps"]]


async def scan_when_shown(simulator: Simulator, seconds: float = 60.0) -> None:
    """The owner's Mi Home app scans the QR code as soon as one waits."""
    for _ in range(int(seconds / 0.05)):
        if await simulator.waiting_qr_codes():
            await simulator.scan_qr(OWNER)
            return
        await asyncio.sleep(0.05)
    raise AssertionError("no QR code was shown")


def seed_world(world: World) -> World:
    """The owner shares two cameras (one accepted view-only, one waiting), owns one in de, and is invited."""
    world.share(FRONT_DOOR, GUEST, accepted=True, read_only=True)
    world.share(GARDEN, STRANGER, accepted=False)
    world.add_camera(BERLIN)
    world.add_camera(SHOP)
    world.share(SHOP, OWNER, accepted=False)
    return world


async def test_diagnostics_show_the_last_login_and_replies_by_shape(
    hass: HomeAssistant, simulator: Simulator, world: World, hass_client: ClientSessionGenerator
) -> None:
    await simulator.seed(seed_world(world))
    entry = await add_account(hass, simulator, OWNER, regions=["cn", "de"])
    # The serviceToken runs out: the refresh mints a new one, a passport login of its own.
    await simulator.expire_service_tokens()
    await call(hass, "refresh", {})
    await call(
        hass,
        "share",
        {"device_id": device_id(hass, entry.entry_id, GARDEN.did), "recipient": GUEST.user_id},
    )
    diagnostics: dict[str, Any] = await get_diagnostics_for_config_entry(hass, hass_client, entry)

    last_login = diagnostics["last_login"]
    assert last_login["kind"] == "pass_token"
    assert steps_of(last_login) == ["/pass/serviceLogin", "/sts ?_ssign,auth,d,nonce,pwd,ticket"]
    service_login, sts = last_login["steps"]
    assert service_login["body"]["code"] == 0
    assert service_login["body"]["passToken"] == "str"
    assert service_login["body"]["location"].startswith("url /sts ?")
    assert sts["headers"]["Extension-Pragma"]["ssecurity"] == "str"
    assert "serviceToken" in sts["cookies"]
    replies = diagnostics["reply_shapes"]
    assert {"/v2/home/device_list_page", "/share/device_share_list", "/share/receive_share_list"} <= set(
        replies
    )
    assert replies.keys() & {"/share/share_request", "/share/share_request_batch"}
    # The last answer of each endpoint, whichever region it came from (here de: no invite).
    assert replies["/share/receive_share_list"]["body"]["result"] == [0, "empty"]
    assert replies["/v2/home/device_list_page"]["body"]["result"]["list"][1]["permitLevel"] == 16

    text = json.dumps(diagnostics)
    client = entry.runtime_data.client
    secrets = await seed_values(simulator) | client_secrets(client)
    secrets |= {entry.data[CONF_PASS_TOKEN], entry.data[CONF_DEVICE_ID]}
    assert {OWNER.user_id, GUEST.nickname, FRONT_DOOR.did, BERLIN.mac, OWNER.password} <= secrets
    assert leaked(secrets, text) == []


async def test_the_probe_reads_changes_nothing_and_reports_shapes(
    simulator: Simulator, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    await simulator.seed(seed_world(world))
    before = (await simulator._call("GET", "/state"))["data"]
    sent: list[str] = []
    send = AppApi.call

    async def spy(self: AppApi, session: Any, region: Region, path: str, data: dict[str, Any]) -> Any:
        sent.append(path)
        return await send(self, session, region, path, data)

    monkeypatch.setattr(AppApi, "call", spy)
    shown: list[QrLogin] = []
    said: list[str] = []
    async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) as http:
        run, _ = await asyncio.gather(
            run_probe(
                http,
                [Region.CN, Region.DE],
                endpoints=Endpoints(override=simulator.url),
                timeouts=FAST,
                show_qr=shown.append,
                say=said.append,
            ),
            scan_when_shown(simulator),
        )
    assert isinstance(run, ProbeRun)
    assert run.client is not None

    # Reads only: every request was one of the reads, and the world is as it was.
    assert set(sent) <= READ_PATHS
    assert sent.count("/share/get_share_user") == 2
    assert (await simulator._call("GET", "/state"))["data"] == before
    with pytest.raises(ReadOnlyClientError):
        await run.client.share(Region.CN, GARDEN.did, GUEST.user_id, SharePermission.CONTROL)
    assert "/share/share_request" not in sent

    report = run.report
    assert report["login"]["kind"] == "qr"
    assert steps_of(report["login"])[:3] == [
        "/pass/serviceLogin",
        "/longPolling/loginUrl",
        "/longPolling/lp ?ticket",
    ]
    assert report["login"]["steps"][-1]["body"]["code"] == 0
    assert steps_of(report["service_login"])[0] == "/pass/serviceLogin"
    cn, de = report["regions"]["cn"], report["regions"]["de"]
    assert cn["counts"] == {
        "devices": 2,
        "cameras": 2,
        "cameras_owned": 2,
        "cameras_shared_to_me": 0,
        "cameras_shared_via_home": 0,
        "permit_levels": {"16": 2},
        "devices_in_share_list": 2,
        "cameras_asked_for_sharees": 2,
        "sharee_statuses": {"0": 1, "1": 1},
        "sharees_view_only": 1,
        "invites": 1,
        "invite_statuses": {"0": 1},
    }
    assert cn["errors"] == []
    assert cn["replies"]["/share/get_share_user"]["calls"] == 2
    sharee = cn["replies"]["/share/get_share_user"]["body"]["result"]["list"][1]
    assert sharee["status"] == "0 | 1"
    assert sharee["userid"] == "int"
    assert cn["replies"]["/share/device_share_list"]["body"]["result"]["list"] == {
        "<id>": [1, {"userid": "int", "nickname": "str", "icon": "str", "mtime": "int"}]
    }
    assert de["counts"]["cameras_owned"] == 1
    assert len(shown) == 1

    secrets = await seed_values(simulator) | client_secrets(run.client)
    # The check finds what it looks for: the world itself is full of it.
    assert {OWNER.user_id, SHOP.did, "user1000000001@example.com"} <= set(leaked(secrets, json.dumps(before)))
    text = json.dumps(report) + "\n".join(said)
    assert leaked(secrets, text) == []


async def test_the_probe_command_line(simulator: Simulator, world: World, tmp_path: Path) -> None:
    """`npm run probe` as a user runs it: the launcher finds a Python, the report lands where asked."""
    node = shutil.which("node")
    assert node is not None
    await simulator.seed(seed_world(world))
    out = tmp_path / "report.json"
    process = await asyncio.create_subprocess_exec(
        node,
        "--import",
        "tsx",
        "tools/probe.ts",
        "--cloud-url",
        simulator.url,
        "--regions",
        "cn,de",
        "--out",
        str(out),
        cwd=PROJECT_ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
        env={**os.environ, "INIT_CWD": str(tmp_path)},
    )
    try:
        await scan_when_shown(simulator)
        stdout, _ = await asyncio.wait_for(process.communicate(), 60)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    printed = stdout.decode()
    assert process.returncode == 0, printed
    assert f"Report written to {out}" in printed
    report = json.loads(out.read_text())
    assert report["cloud"] == "development override"
    assert report["regions"]["cn"]["counts"]["invites"] == 1
    assert report["service_login"]["kind"] == "pass_token"
    assert leaked(await seed_values(simulator), printed + out.read_text()) == []


async def test_the_probe_reports_failed_reads_and_a_failed_login(simulator: Simulator, world: World) -> None:
    await simulator.seed(seed_world(world))
    await simulator.fault("status", "/de.api.io.mi.com", status=503)
    said: list[str] = []
    async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) as http:
        endpoints = Endpoints(override=simulator.url)
        run, _ = await asyncio.gather(
            run_probe(http, [Region.DE], endpoints=endpoints, timeouts=FAST, show_qr=print, say=said.append),
            scan_when_shown(simulator),
        )
        # Each read of the region failed; the report says which, by kind and code.
        de = run.report["regions"]["de"]
        assert [(e["endpoint"], e["error"], e["code"]) for e in de["errors"]] == [
            ("/v2/home/device_list_page", "CloudConnectionError", 503),
            ("/share/device_share_list", "CloudConnectionError", 503),
            ("/share/receive_share_list", "CloudConnectionError", 503),
        ]
        assert "3 reads failed" in said[-1]
        await simulator.clear_faults()

        async def expire() -> None:
            for _ in range(1200):
                if await simulator.waiting_qr_codes():
                    await simulator.advance_clock(3600)
                    return
                await asyncio.sleep(0.05)

        failed, _ = await asyncio.gather(
            run_probe(http, [Region.CN], endpoints=endpoints, timeouts=FAST, show_qr=print, say=said.append),
            expire(),
        )
    assert failed.client is None
    assert failed.report["login_error"] == {"error": "QrLoginTimeoutError", "code": "null"}
    assert failed.report["login"]["steps"][-1]["body"]["code"] == 2
    assert "regions" not in failed.report


def test_without_segno_the_probe_prints_the_links(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def no_segno(name: str) -> Any:
        raise ImportError(name)

    monkeypatch.setattr("importlib.import_module", no_segno)
    probe.show_qr_in_terminal(
        QrLogin("https://account.example/login?t=1", "https://account.example/qr.png", 300)
    )
    printed = capsys.readouterr().out
    assert "segno is not installed" in printed
    assert "https://account.example/login?t=1" in printed
    assert "https://account.example/qr.png" in printed
    assert "valid for 5 minutes" in printed


async def test_the_probe_main_prints_and_writes_no_value(
    simulator: Simulator, world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command line in this process: the QR code or its link, counts, and the report's place."""
    await simulator.seed(seed_world(world))
    out = tmp_path / "probe" / "report.json"
    codes: list[int] = []
    args = ["--cloud-url", simulator.url, "--regions", "cn", "--out", str(out)]
    # main() runs its own event loop, so it runs in a thread of its own here.
    thread = threading.Thread(target=lambda: codes.append(main(args)))
    thread.start()
    try:
        await scan_when_shown(simulator)
    finally:
        await asyncio.to_thread(thread.join, 60)
    printed = capsys.readouterr().out
    assert codes == [0], printed
    assert "Scan this QR code with the Mi Home app" in printed
    assert "cn: 2 devices, 2 cameras (2 owned), 2 shared by you, 1 invites" in printed
    assert f"Report written to {out}" in printed
    report = json.loads(out.read_text())
    assert list(report["regions"]) == ["cn"]
    assert leaked(await seed_values(simulator), printed + out.read_text()) == []


async def test_the_launcher_says_what_is_missing(tmp_path: Path) -> None:
    """A Python without the client's modules, or too old, is named with what it lacks."""
    node = shutil.which("node")
    assert node is not None
    for answer, expected in (
        ({"version": [3, 14, 2], "has": [False, True, False, True]}, "aiohttp, cryptography>=43 missing"),
        ({"version": [3, 12, 1], "has": [True, True, True, True]}, "Python 3.12.1: too old"),
    ):
        fake = tmp_path / "python"
        fake.write_text(f"#!/bin/sh\necho '{json.dumps(answer)}'\n")
        fake.chmod(0o755)
        process = await asyncio.create_subprocess_exec(
            node,
            "--import",
            "tsx",
            "tools/probe.ts",
            "--python",
            str(fake),
            cwd=PROJECT_ROOT,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        stdout, stderr = await asyncio.wait_for(process.communicate(), 60)
        assert process.returncode == 1
        assert expected in stderr.decode(), stderr.decode()
        assert "pip install aiohttp cryptography segno" in stderr.decode()
        assert not stdout


def test_the_probe_refuses_plain_http_off_this_machine(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--cloud-url", "http://192.0.2.10:8790", "--regions", "cn"])
    assert exit_info.value.code == 2
    assert "loopback" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--regions", "cn,xx"])
