"""The parsing of app API results and the typed errors, read directly: each rule of the contract.

The client's tests reach these through HTTP; here each promise of a function is pinned on its
own, down to the words a malformed answer is reported with.
"""

from __future__ import annotations

from typing import Any

import pytest

from custom_components.xiaomi_camera_share.cloud.api_errors import (
    PROFILE,
    SHARE_REQUEST,
    SHARE_RESPONSE,
    error_for,
    says_token_expired,
)
from custom_components.xiaomi_camera_share.cloud.errors import (
    ApiError,
    CaptchaRequiredError,
    CaptchaWrongError,
    DeviceNotShareableError,
    InvalidCredentialsError,
    InviteExpiredError,
    MalformedResponseError,
    PermissionDeniedError,
    UserNotFoundError,
    VerificationMethodRefusedError,
    XiaomiCloudError,
)
from custom_components.xiaomi_camera_share.cloud.models import (
    BatchShareOutcome,
    PermitLevel,
    Sharee,
    ShareStatus,
)
from custom_components.xiaomi_camera_share.cloud.parsing import (
    failed_revocations,
    parse_batch_result,
    parse_device,
    parse_device_page,
    parse_invite,
    parse_invites,
    parse_profile,
    parse_share_overview,
    parse_sharee,
    parse_sharee_list,
)
from custom_components.xiaomi_camera_share.cloud.regions import Region
from custom_components.xiaomi_camera_share.cloud.shapes import shape_of


def test_failed_revocations_are_the_dids_whose_ret_is_not_1() -> None:
    result = {"list": [{"did": "1", "ret": 1}, {"did": 2, "ret": 0}, {"did": "3", "ret": "1"}, {"did": "4"}]}
    assert failed_revocations(result) == ["2", "4"]
    assert failed_revocations({}) == []
    assert failed_revocations({"list": []}) == []


@pytest.mark.parametrize(
    ("result", "message"),
    [
        ("nope", "the result is not an object"),
        ({"list": {"did": "1"}}, "the revoke list is not a list"),
        ({"list": [["1"]]}, "a revoke result is not an object"),
    ],
)
def test_a_malformed_revoke_answer_says_what_is_wrong(result: Any, message: str) -> None:
    with pytest.raises(MalformedResponseError) as caught:
        failed_revocations(result)
    assert str(caught.value) == message


def test_a_batch_answer_reads_1_as_invited_0_as_already_shared_and_anything_else_as_refused() -> None:
    answer = {"u1": {"a": 1, "b": 0, "c": -1, "d": True, "e": None, "f": "1"}}
    result = parse_batch_result(answer, ["a", "b", "c", "d", "e", "f", "g"], ["u1", "u2"])
    assert {did: result.outcome(did, "u1") for did in "abcdefg"} == {
        "a": BatchShareOutcome.INVITED,
        "b": BatchShareOutcome.ALREADY_SHARED,
        "c": BatchShareOutcome.REFUSED,
        "d": BatchShareOutcome.REFUSED,
        "e": BatchShareOutcome.REFUSED,
        "f": BatchShareOutcome.INVITED,
        "g": BatchShareOutcome.NOT_REPORTED,
    }
    assert result.outcome("a", "u2") is BatchShareOutcome.NOT_REPORTED
    assert result.codes == {
        ("a", "u1"): 1,
        ("b", "u1"): 0,
        ("c", "u1"): -1,
        ("d", "u1"): None,
        ("e", "u1"): None,
        ("f", "u1"): 1,
    }
    assert parse_batch_result(None, ["a"], ["u1"]).outcome("a", "u1") is BatchShareOutcome.NOT_REPORTED
    # A camera left out of a receiver's answer does not hide the cameras after it.
    later = parse_batch_result({"u1": {"b": 1}}, ["a", "b"], ["u1"])
    assert later.outcome("a", "u1") is BatchShareOutcome.NOT_REPORTED
    assert later.outcome("b", "u1") is BatchShareOutcome.INVITED
    assert later.codes == {("b", "u1"): 1}
    # Numbers come as strings too, negative ones included.
    assert parse_batch_result({"u1": {"a": "-12"}}, ["a"], ["u1"]).codes == {("a", "u1"): -12}
    with pytest.raises(MalformedResponseError, match=r"^the batch result is not an object$"):
        parse_batch_result([1], ["a"], ["u1"])


def test_a_sharee_is_read_with_its_view_only_flag_status_and_time() -> None:
    item = {
        "userid": 3003,
        "nickname": "Grandma",
        "status": 1,
        "isReadOnly": True,
        "icon": "https://example.invalid/icon.png",
        "sharetime": 9,
        "mtime": 5,
    }
    assert parse_sharee(item) == Sharee(
        user_id="3003",
        nickname="Grandma",
        status=ShareStatus.ACCEPTED,
        read_only=True,
        icon="https://example.invalid/icon.png",
        shared_at=9,
    )
    # Without a status it is pending; without a nickname it is named by its id.
    assert parse_sharee({"userid": "3003"}) == Sharee(
        user_id="3003", nickname="3003", status=ShareStatus.PENDING, read_only=None, icon=None, shared_at=None
    )
    assert parse_sharee({"userid": "3003", "nickname": "", "icon": ""}).nickname == "3003"
    assert parse_sharee({"userid": "3003", "nickname": 7}).nickname == "3003"
    assert parse_sharee({"userid": "3003", "icon": ""}).icon is None
    assert parse_sharee({"userid": "3003", "mtime": "5"}).shared_at == 5


@pytest.mark.parametrize(
    ("flag", "read_only"),
    [
        (True, True),
        (False, False),
        (1, True),
        (0, False),
        ("1", True),
        ("true", True),
        ("True", True),
        ("0", False),
        ("false", False),
        ("yes", False),
        (None, None),
    ],
)
def test_a_sharees_view_only_flag_is_read_in_each_form_the_cloud_sends(
    flag: Any, read_only: bool | None
) -> None:
    assert parse_sharee({"userid": "1", "isReadOnly": flag}).read_only is read_only


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (0, ShareStatus.PENDING),
        (1, ShareStatus.ACCEPTED),
        ("1", ShareStatus.ACCEPTED),
        (True, ShareStatus.ACCEPTED),
        (2, ShareStatus.REJECTED),
        (-1, ShareStatus.UNKNOWN),
        (7, ShareStatus.UNKNOWN),
        ("x", ShareStatus.UNKNOWN),
        ("X1", ShareStatus.UNKNOWN),
    ],
)
def test_a_sharees_status_is_one_the_app_knows_or_unknown(status: Any, expected: ShareStatus) -> None:
    assert parse_sharee({"userid": "1", "status": status}).status is expected


@pytest.mark.parametrize(
    ("item", "message"),
    [
        (["1"], "a sharee is not an object"),
        ({"nickname": "x"}, "a sharee's userid is missing"),
        ({"userid": ""}, "a sharee's userid is missing"),
        ({"userid": True}, "a sharee's userid is missing"),
    ],
)
def test_a_malformed_sharee_says_what_is_wrong(item: Any, message: str) -> None:
    with pytest.raises(MalformedResponseError) as caught:
        parse_sharee(item)
    assert str(caught.value) == message


def test_a_sharee_list_is_its_sharees_and_none_without_a_list() -> None:
    assert parse_sharee_list({"list": [{"userid": "1"}, {"userid": 2, "status": 1}]}) == [
        Sharee(user_id="1", nickname="1", status=ShareStatus.PENDING),
        Sharee(user_id="2", nickname="2", status=ShareStatus.ACCEPTED),
    ]
    assert parse_sharee_list({}) == []
    assert parse_sharee_list({"list": []}) == []


@pytest.mark.parametrize(
    ("result", "message"),
    [
        ("nope", "the result is not an object"),
        ({"list": {"userid": "1"}}, "list is not a list"),
        ({"list": None}, "list is not a list"),
    ],
)
def test_a_malformed_sharee_list_says_what_is_wrong(result: Any, message: str) -> None:
    with pytest.raises(MalformedResponseError) as caught:
        parse_sharee_list(result)
    assert str(caught.value) == message


def test_a_share_overview_is_each_devices_sharees_with_who_and_when() -> None:
    overview = parse_share_overview(
        {
            "list": {
                "501000001": [
                    {"userid": 1001, "nickname": "A", "mtime": 5, "status": 1},
                    {"userid": "1002", "mtime": "7"},
                ],
                "501000002": [{"userid": "1003", "status": 0}],
            }
        }
    )
    assert set(overview) == {"501000001", "501000002"}
    first = overview["501000001"]
    assert first.sharees == (
        Sharee(user_id="1001", nickname="A", status=ShareStatus.ACCEPTED, shared_at=5),
        Sharee(user_id="1002", nickname="1002", status=ShareStatus.PENDING, shared_at=7),
    )
    assert first.has_status is False
    assert first.fingerprint == frozenset({("1001", 5), ("1002", 7)})
    second = overview["501000002"]
    assert second.has_status is True
    assert second.fingerprint == frozenset({("1003", None)})
    # No list, an empty object or an empty array: no shares.
    assert parse_share_overview({}) == {}
    assert parse_share_overview({"list": {}}) == {}
    assert parse_share_overview({"list": []}) == {}


@pytest.mark.parametrize(
    ("result", "message"),
    [
        ("nope", "the result is not an object"),
        ({"list": None}, "the share list is not an object"),
        ({"list": 0}, "the share list is not an object"),
        ({"list": ["501000001"]}, "the share list is not an object"),
        ({"list": {"501000001": {"userid": "1"}}}, "a device's sharees is not a list"),
        ({"list": {"501000001": [["1"]]}}, "a sharee is not an object"),
    ],
)
def test_a_malformed_share_overview_says_what_is_wrong(result: Any, message: str) -> None:
    with pytest.raises(MalformedResponseError) as caught:
        parse_share_overview(result)
    assert str(caught.value) == message


def test_an_error_answer_becomes_its_typed_error_with_the_clouds_words_and_code() -> None:
    not_found = error_for(PROFILE, -8, "no such user")
    assert type(not_found) is UserNotFoundError
    assert (str(not_found), not_found.code) == ("no such user", -8)
    refused = error_for(SHARE_REQUEST, -1, "")
    assert type(refused) is DeviceNotShareableError
    assert (str(refused), refused.code) == ("the cloud answered code -1", -1)
    assert type(error_for("/share/other", -1, "x")) is PermissionDeniedError
    assert type(error_for(SHARE_RESPONSE, -6, "x")) is InviteExpiredError
    unknown = error_for(SHARE_RESPONSE, -99, "odd")
    assert type(unknown) is ApiError
    assert (str(unknown), unknown.code) == ("odd", -99)


def test_an_expired_token_is_told_by_code_or_by_message() -> None:
    assert says_token_expired({"code": 3})
    assert says_token_expired({"code": 0, "message": "Auth Err"})
    assert says_token_expired({"description": "invalid signature"})
    assert not says_token_expired({"code": -1, "message": "refused"})
    assert not says_token_expired({})


def test_errors_keep_the_message_and_code_and_name_themselves_by_key_without_one() -> None:
    assert (str(XiaomiCloudError()), XiaomiCloudError().code) == ("cloud_error", None)
    captcha = CaptchaRequiredError("type the letters", code=87001, challenge=b"png")
    assert (str(captcha), captcha.code, captcha.challenge) == ("type the letters", 87001, b"png")
    wrong = CaptchaWrongError(code=87001)
    assert (str(wrong), wrong.code, wrong.challenge) == ("captcha_wrong", 87001, None)


def test_a_profile_is_read_by_userid_or_userId_and_minus_one_is_nobody() -> None:
    assert parse_profile({"userid": 7, "nickname": "Bob"}).user_id == "7"
    assert parse_profile({"userId": "8"}).user_id == "8"
    assert parse_profile({"userId": "8"}).nickname == "8"
    for nobody in ({"userid": -1}, {"userId": "0"}, {}):
        with pytest.raises(UserNotFoundError) as caught:
            parse_profile(nobody)
        assert str(caught.value) == "no Xiaomi account has that ID or phone number"
    with pytest.raises(MalformedResponseError) as malformed:
        parse_profile([])
    assert str(malformed.value) == "the profile is not an object"


def test_the_invite_list_is_an_array_or_one_wrapped_in_list() -> None:
    item = {"inv_id": 7, "sender": 1001, "did": "501000001", "status": 0, "expire_time": 99}
    invites = parse_invites([item], Region.CN)
    assert [(each.invite_id, each.sender_id, each.did) for each in invites] == [(7, "1001", "501000001")]
    assert parse_invites({"list": [item]}, Region.CN) == invites
    assert parse_invites({}, Region.CN) == []
    assert parse_invites({"list": None}, Region.CN) == []
    assert parse_invites(None, Region.CN) == []
    for malformed in ("x", {"list": {"7": item}}):
        with pytest.raises(MalformedResponseError) as caught:
            parse_invites(malformed, Region.CN)
        assert str(caught.value) == "the invite list is not a list"


def test_a_device_page_says_where_the_next_one_starts_only_when_there_is_more() -> None:
    devices, next_did = parse_device_page(
        {"list": [{"did": "501000001"}], "has_more": True, "next_start_did": "501000002"}, Region.DE
    )
    assert [(each.did, each.region) for each in devices] == [("501000001", Region.DE)]
    assert next_did == "501000002"
    assert parse_device_page({"list": [], "has_more": True, "next_start_did": 7}, Region.DE) == ([], "7")
    assert parse_device_page({"has_more": False, "next_start_did": "501000002"}, Region.DE) == ([], None)
    assert parse_device_page({"has_more": True, "next_start_did": ""}, Region.DE) == ([], None)
    assert parse_device_page({"has_more": True}, Region.DE) == ([], None)
    assert parse_device_page({}, Region.DE) == ([], None)
    for malformed, message in (
        ("x", "the device list is not an object"),
        ({"list": {}}, "the device list is not a list"),
    ):
        with pytest.raises(MalformedResponseError) as caught:
            parse_device_page(malformed, Region.DE)
        assert str(caught.value) == message


def test_a_device_without_a_permit_level_is_the_owners_and_one_without_a_did_says_so() -> None:
    assert parse_device({"did": "501000001"}, Region.CN).permit_level == int(PermitLevel.OWNER)
    assert parse_device({"did": "501000001", "permitLevel": "36"}, Region.CN).permit_level == 36
    owned = parse_device({"did": "501000001", "owner": {"userid": 1001, "nickname": "Owner"}}, Region.CN)
    assert (owned.owner_id, owned.owner_nickname) == ("1001", "Owner")
    assert parse_device({"did": "501000001", "owner": {"userid": ""}}, Region.CN).owner_id is None
    assert parse_device({"did": "501000001", "owner": "1001"}, Region.CN).owner_id is None
    with pytest.raises(MalformedResponseError) as not_object:
        parse_device(["501000001"], Region.CN)
    assert str(not_object.value) == "a device is not an object"
    with pytest.raises(MalformedResponseError) as no_did:
        parse_device({"name": "Hallway"}, Region.CN)
    assert str(no_did.value) == "a device's did is missing"


def test_a_malformed_invite_says_what_is_wrong() -> None:
    with pytest.raises(MalformedResponseError) as not_object:
        parse_invite("x", Region.CN)
    assert str(not_object.value) == "an invite is not an object"
    with pytest.raises(MalformedResponseError) as no_id:
        parse_invite({"sender": "1", "did": "2"}, Region.CN)
    assert str(no_id.value) == "an invite has no inv_id"
    with pytest.raises(MalformedResponseError) as no_sender:
        parse_invite({"inv_id": 7, "did": "2"}, Region.CN)
    assert str(no_sender.value) == "an invite's sender is missing"
    with pytest.raises(MalformedResponseError) as no_did:
        parse_invite({"inv_id": 7, "sender": "1"}, Region.CN)
    assert str(no_did.value) == "an invite's did is missing"


def test_login_errors_keep_the_message_code_and_what_to_answer_with() -> None:
    wrong = InvalidCredentialsError("wrong password", code=70016, challenge=b"png")
    assert (str(wrong), wrong.code, wrong.challenge) == ("wrong password", 70016, b"png")
    assert (str(InvalidCredentialsError()), InvalidCredentialsError().challenge) == ("invalid_auth", None)
    refused = VerificationMethodRefusedError("use the phone", code=2, methods=("phone",))
    assert (str(refused), refused.code, refused.methods) == ("use the phone", 2, ("phone",))
    assert (str(VerificationMethodRefusedError()), VerificationMethodRefusedError().methods) == (
        "verification_method_refused",
        (),
    )


def test_shapes_of_one_key_merge_objects_and_lists_inside_and_name_anything_else_either() -> None:
    replies = [
        {"a": {"x": 1}, "b": [1], "c": "s", "d": {"y": True}, "e": {"y": 1}, "f": [1]},
        {"a": {"z": "t"}, "b": [1, 2], "c": 2, "d": [True], "e": "s", "f": "s"},
    ]
    assert shape_of({"list": replies}) == {
        "list": [
            2,
            {
                "a": {"x": "int", "z": "str"},
                "b": ["1..2", "int"],
                "c": "int | str",
                "d": "[1, 'bool'] | {'y': 'bool'}",
                # An object or a list beside a plain value: the value's kind as it is named.
                "e": "str | {'y': 'int'}",
                "f": "[1, 'int'] | str",
            },
        ]
    }
