import { h } from "./dom";

/** Offers bytes as a download named `name` (an .xlsx unless `type` says otherwise). */
export function saveFile(
  bytes: Uint8Array,
  name: string,
  type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
