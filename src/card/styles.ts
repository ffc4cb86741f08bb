// Styles shared by the card's parts; every colour comes from HA theme variables.
import { css } from "lit";

export const buttonStyles = css`
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--ha-border-radius-md, 8px);
    padding: 6px 12px;
    border: 1px solid var(--divider-color, #e0e0e0);
    background: transparent;
    color: var(--primary-color, #03a9f4);
    min-height: 32px;
  }
  button.primary {
    background: var(--primary-color, #03a9f4);
    border-color: var(--primary-color, #03a9f4);
    color: var(--text-primary-color, #fff);
  }
  button.danger {
    color: var(--error-color, #db4437);
  }
  button:disabled {
    cursor: default;
    opacity: 0.5;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible {
    outline: 2px solid var(--primary-color, #03a9f4);
    outline-offset: 2px;
  }
  input,
  select {
    font: inherit;
    color: var(--primary-text-color, #212121);
    background: var(--input-fill-color, var(--secondary-background-color, #f5f5f5));
    border: 1px solid var(--divider-color, #e0e0e0);
    border-radius: var(--ha-border-radius-sm, 4px);
    padding: 6px 8px;
  }
  .muted {
    color: var(--secondary-text-color, #727272);
  }
  .warning {
    color: var(--warning-color, #ffa600);
  }
  .error {
    color: var(--error-color, #db4437);
  }
`;

export const dialogStyles = css`
  dialog {
    border: none;
    padding: 0;
    width: min(480px, calc(100vw - 32px));
    max-height: calc(100vh - 32px);
    border-radius: var(--ha-dialog-border-radius, var(--ha-border-radius-lg, 12px));
    background: var(--ha-dialog-surface-background, var(--card-background-color, #fff));
    color: var(--primary-text-color, #212121);
    box-shadow: var(--ha-card-box-shadow, 0 4px 24px rgba(0, 0, 0, 0.3));
  }
  dialog::backdrop {
    background: rgba(0, 0, 0, 0.4);
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    padding: 16px 16px 8px;
  }
  h2 {
    margin: 0;
    font-size: 1.2em;
    font-weight: 500;
  }
  .body {
    padding: 8px 16px;
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  footer {
    display: flex;
    justify-content: flex-end;
    gap: 8px;
    padding: 8px 16px 16px;
  }
`;

/** Labelled groups of inputs, as the share dialog and the editor lay them out. */
export const fieldStyles = css`
  fieldset {
    border: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  legend,
  label.field {
    font-weight: 500;
  }
`;

/** A plain vertical list of entries divided by rules (sharees, invites). */
export const entryListStyles = css`
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  li {
    border-bottom: 1px solid var(--divider-color, #e0e0e0);
    padding-bottom: 8px;
  }
`;
