// What the invites view says about an invite, apart from how it is shown: whether it can still
// be answered, when its countdown shows, which account here receives it, and the region note.
import type { Account, Invite } from "../data/state.js";

/** Only a pending invite can be accepted or declined. */
export function isAnswerable(invite: Pick<Invite, "status">): boolean {
  return invite.status === "pending";
}

/** A pending invite with an end shows how long it has left. */
export function showsCountdown(invite: Pick<Invite, "status" | "expires_at">): boolean {
  return isAnswerable(invite) && Boolean(invite.expires_at);
}

/** The account configured here that the invite was sent to. */
export function receiverOf(
  invite: Pick<Invite, "entry_id">,
  accounts: readonly Account[],
): Account | undefined {
  return accounts.find((account) => account.entry_id === invite.entry_id);
}

/** The invite waits in a region the receiving account does not use: only then is a note due. */
export function needsRegionNote(invite: Pick<Invite, "region_in_use">): boolean {
  return invite.region_in_use === false;
}
