// What the recipient picker's choices mean, apart from how they are shown: what each kind of
// recipient looks up, the accounts that can receive a camera, the region the person uses,
// and which people can be kept in the address book.
import type { LookupResult } from "../data/api.js";
import type { Account, Recipient, Region } from "../data/state.js";

export type RecipientKind = "xiaomi_id" | "phone" | "saved" | "account";
/** The kinds in the order the picker offers them. */
export const KINDS: readonly RecipientKind[] = ["xiaomi_id", "phone", "saved", "account"];
/** The kind a new picker starts with. */
export const FIRST_KIND: RecipientKind = "xiaomi_id";

/** What the user has typed or picked for each kind. */
export interface RecipientInput {
  /** A Xiaomi ID or phone number as typed. */
  typed: string;
  /** A saved recipient's name. */
  saved: string;
  /** An account's config entry. */
  account: string;
}

/** Accounts configured here that could receive a camera of the sharing account. */
export function otherAccounts(accounts: readonly Account[], sharingEntryId: string): Account[] {
  return accounts.filter((account) => account.entry_id !== sharingEntryId);
}

/**
 * What is looked up for a kind: the typed text, a saved recipient's name, or an account's user
 * id; empty while there is nothing to look up.
 */
export function lookupQuery(
  kind: RecipientKind,
  input: RecipientInput,
  candidates: readonly Account[],
): string {
  switch (kind) {
    case "xiaomi_id":
    case "phone":
      return input.typed.trim();
    case "saved":
      return input.saved;
    case "account":
      return candidates.find((account) => account.entry_id === input.account)?.user_id ?? "";
  }
}

/** Typed people can be kept in the address book; saved ones and accounts already have a name. */
export function canSaveRecipient(kind: RecipientKind): boolean {
  return kind === "xiaomi_id" || kind === "phone";
}

/** The text field's type and the keyboard a phone shows for it. */
export function inputMode(kind: RecipientKind): { type: "tel" | "text"; inputmode: "tel" | "numeric" } {
  return kind === "phone" ? { type: "tel", inputmode: "tel" } : { type: "text", inputmode: "numeric" };
}

/**
 * The region the person uses as far as we know: their account here (the camera's region when it
 * is one of theirs), else the address book; undefined when nothing says.
 */
export function recipientRegion(
  found: Pick<LookupResult, "user_id" | "regions">,
  cameraRegion: Region,
  accounts: readonly Account[],
  recipients: readonly Recipient[],
): Region | undefined {
  const regions = found.regions ?? accounts.find((each) => each.user_id === found.user_id)?.regions;
  if (regions?.length) return regions.includes(cameraRegion) ? cameraRegion : regions[0];
  return recipients.find((each) => each.user_id === found.user_id)?.region ?? undefined;
}

/** The person uses another region than the camera's: the invite would not reach their app. */
export function regionMismatch(theirRegion: Region | undefined, cameraRegion: Region): boolean {
  return theirRegion !== undefined && theirRegion !== cameraRegion;
}

export interface Option {
  value: string;
  label: string;
}

/** Saved recipients to choose from: the name, and the Xiaomi nickname where it is known. */
export function savedOptions(recipients: readonly Recipient[]): Option[] {
  return recipients.map((each) => ({
    value: each.name,
    label: each.nickname ? `${each.name} (${each.nickname})` : each.name,
  }));
}

/** Accounts to choose from: the nickname and the Xiaomi ID. */
export function accountOptions(accounts: readonly Account[]): Option[] {
  return accounts.map((each) => ({ value: each.entry_id, label: `${each.nickname} (${each.user_id})` }));
}
