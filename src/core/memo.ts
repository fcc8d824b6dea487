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
    const result = fn(text);
    if (memory.size >= limit) memory = new Map();
    memory.set(text, result);
    return result;
  };
}
