import { parseAssignments } from "./assignments";
import { parseCount } from "./count";

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
  return parseAssignments(spec, base, "最低任务", (value, name) =>
    parseCount(value, `最低任务 ${name}`)
  );
}
