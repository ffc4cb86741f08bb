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
