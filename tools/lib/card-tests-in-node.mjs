// Lets the card's DOM-free tests run in node as they are (mutation testing runs them under
// mocha there): they import @esm-bundle/chai, whose package entry only the browser test
// runner's resolution finds; in node that name is resolved to the package's ESM file.
import { register } from "node:module";

const hooks = `
export async function resolve(specifier, context, next) {
  return next(specifier === "@esm-bundle/chai" ? "@esm-bundle/chai/esm/chai.js" : specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
