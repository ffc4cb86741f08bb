// The demo world every reset starts from. Credentials and numbers are made up.
import type { SimData } from "./model.ts";

export const SEED_USERS = {
  owner: "1100000001",
  family: "1100000002",
  europe: "1100000003",
  byPhone: "1100000004",
  captcha: "1100000005",
  verify: "1100000006",
} as const;

export const SEED_DEVICES = {
  livingRoom: "501000001",
  frontDoor: "501000002",
  nursery: "501000003",
  hub: "501000004",
  berlinHall: "502000001",
} as const;

const camera = (
  did: string,
  name: string,
  model: string,
  region: SimData["devices"][number]["region"],
  ownerId: string,
  index: number,
): SimData["devices"][number] => ({
  did,
  name,
  model,
  region,
  ownerId,
  mac: `02:00:00:00:00:${index.toString(16).padStart(2, "0").toUpperCase()}`,
  // Every camera "lives" on this machine: live view dials only 127.0.0.1.
  localip: "127.0.0.1",
  token: `${index.toString(16).padStart(2, "0")}`.repeat(16),
  isOnline: true,
  pid: "0",
  fwVersion: "4.1.6_1999",
});

export function seedData(): SimData {
  return {
    accounts: [
      {
        userId: SEED_USERS.owner,
        nickname: "Demo Owner",
        password: "owner-demo-password",
        email: "owner@example.com",
        appRegion: "cn",
      },
      {
        userId: SEED_USERS.family,
        nickname: "Demo Family",
        password: "family-demo-password",
        email: "family@example.com",
        appRegion: "cn",
      },
      {
        userId: SEED_USERS.europe,
        nickname: "Demo Europe",
        password: "europe-demo-password",
        email: "europe@example.com",
        appRegion: "de",
      },
      {
        userId: SEED_USERS.byPhone,
        nickname: "Demo Grandma",
        password: "phone-demo-password",
        phone: "10000000042",
        appRegion: "cn",
      },
      {
        userId: SEED_USERS.captcha,
        nickname: "Demo Captcha",
        password: "captcha-demo-password",
        email: "captcha@example.com",
        appRegion: "cn",
        loginChallenge: "captcha",
      },
      {
        userId: SEED_USERS.verify,
        nickname: "Demo Verify",
        password: "verify-demo-password",
        email: "verify@example.com",
        phone: "10000000077",
        appRegion: "cn",
        loginChallenge: "verification",
        verifyMethods: ["phone", "email"],
      },
    ],
    devices: [
      camera(SEED_DEVICES.livingRoom, "Living room", "chuangmi.camera.029a02", "cn", SEED_USERS.owner, 1),
      camera(SEED_DEVICES.frontDoor, "Front door", "xiaomi.camera.082ac1", "cn", SEED_USERS.owner, 2),
      camera(SEED_DEVICES.nursery, "Nursery", "chuangmi.camera.ipc019", "cn", SEED_USERS.owner, 3),
      camera(SEED_DEVICES.hub, "Hallway hub", "lumi.camera.gwagl01", "cn", SEED_USERS.owner, 4),
      camera(SEED_DEVICES.berlinHall, "Berlin hall", "chuangmi.camera.046c04", "de", SEED_USERS.europe, 5),
    ],
    shares: [],
    nextInviteId: 1000,
  };
}
