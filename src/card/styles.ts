// Styles shared by the card's parts; every colour comes from HA theme variables, and the
// controls themselves are Home Assistant's elements, which follow the theme on their own.
import { css } from "lit";

export const sharedStyles = css`
  :host {
    color: var(--primary-text-color, #212121);
  }
  .muted {
    color: var(--secondary-text-color, #727272);
  }
  p {
    margin: 0;
  }
`;

/** Rows of an HA list whose supporting text holds a line of actions (sharees, invites). */
export const listStyles = css`
  ha-list-item-base {
    --ha-row-item-padding-inline: 0;
    border-bottom: 1px solid var(--divider-color, #e0e0e0);
  }
  ha-list-item-base:last-child {
    border-bottom: none;
  }
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin-top: 4px;
  }
`;
