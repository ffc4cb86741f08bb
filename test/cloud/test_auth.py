"""Password, captcha, verification-code and QR login against the fake passport."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from custom_components.xiaomi_camera_share.cloud.auth import XiaomiAuth, password_hash
from custom_components.xiaomi_camera_share.cloud.errors import (
    AuthError,
    CaptchaWrongError,
    CloudConnectionError,
    InvalidCredentialsError,
    LoginBlockedError,
    MalformedResponseError,
    QrLoginTimeoutError,
    VerificationCodeWrongError,
)
from custom_components.xiaomi_camera_share.cloud.models import (
    CaptchaChallenge,
    Credentials,
    VerificationChallenge,
    VerificationMethod,
)

from .fake_xiaomi import (
    C_USER_ID,
    CAPTCHA_ANSWER,
    CAPTCHA_IMAGE,
    PASS_TOKEN,
    PASSWORD,
    TEST_TIMEOUTS,
    USER,
    USER_ID,
    VERIFY_TICKET,
    FakeXiaomi,
)

if TYPE_CHECKING:
    import aiohttp

    from custom_components.xiaomi_camera_share.cloud.regions import Endpoints

EXPECTED = Credentials(
    user_id=USER_ID, pass_token=PASS_TOKEN, device_id="madeupdevice0001", c_user_id=C_USER_ID
)


@pytest.fixture
def auth(http: aiohttp.ClientSession, endpoints: Endpoints) -> XiaomiAuth:
    return XiaomiAuth(http, endpoints, device_id="madeupdevice0001", timeouts=TEST_TIMEOUTS)


def test_password_hash_is_upper_case_md5() -> None:
    assert password_hash("password") == "5F4DCC3B5AA765D61D8327DEB882CF99"


async def test_password_login(auth: XiaomiAuth, fake: FakeXiaomi, http: aiohttp.ClientSession) -> None:
    assert await auth.login_with_password(USER, PASSWORD) == EXPECTED
    # Cookies travel as explicit headers, never through the shared session's jar.
    assert len(http.cookie_jar) == 0
    assert fake.passport_cookies[0]["deviceId"] == "madeupdevice0001"


async def test_a_random_device_id_when_none_is_given(
    http: aiohttp.ClientSession, endpoints: Endpoints
) -> None:
    first, second = XiaomiAuth(http, endpoints), XiaomiAuth(http, endpoints)
    assert first.device_id != second.device_id
    credentials = await first.login_with_password(USER, PASSWORD)
    assert isinstance(credentials, Credentials)
    assert credentials.device_id == first.device_id


async def test_wrong_password(auth: XiaomiAuth) -> None:
    with pytest.raises(InvalidCredentialsError) as err:
        await auth.login_with_password(USER, "not-the-password")
    assert err.value.code == 70016


@pytest.mark.parametrize(("code", "status"), [(70022, None), (None, 403), (None, 429)])
async def test_blocked_login(
    auth: XiaomiAuth, fake: FakeXiaomi, code: int | None, status: int | None
) -> None:
    fake.blocked_code, fake.blocked_status = code, status
    with pytest.raises(LoginBlockedError):
        await auth.login_with_password(USER, PASSWORD)


async def test_passport_server_error(auth: XiaomiAuth, fake: FakeXiaomi) -> None:
    fake.blocked_status = 503
    with pytest.raises(CloudConnectionError):
        await auth.login_with_password(USER, PASSWORD)


async def test_captcha_right_answer(auth: XiaomiAuth, fake: FakeXiaomi) -> None:
    fake.require_captcha = True
    step = await auth.login_with_password(USER, PASSWORD)
    assert step == CaptchaChallenge(image=CAPTCHA_IMAGE, content_type="image/png")
    assert await auth.submit_captcha(CAPTCHA_ANSWER) == EXPECTED
    # The ick cookie of the image went back with the answer.
    assert fake.passport_cookies[-1]["ick"] == "made-up-ick"


async def test_captcha_wrong_answer_brings_a_fresh_challenge(auth: XiaomiAuth, fake: FakeXiaomi) -> None:
    fake.require_captcha = True
    await auth.login_with_password(USER, PASSWORD)
    with pytest.raises(CaptchaWrongError) as err:
        await auth.submit_captcha("wrong")
    assert err.value.challenge == CaptchaChallenge(image=CAPTCHA_IMAGE, content_type="image/png")
    assert await auth.submit_captcha(CAPTCHA_ANSWER) == EXPECTED


async def test_captcha_without_a_login_in_progress(auth: XiaomiAuth) -> None:
    with pytest.raises(AuthError):
        await auth.submit_captcha(CAPTCHA_ANSWER)


@pytest.mark.parametrize(
    ("method", "masked"),
    [(VerificationMethod.PHONE, "138******00"), (VerificationMethod.EMAIL, "a***@example.invalid")],
)
async def test_verification_code(
    auth: XiaomiAuth,
    fake: FakeXiaomi,
    http: aiohttp.ClientSession,
    method: VerificationMethod,
    masked: str,
) -> None:
    fake.require_verification = True
    step = await auth.login_with_password(USER, PASSWORD)
    assert step == VerificationChallenge(methods=(VerificationMethod.PHONE, VerificationMethod.EMAIL))
    sent = await auth.send_verification_code(method)
    assert (sent.method, sent.masked_target) == (method, masked)
    assert await auth.submit_verification_code(VERIFY_TICKET) == EXPECTED
    # The passToken cookie was read, and did not stay in the shared session's jar.
    assert len(http.cookie_jar) == 0


async def test_verification_offers_only_what_the_account_has(auth: XiaomiAuth, fake: FakeXiaomi) -> None:
    fake.require_verification, fake.verification_options = True, [8]
    step = await auth.login_with_password(USER, PASSWORD)
    assert step == VerificationChallenge(methods=(VerificationMethod.EMAIL,))
    with pytest.raises(AuthError):
        await auth.send_verification_code(VerificationMethod.PHONE)


async def test_wrong_verification_code(auth: XiaomiAuth, fake: FakeXiaomi) -> None:
    fake.require_verification = True
    await auth.login_with_password(USER, PASSWORD)
    await auth.send_verification_code(VerificationMethod.PHONE)
    with pytest.raises(VerificationCodeWrongError):
        await auth.submit_verification_code("000000")
    assert await auth.submit_verification_code(VERIFY_TICKET) == EXPECTED


async def test_code_submitted_before_one_was_sent(auth: XiaomiAuth, fake: FakeXiaomi) -> None:
    fake.require_verification = True
    await auth.login_with_password(USER, PASSWORD)
    with pytest.raises(AuthError):
        await auth.submit_verification_code(VERIFY_TICKET)


async def test_qr_login(auth: XiaomiAuth, fake: FakeXiaomi) -> None:
    fake.qr_replies = [
        {"code": 1, "desc": "not scanned yet"},
        {"code": 0, "userId": int(USER_ID), "passToken": PASS_TOKEN, "cUserId": C_USER_ID, "ssecurity": "x"},
    ]
    qr = await auth.start_qr_login()
    assert qr.login_url.startswith("https://account.xiaomi.com/longPolling/login")
    assert qr.expires_in == 300
    assert await auth.wait_for_qr_scan() == EXPECTED
    assert not fake.qr_replies


async def test_qr_code_expires(auth: XiaomiAuth, fake: FakeXiaomi) -> None:
    fake.qr_replies = [{"code": 1}, {"code": 2, "desc": "expired"}]
    await auth.start_qr_login()
    with pytest.raises(QrLoginTimeoutError):
        await auth.wait_for_qr_scan()


async def test_qr_code_expires_by_time_while_polls_time_out(auth: XiaomiAuth, fake: FakeXiaomi) -> None:
    fake.qr_timeout, fake.qr_poll_delay = 2, 5.0
    await auth.start_qr_login()
    with pytest.raises(QrLoginTimeoutError):
        await auth.wait_for_qr_scan()


async def test_qr_wait_without_a_started_login(auth: XiaomiAuth) -> None:
    with pytest.raises(AuthError):
        await auth.wait_for_qr_scan()


async def test_qr_scan_without_credentials_is_malformed(auth: XiaomiAuth, fake: FakeXiaomi) -> None:
    fake.qr_replies = [{"code": 0}]
    await auth.start_qr_login()
    with pytest.raises(MalformedResponseError):
        await auth.wait_for_qr_scan()


async def test_passport_answer_that_is_not_json(auth: XiaomiAuth, fake: FakeXiaomi) -> None:
    fake.passport_raw_body = "&&&START&&&<html>oops</html>"
    with pytest.raises(MalformedResponseError):
        await auth.login_with_password(USER, PASSWORD)
