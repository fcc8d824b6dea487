/** SheetJS (the npm republish @e965/xlsx of 0.20.3), loaded only for .xls, .et and .ods files. */
export type SheetJsModule = typeof import("@e965/xlsx");

let loader: (() => Promise<SheetJsModule>) | null = null;
let pending: Promise<SheetJsModule> | null = null;

/** The host says how to load it: Node requires it, the browser loads a chunk when first needed. */
export function setSheetJsLoader(load: () => Promise<SheetJsModule>): void {
  loader = load;
  pending = null;
}

export function loadSheetJs(): Promise<SheetJsModule> {
  if (!loader) throw new Error("SheetJS loader not set: call setSheetJsLoader in the host");
  pending ??= loader();
  return pending;
}
