import { IdHasher, makeIdHasher } from "../core/lists/idHasher";
import { h } from "./dom";
import { notePicker } from "./filePicker";
import { setStatus } from "./status";

/** The shortest key the page takes (as `makeIdHasher` and the CLI's QUOTA_ID_KEY). */
export const ID_KEY_MIN = 16;

/** What is not checked without the key (the CLI's NO_ID_KEY, in the page's words). */
export const NO_ID_KEY_PAGE =
  "未填写身份证号密钥：名单台账不计算身份证号摘要，不按身份证号查重（仍按学号和证书编号查重）；身份证号仍只保存掩码。";

/** The check's note when a master with 名单台账 is picked and no key is given. */
export const NO_ID_KEY_CHECK =
  "未填写身份证号密钥：不按身份证号与总表查重（仍按学号和证书编号查重）。";

export type IdKeyReading = { readonly hasher: IdHasher | null } | { readonly error: string };

/** The key as typed: none, too short (the message to show), or the school's hasher. */
export function readIdKey(value: string): IdKeyReading {
  const key = value.trim();
  if (key === "") return { hasher: null };
  if (key.length < ID_KEY_MIN)
    return {
      error: `身份证号密钥太短：至少 ${ID_KEY_MIN} 个字符（现在 ${key.length} 个）。`,
    };
  return { hasher: makeIdHasher(key) };
}

/**
 * The school's key for 身份证号 hashes: a password field whose value lives only in the page's memory
 * (no name, no autocomplete, never in localStorage or a written file). Its message sits beside it.
 */
export function idKeyField(id: string): { element: HTMLElement; read(): IdKeyReading } {
  const input = h("input", {
    id,
    type: "password",
    autocomplete: "off",
    spellcheck: "false",
    class: "field__control",
    "aria-describedby": `${id}-message`,
  });
  const message = h("p", { id: `${id}-message`, class: "muted", role: "status" });
  const say = () => {
    const reading = readIdKey(input.value);
    if ("error" in reading) element.open = true;
    message.className = "error" in reading ? "error" : "muted";
    message.textContent =
      "error" in reading
        ? reading.error
        : reading.hasher
          ? "密钥可用。它只在本页使用，不保存，也不写入总表。"
          : "可不填：不填时不按身份证号查重。密钥不保存，也不写入总表。";
    input.setAttribute("aria-invalid", String("error" in reading));
  };
  input.addEventListener("input", say);
  // Folded by default: most months need no key, and the pickers stay within one screen.
  const element = h(
    "details",
    { id: `${id}-details`, class: "id-key" },
    h("summary", {}, "身份证号密钥（可选）"),
    h("label", { class: "field__label", for: id }, `学校统一的密钥，至少 ${ID_KEY_MIN} 个字符`),
    input,
    message
  );
  say();
  return {
    element,
    read() {
      say();
      return readIdKey(input.value);
    },
  };
}

/** The key as typed, or null (said beside the picker and in the status) when it is too short: no run then. */
export function keyOrRefusal(
  field: { read(): IdKeyReading },
  zone: HTMLElement
): { hasher: IdHasher | null } | null {
  const key = field.read();
  if (!("error" in key)) return key;
  notePicker(zone, "error", key.error, "请在上方改正身份证号密钥，或清空它后重新选择报表。");
  setStatus("error", key.error);
  return null;
}
