/** The most characters an Excel cell holds. */
export const MAX_CELL_TEXT = 32_767;

/** Text cut to what a cell can hold (a surrogate pair is not split). */
export function cutText(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  const end = /[\uD800-\uDBFF]/.test(text[MAX_CELL_TEXT - 1]!) ? MAX_CELL_TEXT - 1 : MAX_CELL_TEXT;
  return text.slice(0, end);
}
