"""Reply shapes keep the protocol's form and drop every value that could name someone."""

from __future__ import annotations

import json

from custom_components.xiaomi_camera_share.cloud.shapes import ReplyShapes, merged_shapes, shape_of

SECRETS = ["1100000001", "Demo Owner", "501000001", "AA:BB:CC:00:00:01", "V1:pass-token", "192.168.1.20"]


def test_values_become_types_and_codes_stay() -> None:
    reply = {
        "code": 0,
        "message": "ok for Demo Owner",
        "result": {
            "list": [
                {"did": "501000001", "name": "Living room", "permitLevel": 16, "isOnline": True},
                {"did": "501000002", "name": "Front door", "permitLevel": 36, "localip": "192.168.1.20"},
            ],
            "has_more": False,
            "score": 1.5,
            "token": None,
        },
    }
    assert shape_of(reply) == {
        "code": 0,
        "message": "str",
        "result": {
            "list": [
                2,
                {"did": "str", "name": "str", "permitLevel": "16 | 36", "isOnline": "bool", "localip": "str"},
            ],
            "has_more": "bool",
            "score": "float",
            "token": "null",
        },
    }


def test_keys_that_are_ids_are_hidden_and_merged() -> None:
    shares = {"list": {"501000001": [{"userid": 1100000001, "status": 1}], "lumi.158d0001": []}}
    batch = {"1100000002": {"501000001": 0, "AA:BB:CC:00:00:01": 1}}
    assert shape_of(shares) == {"list": {"<id>": ["0..1", {"userid": "int", "status": 1}]}}
    assert shape_of(batch) == {"<id>": {"<id>": "int"}}


def test_large_numbers_are_never_kept_even_under_kept_keys() -> None:
    assert shape_of({"status": 1100000001, "code": -12}) == {"status": "int", "code": -12}


def test_a_recorded_reply_carries_no_value() -> None:
    shapes = ReplyShapes()
    payload = {
        "code": 0,
        "result": {
            "1100000001": {
                "nickname": "Demo Owner",
                "mac": "AA:BB:CC:00:00:01",
                "passToken": "V1:pass-token",
            },
            "ip": "192.168.1.20",
        },
    }
    shapes.record("/home/profile", 200, payload)
    text = json.dumps(shapes.replies)
    assert shapes.replies["/home/profile"]["http"] == 200
    assert not [secret for secret in SECRETS if secret in text]


def test_several_replies_of_one_endpoint_merge_into_the_union_of_their_keys() -> None:
    first = shape_of({"code": 0, "result": {"list": [{"did": "501000001", "isOnline": True}]}})
    second = shape_of({"code": -12, "message": "busy", "result": {"list": []}})
    assert merged_shapes([first, second]) == {
        "code": "-12 | 0",
        "result": {"list": ["0..1", {"did": "str", "isOnline": "bool"}]},
        "message": "str",
    }
    assert merged_shapes([first]) == first
    assert merged_shapes([]) == "empty"


def test_a_recorded_reply_is_its_status_and_the_shape_of_its_body() -> None:
    shapes = ReplyShapes()
    # App API replies are shaped without URL paths: a URL there is a value like any other.
    shapes.record("/home/device_list", 200, {"code": 0, "result": {"icon": "https://cdn.example/a/b.png"}})
    assert shapes.replies == {
        "/home/device_list": {"http": 200, "body": {"code": 0, "result": {"icon": "str"}}}
    }


def test_kept_values_end_at_their_limits() -> None:
    assert shape_of({"status": 1000, "flag": -1000}) == {"status": 1000, "flag": -1000}
    assert shape_of({"status": 1001, "flag": -1001}) == {"status": "int", "flag": "int"}
    assert shape_of({"code": 99_999, "options": [4, 8]}) == {"code": 99_999, "options": [2, "4 | 8"]}
    assert shape_of({"code": 100_000}) == {"code": "int"}


def test_urls_in_a_list_are_shaped_like_any_other_when_asked() -> None:
    assert shape_of({"next": ["https://host.example/pass/step?k=v"]}, urls=True) == {
        "next": [1, "url /pass/step ?k"]
    }


def test_a_value_json_cannot_hold_is_named_by_its_type() -> None:
    assert shape_of((1, 2)) == "tuple"


def test_merging_keeps_one_length_or_the_span_of_all() -> None:
    one, two, three = (shape_of([1] * n) for n in (1, 2, 3))
    assert merged_shapes([two, two]) == [2, "int"]
    assert merged_shapes([one, three, two]) == ["1..3", "int"]
    # Shapes merged before merge again by their spans.
    assert merged_shapes([merged_shapes([one, two]), shape_of([1] * 5)]) == ["1..5", "int"]
