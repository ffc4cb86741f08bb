"""The steps of a login by shape: paths, statuses, codes, key names and types, never a value."""

from __future__ import annotations

import json
from http.cookies import SimpleCookie
from typing import Any

from multidict import CIMultiDict, CIMultiDictProxy

from custom_components.xiaomi_camera_share.cloud.errors import CloudConnectionError, CloudTimeoutError
from custom_components.xiaomi_camera_share.cloud.shapes import (
    MAX_LOGIN_STEPS,
    LoginShapes,
    shape_of,
    url_shape,
)
from custom_components.xiaomi_camera_share.cloud.transport import HttpReply

USER_ID = "1100000001"
PASS_TOKEN = "V1:secret-pass-token"
SSECURITY = "c2VjdXJpdHk="
NONCE = 1234567890123
STS = f"https://sts.api.io.mi.com/sts?d=dev1&ticket=0&pwd=1&nonce={NONCE}&_ssign=abc%3D&auth=Zm9v"
SECRETS = [USER_ID, PASS_TOKEN, SSECURITY, str(NONCE), "dev1", "abc", "Zm9v", "10000000077", "ser***@x.com"]


def reply(
    status: int,
    body: str | bytes,
    headers: dict[str, str] | None = None,
    cookies: dict[str, str] | None = None,
) -> HttpReply:
    jar: SimpleCookie = SimpleCookie()
    for name, value in (cookies or {}).items():
        jar[name] = value
    return HttpReply(
        status=status,
        url="http://127.0.0.1/",
        body=body.encode() if isinstance(body, str) else body,
        headers=CIMultiDictProxy(CIMultiDict(headers or {})),
        cookies=dict(cookies or {}),
        set_cookies=tuple(jar.values()),
    )


def passport(payload: dict[str, object]) -> str:
    return "&&&START&&&" + json.dumps(payload)


def test_a_pass_token_login_by_shape() -> None:
    shapes = LoginShapes("pass_token")
    login = {
        "code": 0,
        "userId": int(USER_ID),
        "passToken": PASS_TOKEN,
        "ssecurity": SSECURITY,
        "nonce": NONCE,
        "location": STS,
        "securityStatus": 0,
    }
    shapes.record(
        "GET",
        "https://account.xiaomi.com/pass/serviceLogin",
        reply(
            200, passport(login), {"re-pass-token": "ABCDEF"}, {"passToken": PASS_TOKEN, "userId": USER_ID}
        ),
    )
    pragma = json.dumps({"ssecurity": SSECURITY, "nonce": NONCE})
    shapes.record(
        "GET",
        STS,
        reply(200, "ok", {"Extension-Pragma": pragma, "Content-Type": "text/plain; charset=utf-8"}),
    )
    report = shapes.report()
    assert report == {
        "kind": "pass_token",
        "steps": [
            {
                "step": "/pass/serviceLogin",
                "method": "GET",
                "http": 200,
                "body": {
                    "code": 0,
                    "userId": "int",
                    "passToken": "str",
                    "ssecurity": "str",
                    "nonce": "int",
                    "location": "url /sts ?_ssign,auth,d,nonce,pwd,ticket",
                    "securityStatus": 0,
                },
                "cookies": ["passToken", "userId"],
                "headers": {"re-pass-token": "str"},
            },
            {
                "step": "/sts ?_ssign,auth,d,nonce,pwd,ticket",
                "method": "GET",
                "http": 200,
                "body": "text",
                "headers": {
                    "Extension-Pragma": {"ssecurity": "str", "nonce": "int"},
                    "Content-Type": "text/plain",
                },
            },
        ],
    }
    text = json.dumps(report)
    assert not [secret for secret in SECRETS if secret in text]


def test_passport_codes_stay_and_a_verification_code_does_not() -> None:
    assert shape_of({"code": 70016}) == {"code": 70016}
    assert shape_of({"code": 87001}) == {"code": 87001}
    assert shape_of({"code": 123456}) == {"code": "int"}
    assert shape_of({"flag": 4, "options": [4, 8]}) == {"flag": 4, "options": [2, "4 | 8"]}


def test_identity_steps_keep_no_address() -> None:
    shapes = LoginShapes("password")
    shapes.record(
        "GET",
        "https://account.xiaomi.com/identity/auth/verifyPhone?_flag=4",
        reply(200, passport({"code": 0, "maskedPhone": "100****0077", "maskedEmail": "ser***@x.com"})),
    )
    shapes.record(
        "GET",
        "https://account.xiaomi.com/pass/getCode?icodeType=login",
        reply(200, b"\x89PNG\r\n", {"Content-Type": "image/png"}, {"ick": "secret-ick"}),
    )
    shapes.record(
        "GET",
        "https://account.xiaomi.com/fe/service/identity/confirm?skipUrl=https%3A%2F%2Fx",
        reply(200, "<html><title>Xiaomi Account - Tips</title></html>", {"Content-Type": "text/html"}),
    )
    steps: Any = shapes.report()["steps"]
    assert [step["body"] for step in steps] == [
        {"code": 0, "maskedPhone": "str", "maskedEmail": "str"},
        "image",
        "html",
    ]
    assert steps[1]["cookies"] == ["ick"]
    assert steps[2]["step"] == "/fe/service/identity/confirm ?skipUrl"
    assert "0077" not in json.dumps(steps)
    assert "secret-ick" not in json.dumps(steps)


def test_repeated_polls_are_one_step_and_failures_are_steps() -> None:
    shapes = LoginShapes("qr")
    poll = "https://c3.lp.account.xiaomi.com/lp/s?k=ticket-value"
    for _ in range(3):
        shapes.record("GET", poll, reply(200, passport({"code": 1, "desc": "not yet"})))
    shapes.record_failure("GET", poll, CloudTimeoutError("no answer"))
    shapes.record("GET", poll, reply(504, ""))
    steps = shapes.report()["steps"]
    assert steps == [
        {"step": "/lp/s ?k", "method": "GET", "http": 200, "body": {"code": 1, "desc": "str"}, "times": 3},
        {"step": "/lp/s ?k", "method": "GET", "error": "CloudTimeoutError"},
        {"step": "/lp/s ?k", "method": "GET", "http": 504, "body": "empty"},
    ]
    assert "ticket-value" not in json.dumps(steps)


def test_a_failure_with_a_code_keeps_the_code() -> None:
    shapes = LoginShapes("password")
    url = "https://account.xiaomi.com/pass/serviceLoginAuth2"
    shapes.record_failure("POST", url, CloudConnectionError("server error", code=502))
    shapes.record_failure("POST", url, CloudConnectionError("odd", code=1100000001))
    # Any error will do: one without a code is named by its type alone.
    shapes.record_failure("POST", url, OSError("refused"))
    assert shapes.report()["steps"] == [
        {"step": "/pass/serviceLoginAuth2", "method": "POST", "error": "CloudConnectionError", "code": 502},
        {"step": "/pass/serviceLoginAuth2", "method": "POST", "error": "CloudConnectionError", "code": "int"},
        {"step": "/pass/serviceLoginAuth2", "method": "POST", "error": "OSError"},
    ]


def test_a_long_login_keeps_its_first_steps_and_counts_the_rest() -> None:
    shapes = LoginShapes("password")
    for i in range(MAX_LOGIN_STEPS + 5):
        shapes.record("GET", "https://account.xiaomi.com/identity/list", reply(200 + i % 2, "{}"))
    report: Any = shapes.report()
    assert len(report["steps"]) == MAX_LOGIN_STEPS
    assert report["dropped_steps"] == 5


def test_urls_hide_hosts_values_and_id_like_segments() -> None:
    assert url_shape("https://c3.lp.account.xiaomi.com/lp/s?k=abc") == "url /lp/s ?k"
    assert url_shape("/pass/serviceLoginAuth2/end?x=1") == "url /pass/serviceLoginAuth2/end ?x"
    assert url_shape("https://a.b/u/1100000001/V1AbC9d8/p") == "url /u/<id>/<id>/p"
    assert url_shape("https://a.b/?1100000001=x&uid=2") == "url / ?<id>,uid"
    # A key that carries a long number is an id as well.
    assert shape_of({"u1100000001": 1, "user_12": 2}) == {"<id>": "int", "user_12": "int"}


def test_repeats_count_from_the_last_different_step() -> None:
    shapes = LoginShapes("qr")
    poll = "https://c3.lp.account.xiaomi.com/lp/s?k=ticket-value"
    for answers in (2, 1, 3):
        for _ in range(answers):
            shapes.record("GET", poll, reply(200, passport({"code": 1})))
        shapes.record("GET", poll, reply(504, ""))
    report: Any = shapes.report()
    assert [step.get("times") for step in report["steps"]] == [2, None, None, None, 3, None]


def test_bodies_are_json_shapes_or_their_kind() -> None:
    def body(text: str, content_type: str = "") -> Any:
        shapes = LoginShapes("password")
        headers = {"Content-Type": content_type} if content_type else {}
        shapes.record("GET", "https://account.xiaomi.com/pass/x", reply(200, text, headers))
        report: Any = shapes.report()
        return report["steps"][0]["body"]

    assert body('{"code": 0, "desc": "ok"}') == {"code": 0, "desc": "str"}
    assert body('[{"code": 0}]') == [1, {"code": 0}]
    assert body("{not json") == "malformed json"
    assert body("<html><body>x</body></html>") == "html"
    assert body("a page", "text/html; charset=utf-8; boundary=x") == "html"
    assert body("a page", "TEXT/HTML") == "html"
    assert body("\x89PNG", "image/png") == "image"
    assert body("plain words", "text/plain; charset=utf-8") == "text"


def test_headers_keep_the_shape_of_what_the_login_reads() -> None:
    shapes = LoginShapes("password")
    headers = {
        "Location": "https://account.xiaomi.com/pass/serviceLoginAuth2/end?uid=1100000001",
        "Content-Type": "application/json; charset=utf-8; x=y",
        "re-pass-token": PASS_TOKEN,
        "Extension-Pragma": '{"nonce": 1234567890123, "ssecurity": "c2VjdXJpdHk="}',
    }
    shapes.record("GET", "https://account.xiaomi.com/pass/x", reply(302, "", headers))
    report: Any = shapes.report()
    assert report["steps"][0]["headers"] == {
        "Location": "url /pass/serviceLoginAuth2/end ?uid",
        "Extension-Pragma": {"nonce": "int", "ssecurity": "str"},
        "re-pass-token": "str",
        "Content-Type": "application/json",
    }
    odd = LoginShapes("password")
    odd.record(
        "GET", "https://a.b/c", reply(200, "", {"Content-Type": "Bob's secret", "Extension-Pragma": "x"})
    )
    report = odd.report()
    assert report["steps"][0]["headers"] == {"Extension-Pragma": "str", "Content-Type": "str"}


def test_a_url_that_cannot_be_read_is_shown_as_url_alone() -> None:
    assert url_shape("http://[not-an-address/x?k=v") == "url"
