// The card's module can be loaded twice (resource + extra module); define each element once.
export function defineOnce(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
