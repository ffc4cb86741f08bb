"""Logins and token handling of the client, through real HTTP to the simulator."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

import pytest

from custom_components.xiaomi_camera_share.cloud.auth import XiaomiAuth
from custom_components.xiaomi_camera_share.cloud.client import XiaomiCloudClient
from custom_components.xiaomi_camera_share.cloud.errors import (
    AuthExpiredError,
    CaptchaWrongError,
    InvalidCredentialsError,
    LoginBlockedError,
    QrLoginTimeoutError,
    VerificationCodeWrongError,
)
from custom_components.xiaomi_camera_share.cloud.models import (
    CaptchaChallenge,
    Credentials,
    VerificationChallenge,
    VerificationMethod,
)
from custom_components.xiaomi_camera_share.cloud.regions import Region

from .seed import CAPTCHA, FAMILY, GRANDMA, LIVING_ROOM, OWNER, VERIFY, SeedAccount

if TYPE_CHECKING:
    from .conftest import Control

MakeAuth = Callable[[], XiaomiAuth]
MakeClient = Callable[..., XiaomiCloudClient]
Login = Callable[[SeedAccount], Awaitable[Credentials]]
DAY = 24 * 3600


async def assert_works(credentials: Credentials, make_client: MakeClient, user_id: str) -> None:
    """The credentials mint a serviceToken and sign app API calls."""
    assert credentials.user_id == user_id
    assert credentials.pass_token
    await make_client(credentials).get_devices(Region.CN)


async def latest_captcha_code(control: Control) -> str:
    entries = await control.outbox("captcha")
    return str(entries[-1]["code"])


async def test_password_login(login: Login, make_client: MakeClient) -> None:
    await assert_works(await login(OWNER), make_client, OWNER.user_id)


async def test_login_by_phone_number(login: Login, make_client: MakeClient) -> None:
    await assert_works(await login(GRANDMA), make_client, GRANDMA.user_id)


async def test_wrong_password(make_auth: MakeAuth, control: Control) -> None:
    with pytest.raises(InvalidCredentialsError):
        await make_auth().login_with_password(OWNER.login, "not-the-password")


async def test_blocked_after_repeated_wrong_passwords(make_auth: MakeAuth, control: Control) -> None:
    for _ in range(5):
        with pytest.raises(InvalidCredentialsError):
            await make_auth().login_with_password(FAMILY.login, "not-the-password")
    with pytest.raises(LoginBlockedError):
        await make_auth().login_with_password(FAMILY.login, FAMILY.password)


async def test_captcha_right_answer(make_auth: MakeAuth, control: Control, make_client: MakeClient) -> None:
    auth = make_auth()
    step = await auth.login_with_password(CAPTCHA.login, CAPTCHA.password)
    assert isinstance(step, CaptchaChallenge)
    assert step.content_type == "image/png"
    assert step.image.startswith(b"\x89PNG")
    credentials = await auth.submit_captcha(await latest_captcha_code(control))
    assert isinstance(credentials, Credentials)
    await assert_works(credentials, make_client, CAPTCHA.user_id)


async def test_captcha_wrong_answer(make_auth: MakeAuth, control: Control) -> None:
    auth = make_auth()
    await auth.login_with_password(CAPTCHA.login, CAPTCHA.password)
    with pytest.raises(CaptchaWrongError) as err:
        await auth.submit_captcha("00000")
    assert isinstance(err.value.challenge, CaptchaChallenge)
    # The fresh image of the error is the one to answer now.
    credentials = await auth.submit_captcha(await latest_captcha_code(control))
    assert isinstance(credentials, Credentials)
    assert credentials.user_id == CAPTCHA.user_id


async def test_captcha_demanded_by_the_control_surface(make_auth: MakeAuth, control: Control) -> None:
    await control.call("POST", "/captcha/next", {"userId": OWNER.user_id})
    step = await make_auth().login_with_password(OWNER.login, OWNER.password)
    assert isinstance(step, CaptchaChallenge)


@pytest.mark.parametrize("method", [VerificationMethod.PHONE, VerificationMethod.EMAIL])
async def test_verification_code(
    make_auth: MakeAuth, control: Control, make_client: MakeClient, method: VerificationMethod
) -> None:
    auth = make_auth()
    step = await auth.login_with_password(VERIFY.login, VERIFY.password)
    assert isinstance(step, VerificationChallenge)
    assert method in step.methods
    sent = await auth.send_verification_code(method)
    assert sent.method is method
    assert "*" in sent.masked_target
    (message,) = await control.outbox("verification", VERIFY.user_id)
    assert message["method"] == method.value
    with pytest.raises(VerificationCodeWrongError):
        await auth.submit_verification_code("000000" if message["code"] != "000000" else "111111")
    credentials = await auth.submit_verification_code(str(message["code"]))
    await assert_works(credentials, make_client, VERIFY.user_id)


async def test_qr_login(make_auth: MakeAuth, control: Control, make_client: MakeClient) -> None:
    await control.config(qrHoldSeconds=1)
    auth = make_auth()
    qr = await auth.start_qr_login()
    assert qr.login_url.startswith("https://account.xiaomi.com/")
    assert qr.expires_in == 300
    waiting = asyncio.create_task(auth.wait_for_qr_scan())
    await asyncio.sleep(1.5)  # at least one "not scanned yet" answer
    assert not waiting.done()
    await control.call("POST", "/qr/scan", {"userId": FAMILY.user_id})
    credentials = await asyncio.wait_for(waiting, 10)
    await assert_works(credentials, make_client, FAMILY.user_id)


async def test_qr_code_expires(make_auth: MakeAuth, control: Control) -> None:
    await control.config(qrHoldSeconds=1)
    auth = make_auth()
    await auth.start_qr_login()
    await control.advance_clock(301)
    with pytest.raises(QrLoginTimeoutError):
        await asyncio.wait_for(auth.wait_for_qr_scan(), 10)


async def test_pass_token_refresh_keeps_working(
    login: Login, make_client: MakeClient, control: Control
) -> None:
    credentials = await login(OWNER)
    changes: list[Credentials] = []
    client = make_client(credentials, on_credentials_changed=changes.append)
    for _ in range(3):
        # Past the serviceToken's lifetime, within the passToken's idle time.
        await control.advance_clock(20 * DAY)
        await client.get_devices(Region.CN)
    # The first call minted lazily; the other two met an expired serviceToken and retried.
    assert client.request_count == 5
    # A fresh client restored from the stored credentials alone works as well.
    restored = make_client(client.credentials)
    await restored.get_devices(Region.CN)
    assert all(change.user_id == OWNER.user_id for change in changes)


async def test_expired_service_token_is_reminted(
    login: Login, make_client: MakeClient, control: Control
) -> None:
    client = make_client(await login(OWNER))
    await client.get_devices(Region.CN)
    await control.call("POST", "/tokens/expire")
    devices = await client.get_devices(Region.CN)
    assert LIVING_ROOM in {device.did for device in devices}
    assert client.request_count == 3  # the refused call, and its retry


async def test_revoked_pass_token(login: Login, make_client: MakeClient, control: Control) -> None:
    client = make_client(await login(OWNER))
    await client.get_devices(Region.CN)
    await control.call("POST", "/passtoken/revoke", {"userId": OWNER.user_id})
    await control.call("POST", "/tokens/expire")
    with pytest.raises(AuthExpiredError):
        await client.get_devices(Region.CN)
    with pytest.raises(AuthExpiredError):
        await make_client(client.credentials).get_devices(Region.CN)


async def test_idle_pass_token_dies(login: Login, make_client: MakeClient, control: Control) -> None:
    credentials = await login(OWNER)
    await control.advance_clock(31 * DAY)
    with pytest.raises(AuthExpiredError):
        await make_client(credentials).get_devices(Region.CN)
