import { QuotaError } from "./errors";
import { parseCount } from "./count";
import { normalizeLabel } from "./text";

export type FloorName = "training" | "advanced" | "certificates" | "onex";
export type Floors = Readonly<Record<FloorName, number>>;

export const FLOOR_NAMES: readonly FloorName[] = ["training", "advanced", "certificates", "onex"];

export const FLOOR_LABELS: Readonly<Record<FloorName, string>> = {
  training: "培训任务（人次）",
  advanced: "高级工及以上取证（人）",
  certificates: "职业技能等级证书取证（人）",
  onex: "1+X证书取证（人）",
};

/** The province's floors for the school in the 2022 plan. */
export const DEFAULT_FLOORS: Floors = {
  training: 14000,
  advanced: 3600,
  certificates: 7080,
  onex: 940,
};

/** Parses "training=14000,onex=940" over the defaults. */
export function parseFloors(spec: string | undefined, base: Floors = DEFAULT_FLOORS): Floors {
  const floors: Record<FloorName, number> = { ...base };
  if (!spec || spec.trim() === "") return floors;
  for (const part of spec.split(/[,，;；]/)) {
    if (part.trim() === "") continue;
    const [rawName, rawValue, ...rest] = part.split(/[=＝]/);
    const name = normalizeLabel(rawName ?? "") as FloorName;
    if (!FLOOR_NAMES.includes(name) || rawValue === undefined || rest.length > 0) {
      throw new QuotaError(
        "#VALUE!",
        `无法识别最低任务设置“${part.trim()}”，应为 名称=人数，名称为 ${FLOOR_NAMES.join("、")}`
      );
    }
    floors[name] = parseCount(rawValue, `最低任务 ${name}`);
  }
  return floors;
}
