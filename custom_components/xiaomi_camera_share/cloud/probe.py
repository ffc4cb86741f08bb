"""A read-only look at how Xiaomi's cloud answers one account, for a bug report.

Nobody on the project can reach Xiaomi's cloud; anyone with a Mi account can. The
probe logs in by QR code, reads the devices, share lists and invites of the regions
asked for, and writes a JSON report of how each answer was shaped: keys, value types,
list lengths, protocol codes and counts (``shapes.py``), never an id, name, token,
address or phone number. It changes nothing: its client is read-only and refuses to
send anything but the reads of ``READ_PATHS``. The login lives in memory only.

From a checkout, ``npm run probe`` (or ``npx xiaomi-camera-share-probe``) finds a
Python to run it with. Any Python >= 3.14 with aiohttp and cryptography runs it
directly, without Home Assistant::

    PYTHONPATH=custom_components/xiaomi_camera_share python3 -m cloud.probe --regions cn,de
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import json
import platform
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import aiohttp

from . import parsing
from .auth import XiaomiAuth
from .client import XiaomiCloudClient
from .errors import XiaomiCloudError
from .regions import DEFAULT_ENDPOINTS, Endpoints, Region, override_is_safe
from .shapes import merged_shapes, shape_of
from .transport import DEFAULT_TIMEOUTS, Timeouts

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Sequence

    from .models import Device, QrLogin
    from .shapes import Shape

REPORT_NAME: Final = "Xiaomi Camera Share cloud probe"
REPORT_FORMAT: Final = 1
RECORDS: Final = (
    "shapes only: keys, value types, list lengths, protocol codes (code, status, permitLevel, "
    "securityStatus, flag, options) and counts; never an id, name, token, address or phone number"
)
DEVICE_PAGE: Final = "/v2/home/device_list_page"
SHARE_LIST: Final = "/share/device_share_list"
SHARE_USERS: Final = "/share/get_share_user"
INVITES: Final = "/share/receive_share_list"
MANIFEST: Final = Path(__file__).resolve().parents[1] / "manifest.json"


@dataclass(slots=True)
class ProbeRun:
    """The report, and the client that read it (none when the login failed)."""

    report: dict[str, Any]
    client: XiaomiCloudClient | None


def _error(err: XiaomiCloudError) -> dict[str, Shape]:
    """An error by its kind and protocol code; its message may quote the cloud, so it stays out."""
    return {
        "error": type(err).__name__,
        "code": shape_of(err.code, "code") if err.code is not None else "null",
    }


class _RegionReads:
    """The reads of one region, each answer's shape kept per endpoint (merged over calls)."""

    def __init__(self, client: XiaomiCloudClient) -> None:
        self._client = client
        self.replies: dict[str, list[Shape]] = {}
        self.errors: list[dict[str, Shape]] = []

    async def read[T](self, path: str, call: Awaitable[T]) -> T | None:
        shapes = self._client.reply_shapes.replies
        shapes.pop(path, None)
        try:
            return await call
        except XiaomiCloudError as err:
            self.errors.append({"endpoint": path, **_error(err)})
            return None
        finally:
            if (shape := shapes.get(path)) is not None:
                self.replies.setdefault(path, []).append(shape)

    def shapes(self) -> dict[str, Shape]:
        merged: dict[str, Shape] = {}
        for path, shapes in self.replies.items():
            one = merged_shapes(shapes)
            merged[path] = {"calls": len(shapes), **one} if isinstance(one, dict) else one
        return merged


def _counted(values: Sequence[int]) -> dict[str, Shape]:
    return {str(value): count for value, count in sorted(Counter(values).items())}


async def read_region(client: XiaomiCloudClient, region: Region) -> dict[str, Any]:
    """Devices, the owner's share lists (and each listed camera's sharees) and invites of a region."""
    reads = _RegionReads(client)
    devices: list[Device] = await reads.read(DEVICE_PAGE, client.get_devices(region)) or []
    cameras = {device.did: device for device in devices if device.is_camera}
    overview = await reads.read(SHARE_LIST, client.read(region, SHARE_LIST, {}))
    try:
        listings = parsing.parse_share_overview(overview) if overview is not None else {}
    except XiaomiCloudError as err:
        reads.errors.append({"endpoint": SHARE_LIST, **_error(err)})
        listings = {}
    # The cameras whose sharees are asked for: those the list names (every listed device
    # when the device list could not be read).
    listed = [did for did in listings if did in cameras or not devices]
    sharees = []
    for did in listed:
        sharees.extend(await reads.read(SHARE_USERS, client.get_device_sharees(region, did)) or [])
    invites = await reads.read(INVITES, client.get_invites(region)) or []
    cameras_owned = [camera for camera in cameras.values() if camera.is_owned]
    counts: dict[str, Shape] = {
        "devices": len(devices),
        "cameras": len(cameras),
        "cameras_owned": len(cameras_owned),
        "cameras_shared_to_me": sum(1 for c in cameras.values() if not c.is_owned and not c.shared_via_home),
        "cameras_shared_via_home": sum(1 for c in cameras.values() if c.shared_via_home),
        "permit_levels": _counted([device.permit_level for device in devices]),
        "devices_in_share_list": len(listings),
        "cameras_asked_for_sharees": len(listed),
        "sharee_statuses": _counted([int(sharee.status) for sharee in sharees]),
        "sharees_view_only": sum(1 for sharee in sharees if sharee.read_only),
        "invites": len(invites),
        "invite_statuses": _counted([int(invite.status) for invite in invites]),
    }
    return {"counts": counts, "replies": reads.shapes(), "errors": reads.errors}


def _integration_version() -> str | None:
    try:
        version = json.loads(MANIFEST.read_text(encoding="utf-8")).get("version")
    except OSError, ValueError:
        return None
    return version if isinstance(version, str) else None


async def run_probe(
    http: aiohttp.ClientSession,
    regions: Sequence[Region],
    *,
    endpoints: Endpoints = DEFAULT_ENDPOINTS,
    timeouts: Timeouts = DEFAULT_TIMEOUTS,
    show_qr: Callable[[QrLogin], None],
    say: Callable[[str], None] = print,
) -> ProbeRun:
    """Log in by QR code, read each region, and return the report (written by the caller)."""
    report: dict[str, Any] = {
        "report": REPORT_NAME,
        "format": REPORT_FORMAT,
        "records": RECORDS,
        "integration_version": _integration_version(),
        "python": platform.python_version(),
        "cloud": "xiaomi" if endpoints.override is None else "development override",
        "regions_asked": [region.value for region in regions],
    }
    auth = XiaomiAuth(http, endpoints, timeouts=timeouts)
    try:
        show_qr(await auth.start_qr_login())
        credentials = await auth.wait_for_qr_scan()
    except XiaomiCloudError as err:
        say(f"The login did not succeed ({type(err).__name__}).")
        report["login"] = auth.login_shapes.report()
        report["login_error"] = _error(err)
        return ProbeRun(report, None)
    report["login"] = auth.login_shapes.report()
    say("Logged in. Reading (nothing is changed):")
    client = XiaomiCloudClient(http, credentials, endpoints, timeouts=timeouts, read_only=True)
    report["regions"] = {}
    for region in regions:
        read = await read_region(client, region)
        report["regions"][region.value] = read
        counts, errors = read["counts"], read["errors"]
        say(
            f"  {region.value}: {counts['devices']} devices, {counts['cameras']} cameras "
            f"({counts['cameras_owned']} owned), {counts['devices_in_share_list']} shared by you, "
            f"{counts['invites']} invites" + (f", {len(errors)} reads failed" if errors else "")
        )
    report["service_login"] = client.login_shapes.report() if client.login_shapes else None
    return ProbeRun(report, client)


def show_qr_in_terminal(qr: QrLogin) -> None:
    """The QR code in the terminal when segno is installed; the links in any case."""
    print("\nScan this QR code with the Mi Home app, signed in to the account to look at:\n")
    try:
        segno: Any = importlib.import_module("segno")
        segno.make(qr.login_url, error="m").terminal(compact=True)
    except ImportError:
        print("(segno is not installed, so no QR code can be drawn here: `pip install segno` draws one)")
        if qr.image_url:
            print(f"Open this picture of the QR code in a browser and scan it:\n  {qr.image_url}")
        print(f"Or make a QR code of this link and scan it:\n  {qr.login_url}")
    except UnicodeError:
        print(f"(this terminal cannot draw it) Make a QR code of this link and scan it:\n  {qr.login_url}")
    print(f"\nThe code is valid for {qr.expires_in // 60} minutes. Waiting for the scan...")


def _regions(text: str) -> list[Region]:
    try:
        return list(dict.fromkeys(Region(code.strip().lower()) for code in text.split(",") if code.strip()))
    except ValueError as err:
        known = ", ".join(region.value for region in Region)
        raise argparse.ArgumentTypeError(f"regions are {known}") from err


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="xiaomi-camera-share-probe",
        description=(
            "Log in to a Xiaomi account by QR code, read its devices, share lists and invites, "
            "change nothing, and write a report of how the cloud answered: keys, types, lengths "
            "and protocol codes, no ids, names, tokens or addresses."
        ),
    )
    parser.add_argument(
        "--regions",
        type=_regions,
        default=list(Region),
        help="comma-separated Mi Home regions to read, e.g. cn,de (default: all of "
        + ",".join(region.value for region in Region)
        + ")",
    )
    parser.add_argument(
        "--out", type=Path, help="where to write the report (default: xiaomi-cloud-probe-<time>.json here)"
    )
    parser.add_argument(
        "--cloud-url",
        help="development only: a stand-in for every Xiaomi host (https, or plain http to this machine)",
    )
    return parser


async def _probe(regions: list[Region], endpoints: Endpoints) -> ProbeRun:
    async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) as http:
        return await run_probe(http, regions, endpoints=endpoints, show_qr=show_qr_in_terminal)


def main(argv: Sequence[str] | None = None) -> int:
    """The command line: parse, probe, write the report; 0 when the login succeeded."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.cloud_url is not None and not override_is_safe(args.cloud_url):
        parser.error("--cloud-url must be https, or plain http to a loopback address")
    if not args.regions:
        parser.error("name at least one region")
    out: Path = args.out or Path(f"xiaomi-cloud-probe-{time.strftime('%Y%m%d-%H%M%S')}.json")
    try:
        run = asyncio.run(_probe(args.regions, Endpoints(override=args.cloud_url)))
    except KeyboardInterrupt:
        print("\nStopped; no report was written.")
        return 130
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(run.report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nReport written to {out.resolve()}")
    print("It holds shapes and counts only. Look it over, then attach it to an issue.")
    return 0 if run.client is not None else 1


if __name__ == "__main__":
    sys.exit(main())
