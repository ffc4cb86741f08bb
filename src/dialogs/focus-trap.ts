// Keeps Tab and Shift+Tab inside an open dialog, wrapping at either end. Parts of a dialog
// can be elements with shadow roots of their own (the share dialog's recipient picker).
const FOCUSABLE = "button, input, select, textarea, [href], [tabindex]:not([tabindex='-1'])";

/** Focusable elements in tree order, those inside open shadow roots at their host's place. */
export function focusableIn(container: ParentNode): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (const element of container.querySelectorAll<HTMLElement>("*")) {
    if (
      element.matches(FOCUSABLE) &&
      !element.hasAttribute("disabled") &&
      element.getClientRects().length > 0
    )
      found.push(element);
    if (element.shadowRoot) found.push(...focusableIn(element.shadowRoot));
  }
  return found;
}

/** The element that has focus, looking through the shadow roots on the way to it. */
export function deepActiveElement(root: DocumentOrShadowRoot): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export function trapTab(event: KeyboardEvent, container: HTMLElement): void {
  if (event.key !== "Tab") return;
  const focusable = focusableIn(container);
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  const root = container.getRootNode() as Document | ShadowRoot;
  // In the container's own tree, focus inside a part shows as that part's host.
  const inside = root.activeElement !== null && container.contains(root.activeElement);
  const active = deepActiveElement(root);
  if (event.shiftKey && (active === first || !inside)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !inside)) {
    event.preventDefault();
    first.focus();
  }
}
