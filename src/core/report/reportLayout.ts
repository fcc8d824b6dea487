/** The four sections of 附件6, in the order the plan prints them. */
export type SectionKey = "training" | "advanced" | "nonadvanced" | "onex";

/** The four columns of a section: 年度任务, 当月完成, 累计已完成, 累计完成率（%）. */
export type FieldKey = "target" | "month" | "cumulative" | "rate";

export const SECTION_KEYS: readonly SectionKey[] = ["training", "advanced", "nonadvanced", "onex"];
export const FIELD_KEYS: readonly FieldKey[] = ["target", "month", "cumulative", "rate"];
/** The fields a college fills in by hand; 累计完成率 is derived from them. */
export const COUNT_FIELDS: readonly Exclude<FieldKey, "rate">[] = ["target", "month", "cumulative"];

export interface SectionLayout {
  /** The label the template writes (the plan prints 取证人数 / 高级工及以上取证人数 and leaves the third empty). */
  readonly label: string;
  /** A short name for messages. */
  readonly name: string;
  readonly unit: "人次" | "人";
  /** The quota-workbook table its 年度任务 comes from. */
  readonly table: "表1" | "表2" | "表3" | "表4";
}

export const SECTIONS: Readonly<Record<SectionKey, SectionLayout>> = {
  training: { label: "培训任务", name: "培训任务", unit: "人次", table: "表1" },
  advanced: {
    label: "取证人数\n高级工及以上取证人数",
    name: "高级工及以上取证人数",
    unit: "人",
    table: "表2",
  },
  nonadvanced: {
    label: "非高级工及以上取证人数",
    name: "非高级工及以上取证人数",
    unit: "人",
    table: "表3",
  },
  onex: { label: "1+X证书取证人数", name: "1+X证书取证人数", unit: "人", table: "表4" },
};

export const FIELD_NAMES: Readonly<Record<FieldKey, string>> = {
  target: "年度任务",
  month: "当月完成",
  cumulative: "累计已完成",
  rate: "累计完成率",
};

/** A header cell as the plan prints it: 年度任务（人次）, 累计完成率（%）. */
export function fieldHeader(field: FieldKey, section: SectionKey): string {
  return `${FIELD_NAMES[field]}（${field === "rate" ? "%" : SECTIONS[section].unit}）`;
}

/** The other labels of the form. */
export const FORM_LABELS = {
  title: "“人人持证、技能河南”建设工作任务进度月报表",
  unit: "填报单位（公章）：",
  progress: "工作进度",
  filer: "填报人（签字）：",
  head: "填报单位负责人（签字）：",
  date: "填报时间：",
} as const;

/** Monthly reports are due by the 27th (the plan: 于每月27日前). */
export const DUE_DAY = 27;
