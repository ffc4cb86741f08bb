"""Password, captcha, verification-code and QR login against the fake passport."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from aiohttp import web

from custom_components.xiaomi_camera_share.cloud.auth import XiaomiAuth, password_hash
from custom_components.xiaomi_camera_share.cloud.errors import (
    AuthError,
    CaptchaWrongError,
    CloudConnectionError,
    InvalidCredentialsError,
    LoginBlockedError,
    MalformedResponseError,
    QrLoginTimeoutError,
    VerificationCodeNotSentError,
    VerificationCodeWrongError,
    VerificationIncompleteError,
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

from .fake_xiaomi import (
    C_USER_ID,
    CAPTCHA_ANSWER,
    CAPTCHA_IMAGE,
    PASS_TOKEN,
    PASSWORD,
    PREFIX,
    TEST_TIMEOUTS,
    USER,
    USER_ID,
    VERIFY_TICKET,
    FakeXiaomi,
    html_page,
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


# --- a wrong password that brings a captcha (70016 with captchaUrl) ---------------------


async def test_wrong_password_without_a_captcha(auth: XiaomiAuth) -> None:
    with pytest.raises(InvalidCredentialsError) as err:
        await auth.login_with_password(USER, "not-the-password")
    # captchaUrl: null is no captcha.
    assert err.value.challenge is None


async def test_wrong_password_that_brings_a_captcha(auth: XiaomiAuth, fake: FakeXiaomi) -> None:
    fake.wrong_password_captcha = True
    with pytest.raises(InvalidCredentialsError) as err:
        await auth.login_with_password(USER, "not-the-password")
    assert err.value.code == 70016
    assert err.value.challenge == CaptchaChallenge(image=CAPTCHA_IMAGE, content_type="image/png")
    # The next try: the right password with the captcha that came along.
    assert await auth.retry_password(PASSWORD, CAPTCHA_ANSWER) == EXPECTED
    assert fake.passport_cookies[-1]["ick"] == "made-up-ick"


async def test_right_captcha_but_wrong_password_is_a_wrong_password(
    auth: XiaomiAuth, fake: FakeXiaomi
) -> None:
    fake.require_captcha, fake.wrong_password_captcha = True, True
    assert isinstance(await auth.login_with_password(USER, "not-the-password"), CaptchaChallenge)
    # The captcha was right; the password was not: not CaptchaWrongError.
    with pytest.raises(InvalidCredentialsError) as err:
        await auth.submit_captcha(CAPTCHA_ANSWER)
    assert not isinstance(err.value, CaptchaWrongError)
    assert isinstance(err.value.challenge, CaptchaChallenge)
    assert await auth.retry_password(PASSWORD, CAPTCHA_ANSWER) == EXPECTED


async def test_wrong_account_then_the_right_one_with_the_captcha(auth: XiaomiAuth, fake: FakeXiaomi) -> None:
    fake.wrong_password_captcha = True
    with pytest.raises(InvalidCredentialsError):
        await auth.login_with_password("someone-else@example.invalid", PASSWORD)
    assert await auth.retry_password(PASSWORD, CAPTCHA_ANSWER, username=f" {USER} ") == EXPECTED


async def test_retry_password_without_a_login(auth: XiaomiAuth) -> None:
    with pytest.raises(AuthError):
        await auth.retry_password(PASSWORD)


# --- how step 2 asks for verification --------------------------------------------------


@pytest.mark.parametrize("body", ["notification", "security_status", "security_status_with_login"])
async def test_verification_is_marked(auth: XiaomiAuth, fake: FakeXiaomi, body: str) -> None:
    fake.require_verification, fake.verification_body = True, body
    step = await auth.login_with_password(USER, PASSWORD)
    assert step == VerificationChallenge(methods=(VerificationMethod.PHONE, VerificationMethod.EMAIL))
    # A relative /identity/authStart link leads to the same identity list.
    assert fake.passport_requests[-1].path == "/account.xiaomi.com/identity/list"


async def test_verification_without_a_link_is_malformed(auth: XiaomiAuth, fake: FakeXiaomi) -> None:
    fake.require_verification, fake.verification_body = True, "security_status_without_link"
    with pytest.raises(MalformedResponseError):
        await auth.login_with_password(USER, PASSWORD)


# --- sending the code: captcha, limits, refusals -----------------------------------------


async def _verification(auth: XiaomiAuth, fake: FakeXiaomi) -> None:
    fake.require_verification = True
    assert isinstance(await auth.login_with_password(USER, PASSWORD), VerificationChallenge)


async def test_captcha_before_the_code_is_sent(auth: XiaomiAuth, fake: FakeXiaomi) -> None:
    await _verification(auth, fake)
    fake.send_ticket_captcha = True
    step = await auth.send_verification_code(VerificationMethod.PHONE)
    assert step == CaptchaChallenge(image=CAPTCHA_IMAGE, content_type="image/png")
    with pytest.raises(CaptchaWrongError) as err:
        await auth.submit_verification_captcha("wrong")
    assert isinstance(err.value.challenge, CaptchaChallenge)
    sent = await auth.submit_verification_captcha(CAPTCHA_ANSWER)
    assert sent == VerificationCodeSent(method=VerificationMethod.PHONE, masked_target="138******00")
    # The answer went with the ick cookie of its picture, to the identity service.
    host, path, cookies = fake.seen[-1]
    assert (host, path) == ("account.xiaomi.com", "/identity/auth/sendPhoneTicket")
    assert cookies["ick"] == "made-up-ick"
    assert cookies["identity_session"] == "made-up-identity"
    assert await auth.submit_verification_code(VERIFY_TICKET) == EXPECTED


async def test_verification_captcha_without_a_challenge(auth: XiaomiAuth, fake: FakeXiaomi) -> None:
    await _verification(auth, fake)
    with pytest.raises(AuthError):
        await auth.submit_verification_captcha(CAPTCHA_ANSWER)


async def test_too_many_codes(auth: XiaomiAuth, fake: FakeXiaomi) -> None:
    await _verification(auth, fake)
    fake.send_ticket_code = 70022
    with pytest.raises(VerificationLimitError):
        await auth.send_verification_code(VerificationMethod.EMAIL)


async def test_code_not_sent_for_another_reason(auth: XiaomiAuth, fake: FakeXiaomi) -> None:
    await _verification(auth, fake)
    fake.send_ticket_code = 10031
    with pytest.raises(VerificationCodeNotSentError) as err:
        await auth.send_verification_code(VerificationMethod.EMAIL)
    assert err.value.code == 10031


async def test_identity_refuses_a_way_and_names_the_others(auth: XiaomiAuth, fake: FakeXiaomi) -> None:
    await _verification(auth, fake)
    fake.identity_accepts = [4]
    with pytest.raises(VerificationMethodRefusedError) as err:
        await auth.send_verification_code(VerificationMethod.EMAIL)
    assert err.value.methods == (VerificationMethod.PHONE,)
    # Only the ways it named are offered now.
    with pytest.raises(AuthError):
        await auth.send_verification_code(VerificationMethod.EMAIL)
    await auth.send_verification_code(VerificationMethod.PHONE)
    assert await auth.submit_verification_code(VERIFY_TICKET) == EXPECTED


async def test_identity_refuses_when_the_code_is_checked(auth: XiaomiAuth, fake: FakeXiaomi) -> None:
    await _verification(auth, fake)
    await auth.send_verification_code(VerificationMethod.EMAIL)
    fake.identity_accepts = [4]
    with pytest.raises(VerificationMethodRefusedError) as err:
        await auth.submit_verification_code(VERIFY_TICKET)
    assert err.value.methods == (VerificationMethod.PHONE,)
    with pytest.raises(AuthError):
        await auth.submit_verification_code(VERIFY_TICKET)  # no code was sent the accepted way


# --- the way back from an accepted code to a login -------------------------------------


@pytest.mark.parametrize("finish", ["chain", "tips", "skip", "fallback"])
async def test_verification_finishes(auth: XiaomiAuth, fake: FakeXiaomi, finish: str) -> None:
    await _verification(auth, fake)
    fake.finish = finish
    await auth.send_verification_code(VerificationMethod.PHONE)
    assert await auth.submit_verification_code(VERIFY_TICKET) == EXPECTED
    paths = [path for host, path, _cookies in fake.seen if host == "account.xiaomi.com"]
    assert "/identity/result/check" in paths
    assert ("/fe/service/identity/confirm" in paths) is (finish == "skip")
    # A page on the way is asked for once more (the Tips page goes on then; the other does not).
    assert paths.count("/pass/serviceLoginAuth2/end") == (2 if finish in ("tips", "fallback") else 1)
    # Only the fallback needs serviceLogin after the code.
    after_code = paths[paths.index("/identity/result/check") :]
    assert ("/pass/serviceLogin" in after_code) is (finish == "fallback")


async def test_verification_chain_that_ends_without_a_login(auth: XiaomiAuth, fake: FakeXiaomi) -> None:
    await _verification(auth, fake)
    fake.finish = "broken"
    await auth.send_verification_code(VerificationMethod.PHONE)
    with pytest.raises(VerificationIncompleteError):
        await auth.submit_verification_code(VERIFY_TICKET)


async def test_login_cookies_stay_with_their_host_family(auth: XiaomiAuth, fake: FakeXiaomi) -> None:
    await _verification(auth, fake)
    fake.finish = "chain"
    await auth.send_verification_code(VerificationMethod.PHONE)
    await auth.submit_verification_code(VERIFY_TICKET)
    sts = [cookies for host, _path, cookies in fake.seen if host == "sts.api.io.mi.com"]
    assert sts, "the chain ended at the sts callback"
    for cookies in sts:
        assert not {"passToken", "deviceId", "sdkVersion", "identity_session", "ick"} & set(cookies)
    passport = [cookies for host, _path, cookies in fake.seen if host == "account.xiaomi.com"]
    assert all(cookies["deviceId"] == "madeupdevice0001" for cookies in passport)


# --- QR: the poll host and answers that are neither success nor expiry ----------------------


async def test_qr_poll_on_the_host_the_cloud_gave(auth: XiaomiAuth, fake: FakeXiaomi) -> None:
    fake.qr_on_lp_host = True
    fake.qr_replies = [
        web.Response(status=502, text="bad gateway"),
        html_page("Xiaomi Account"),
        web.Response(status=403, text="forbidden"),
        {"code": 700, "desc": "waiting"},
        {"code": "x"},
        web.Response(text=PREFIX + "[]"),
        {"code": 0, "userId": int(USER_ID), "passToken": PASS_TOKEN, "cUserId": C_USER_ID},
    ]
    await auth.start_qr_login()
    assert await auth.wait_for_qr_scan() == EXPECTED
    polls = [(host, path) for host, path, _cookies in fake.seen if path == "/lp/s"]
    assert polls == [("c3.lp.account.xiaomi.com", "/lp/s")] * 7


async def test_qr_poll_host_never_answers(auth: XiaomiAuth, fake: FakeXiaomi) -> None:
    fake.qr_timeout = 1
    fake.qr_replies = [web.Response(status=503, text="unavailable")] * 200
    await auth.start_qr_login()
    with pytest.raises(CloudConnectionError):
        await auth.wait_for_qr_scan()
