"""The simulator's seed world (docs/simulator.md); every value is made up."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SeedAccount:
    """A made-up account of the simulator's seed (docs/simulator.md)."""

    user_id: str
    login: str
    password: str


OWNER = SeedAccount("1100000001", "owner@example.com", "owner-demo-password")
FAMILY = SeedAccount("1100000002", "family@example.com", "family-demo-password")
EUROPE = SeedAccount("1100000003", "europe@example.com", "europe-demo-password")
GRANDMA = SeedAccount("1100000004", "10000000042", "phone-demo-password")
CAPTCHA = SeedAccount("1100000005", "captcha@example.com", "captcha-demo-password")
VERIFY = SeedAccount("1100000006", "verify@example.com", "verify-demo-password")
GRANDMA_PHONE = "10000000042"

LIVING_ROOM = "501000001"  # view-only offered
GARDEN = "501000002"  # view-only offered
NURSERY = "501000003"  # control only
HALLWAY_HUB = "501000004"  # cannot be shared
BERLIN_HALL = "502000001"  # in region de
