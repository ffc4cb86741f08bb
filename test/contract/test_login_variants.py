"""The client against the simulator's passport variants: answers the real passport gives.

Each variant is a setting of the simulator (docs/simulator.md, "Passport variants");
the last test switches them all on at once.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import pytest

from custom_components.xiaomi_camera_share.cloud.auth import XiaomiAuth
from custom_components.xiaomi_camera_share.cloud.client import XiaomiCloudClient
from custom_components.xiaomi_camera_share.cloud.errors import (
    AuthExpiredError,
    InvalidCredentialsError,
    VerificationLimitError,
    VerificationMethodRefusedError,
)
from custom_components.xiaomi_camera_share.cloud.models import (
    CaptchaChallenge,
    Credentials,
    VerificationChallenge,
    VerificationCodeSent,
    VerificationMethod,
)
from custom_components.xiaomi_camera_share.cloud.regions import Region
from custom_components.xiaomi_camera_share.cloud.transport import Timeouts

from .seed import FAMILY, OWNER, VERIFY, SeedAccount
from .test_real_shapes import SimulatedAnswers, differences, real_answers

if TYPE_CHECKING:
    import aiohttp

    from custom_components.xiaomi_camera_share.cloud.regions import Endpoints

    from .conftest import Control

MakeClient = Callable[..., XiaomiCloudClient]
Login = Callable[[SeedAccount], Awaitable[Credentials]]
# QR polls in these tests answer within a fraction of a second; poll again soon.
FAST = Timeouts(request=10.0, long_poll=10.0, poll_pause=0.1)

# Everything the real passport was seen to do, at once.
REAL_PASSPORT: dict[str, Any] = {
    "wrongPasswordCaptcha": True,
    "sendTicketCaptcha": True,
    "verificationMarker": "securityStatus",
    "verificationFinish": "tips",
    "identityNarrowsOptions": True,
    "codeSendLimit": 5,
    "qrPoll": "lp",
    "passTokenRotation": "cookie",
    "cookieScopes": True,
}


@pytest.fixture
def auth(http: aiohttp.ClientSession, endpoints: Endpoints) -> XiaomiAuth:
    return XiaomiAuth(http, endpoints, timeouts=FAST)


async def latest_code(control: Control, kind: str, user_id: str | None = None) -> str:
    return str((await control.outbox(kind, user_id))[-1]["code"])


async def assert_works(credentials: Credentials, make_client: MakeClient, user_id: str) -> None:
    assert credentials.user_id == user_id
    await make_client(credentials).get_devices(Region.CN)


async def verify_by(
    auth: XiaomiAuth, control: Control, method: VerificationMethod = VerificationMethod.PHONE
) -> Credentials:
    """The verify account's password, then a code by ``method`` (answering a captcha if asked)."""
    step = await auth.login_with_password(VERIFY.login, VERIFY.password)
    assert isinstance(step, VerificationChallenge)
    sent = await auth.send_verification_code(method)
    if isinstance(sent, CaptchaChallenge):
        sent = await auth.submit_verification_captcha(await latest_code(control, "captcha"))
    assert isinstance(sent, VerificationCodeSent)
    return await auth.submit_verification_code(await latest_code(control, "verification", VERIFY.user_id))


async def test_wrong_password_brings_a_captcha(
    auth: XiaomiAuth, control: Control, make_client: MakeClient
) -> None:
    await control.config(wrongPasswordCaptcha=True)
    with pytest.raises(InvalidCredentialsError) as err:
        await auth.login_with_password(OWNER.login, "not-the-password")
    assert isinstance(err.value.challenge, CaptchaChallenge)
    assert err.value.challenge.image.startswith(b"\x89PNG")
    credentials = await auth.retry_password(OWNER.password, await latest_code(control, "captcha"))
    assert isinstance(credentials, Credentials)
    await assert_works(credentials, make_client, OWNER.user_id)


async def test_captcha_before_the_code_is_sent(
    auth: XiaomiAuth, control: Control, make_client: MakeClient
) -> None:
    await control.config(sendTicketCaptcha=True)
    step = await auth.login_with_password(VERIFY.login, VERIFY.password)
    assert isinstance(step, VerificationChallenge)
    challenge = await auth.send_verification_code(VerificationMethod.EMAIL)
    assert isinstance(challenge, CaptchaChallenge)
    assert not await control.outbox("verification", VERIFY.user_id)
    sent = await auth.submit_verification_captcha(await latest_code(control, "captcha"))
    assert isinstance(sent, VerificationCodeSent)
    credentials = await auth.submit_verification_code(
        await latest_code(control, "verification", VERIFY.user_id)
    )
    await assert_works(credentials, make_client, VERIFY.user_id)


async def test_code_limit(auth: XiaomiAuth, control: Control) -> None:
    await control.config(codeSendLimit=1)
    await auth.login_with_password(VERIFY.login, VERIFY.password)
    await auth.send_verification_code(VerificationMethod.PHONE)
    with pytest.raises(VerificationLimitError):
        await auth.send_verification_code(VerificationMethod.PHONE)


async def test_identity_narrows_the_options(
    auth: XiaomiAuth, control: Control, make_client: MakeClient
) -> None:
    await control.config(identityNarrowsOptions=True)
    step = await auth.login_with_password(VERIFY.login, VERIFY.password)
    assert isinstance(step, VerificationChallenge)
    assert set(step.methods) == {VerificationMethod.PHONE, VerificationMethod.EMAIL}
    with pytest.raises(VerificationMethodRefusedError) as err:
        await auth.send_verification_code(VerificationMethod.EMAIL)
    assert err.value.methods == (VerificationMethod.PHONE,)
    await auth.send_verification_code(VerificationMethod.PHONE)
    credentials = await auth.submit_verification_code(
        await latest_code(control, "verification", VERIFY.user_id)
    )
    await assert_works(credentials, make_client, VERIFY.user_id)


async def test_the_real_verification_body_has_the_real_keys(
    http: aiohttp.ClientSession,
    simulator_url: str,
    control: Control,
    client_of: Callable[[SeedAccount], Awaitable[XiaomiCloudClient]],
) -> None:
    """verificationMarker "securityStatus" closes the gap test_real_shapes lists for the plain body."""
    await control.config(verificationMarker="securityStatus")
    simulated = await SimulatedAnswers(http, simulator_url, client_of).answers("login-verification")
    assert differences(real_answers("login-verification"), simulated) == set()


@pytest.mark.parametrize(
    "settings",
    [
        {"verificationMarker": "securityStatus"},
        {"verificationFinish": "chain"},
        {"verificationFinish": "tips"},
        {"verificationFinish": "skip"},
        {"verificationFinish": "chain", "cookieScopes": True},
    ],
    ids=["securityStatus", "chain", "tips", "skip", "chain-scoped-cookies"],
)
async def test_verification_variants(
    auth: XiaomiAuth, control: Control, make_client: MakeClient, settings: dict[str, Any]
) -> None:
    await control.config(**settings)
    await assert_works(await verify_by(auth, control), make_client, VERIFY.user_id)


@pytest.mark.parametrize("cookie_scopes", [False, True])
async def test_qr_poll_on_an_lp_host(
    auth: XiaomiAuth, control: Control, make_client: MakeClient, cookie_scopes: bool
) -> None:
    await control.config(qrPoll="lp", qrHoldSeconds=0.1, cookieScopes=cookie_scopes)
    qr = await auth.start_qr_login()
    waiting = asyncio.create_task(auth.wait_for_qr_scan())
    await asyncio.sleep(1.0)  # several answers that are neither success nor expiry (504, code 700)
    assert not waiting.done()
    await control.call("POST", "/qr/scan", {"userId": FAMILY.user_id})
    credentials = await asyncio.wait_for(waiting, 10)
    assert qr.login_url.startswith("https://account.xiaomi.com/")
    await assert_works(credentials, make_client, FAMILY.user_id)


async def test_qr_on_an_lp_host_expires(auth: XiaomiAuth, control: Control) -> None:
    await control.config(qrPoll="lp", qrHoldSeconds=0.1)
    await auth.start_qr_login()
    await control.advance_clock(301)
    with pytest.raises(Exception, match="expired"):
        await asyncio.wait_for(auth.wait_for_qr_scan(), 10)


@pytest.mark.parametrize("rotation", ["body", "cookie"])
async def test_pass_token_rotation(
    login: Login, make_client: MakeClient, control: Control, rotation: str
) -> None:
    old = await login(OWNER)
    await control.config(passTokenRotation=rotation)
    changes: list[Credentials] = []
    client = make_client(old, on_credentials_changed=changes.append)
    await client.get_devices(Region.CN)
    assert changes == [client.credentials]
    assert client.credentials.pass_token != old.pass_token
    # The old passToken is retired; the reported one is the one that works.
    with pytest.raises(AuthExpiredError):
        await make_client(old).get_devices(Region.CN)
    await control.call("POST", "/tokens/expire")
    await client.get_devices(Region.CN)
    assert len(changes) == 2  # it rotated again on the second mint
    await make_client(changes[-1]).get_devices(Region.CN)


async def test_scoped_cookies_on_every_path(
    auth: XiaomiAuth, login: Login, control: Control, make_client: MakeClient
) -> None:
    """With cookieScopes on, a cookie sent to the wrong host family is refused: none is."""
    await control.config(cookieScopes=True)
    client = make_client(await login(OWNER))
    await client.get_devices(Region.CN)
    await control.call("POST", "/tokens/expire")
    await client.get_devices(Region.CN)
    await control.call("POST", "/captcha/next", {"userId": FAMILY.user_id})
    step = await auth.login_with_password(FAMILY.login, FAMILY.password)
    assert isinstance(step, CaptchaChallenge)
    credentials = await auth.submit_captcha(await latest_code(control, "captcha"))
    assert isinstance(credentials, Credentials)
    await assert_works(credentials, make_client, FAMILY.user_id)


async def test_the_real_passport_at_once(
    http: aiohttp.ClientSession, endpoints: Endpoints, control: Control, make_client: MakeClient
) -> None:
    await control.config(**REAL_PASSPORT, qrHoldSeconds=0.1)
    new_auth = lambda: XiaomiAuth(http, endpoints, timeouts=FAST)  # noqa: E731

    # A wrong password with a captcha, then the right one.
    auth = new_auth()
    with pytest.raises(InvalidCredentialsError) as err:
        await auth.login_with_password(OWNER.login, "not-the-password")
    assert isinstance(err.value.challenge, CaptchaChallenge)
    owner = await auth.retry_password(OWNER.password, await latest_code(control, "captcha"))
    assert isinstance(owner, Credentials)
    owner_client = make_client(owner)
    await owner_client.get_devices(Region.CN)
    assert owner_client.credentials.pass_token != owner.pass_token  # rotated on the first mint

    # Verification: email refused, phone behind a captcha, the finish through a Tips page.
    auth = new_auth()
    await auth.login_with_password(VERIFY.login, VERIFY.password)
    with pytest.raises(VerificationMethodRefusedError):
        await auth.send_verification_code(VerificationMethod.EMAIL)
    await assert_works(await verify_by(new_auth(), control), make_client, VERIFY.user_id)

    # QR on the lp host.
    auth = new_auth()
    await auth.start_qr_login()
    waiting = asyncio.create_task(auth.wait_for_qr_scan())
    await asyncio.sleep(0.5)
    await control.call("POST", "/qr/scan", {"userId": FAMILY.user_id})
    await assert_works(await asyncio.wait_for(waiting, 10), make_client, FAMILY.user_id)
