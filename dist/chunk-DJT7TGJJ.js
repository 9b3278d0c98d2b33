import { createRequire as __nrgCreateRequire } from 'node:module'; const require = __nrgCreateRequire(import.meta.url);

// src/facts/describe.ts
function listSome(items, total = items.length, shown = 5) {
  const head = items.slice(0, shown);
  const more = total - head.length;
  return more > 0 ? `${head.join(", ")} and ${more} more` : head.join(", ");
}

export {
  listSome
};
