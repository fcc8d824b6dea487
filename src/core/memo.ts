/**
 * The text in a string of its own. A text read from a file is often a slice of the part's whole
 * XML (V8 slices strings of 13 characters or more): kept as a key, or in a result made from it,
 * it would keep each report's XML alive for the whole run. Joined then sliced, it is copied.
 */
function ownText(text: string): string {
  return text.length < 13 ? text : (" " + text).slice(1);
}

/**
 * A pure function of a string, remembered per distinct string: a roll-up of a thousand reports
 * asks for the same labels thousands of times. Long strings are not kept, and the memory is
 * cleared when it holds `limit` strings, so a hostile file of distinct cells cannot grow it.
 */
export function memoByText<R>(fn: (text: string) => R, limit = 8192): (text: string) => R {
  let memory = new Map<string, R>();
  return (text) => {
    if (text.length > 256) return fn(text);
    const known = memory.get(text);
    if (known !== undefined || memory.has(text)) return known as R;
    const own = ownText(text);
    const result = fn(own);
    if (memory.size >= limit) memory = new Map();
    memory.set(own, result);
    return result;
  };
}
