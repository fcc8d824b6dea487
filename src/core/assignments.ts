import { InputError } from "./errors";
import { normalizeLabel } from "./text";

/**
 * Reads "name=value,name=value" (full-width = ， ； allowed) over `base`; an unknown name is an
 * error naming the ones it knows. `read` turns each value into the setting, throwing on a bad one.
 */
export function parseAssignments<K extends string, V>(
  spec: string | undefined,
  base: Readonly<Record<K, V>>,
  what: string,
  read: (value: string, name: K) => V
): Record<K, V> {
  const result: Record<K, V> = { ...base };
  if (!spec || spec.trim() === "") return result;
  const names = Object.keys(base) as K[];
  for (const part of spec.split(/[,，;；]/)) {
    if (part.trim() === "") continue;
    const [rawName, rawValue, ...rest] = part.split(/[=＝]/);
    const name = normalizeLabel(rawName ?? "") as K;
    if (!names.includes(name) || rawValue === undefined || rest.length > 0) {
      throw new InputError(
        `无法识别${what}设置“${part.trim()}”，应为 名称=值，名称为 ${names.join("、")}`
      );
    }
    result[name] = read(rawValue, name);
  }
  return result;
}
