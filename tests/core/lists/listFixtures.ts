/* Small builders for list sheets and forms, for the lists' tests. */
import type { CellValue, Grid } from "../../../src/core/grid";
import type { ReconciledForm } from "../../../src/core/lists/reconcileLists";
import { SECTION_KEYS, SectionKey } from "../../../src/core/report/reportLayout";

export const TRAINING_HEADER = [
  "序号",
  "学号",
  "姓名",
  "专业",
  "年级",
  "学历层次",
  "培训项目",
  "培训形式",
  "培训日期",
];
export const CERT_HEADER = [
  "序号",
  "学号",
  "姓名",
  "专业",
  "年级",
  "学历层次",
  "证书类型",
  "证书名称或职业（工种）",
  "等级",
  "证书编号",
  "发证日期",
  "身份证号",
];

export function sheet(name: string, rows: CellValue[][]): Grid {
  return { name, rows };
}

/** A 培训名单 with a title row: header on row 2, data from row 3. */
export function trainingSheet(rows: CellValue[][], name = "培训名单"): Grid {
  return sheet(name, [["经济管理学院2022年6月培训名单"], TRAINING_HEADER, ...rows]);
}

/** A 取证名单 with a title row: header on row 2, data from row 3 (columns A–L). */
export function certificateSheet(rows: CellValue[][], name = "取证名单"): Grid {
  return sheet(name, [["经济管理学院2022年6月取证名单"], CERT_HEADER, ...rows]);
}

let seq = 0;
/** 学号, 年级, 学历层次, 证书类型, 等级, 证书编号, 发证日期 (the rest filled in). */
export function cert(
  studentId: string,
  grade: CellValue,
  education: string,
  type: string,
  rank: string,
  number: string,
  date: CellValue,
  idNumber: CellValue = null
): CellValue[] {
  return [
    ++seq,
    studentId,
    "张三",
    "会计",
    grade,
    education,
    type,
    "会计",
    rank,
    number,
    date,
    idNumber,
  ];
}

/** 学号, 年级, 学历层次, 项目, 形式, 日期. */
export function training(
  studentId: string,
  grade: CellValue,
  education: string,
  project: string,
  form: string,
  date: CellValue
): CellValue[] {
  return [++seq, studentId, "李四", "会计", grade, education, project, form, date];
}

/** A parsed 附件6 with 当月完成 / 累计已完成 per section (columns C and D, rows 5, 7, 9, 11). */
export function form(
  college: string,
  month: string,
  values: Partial<Record<SectionKey, [number | null, number | null]>>
): ReconciledForm {
  const sections = {} as Record<SectionKey, ReconciledForm["sections"][SectionKey]>;
  SECTION_KEYS.forEach((key, i) => {
    const row = 5 + i * 2;
    const [m, c] = values[key] ?? [0, 0];
    sections[key] = {
      key,
      found: true,
      target: 100,
      month: m,
      cumulative: c,
      rate: null,
      cells: {
        label: `A${row - 1}`,
        target: `B${row}`,
        month: `C${row}`,
        cumulative: `D${row}`,
        rate: `E${row}`,
      },
    };
  });
  return { sheet: "附件6", college, month, sections };
}

/** Findings as "code@sheet!cell", for exact comparison. */
export const placed = (fs: readonly { code: string; sheet: string; cell: string | null }[]) =>
  fs.map((f) => `${f.code}@${f.sheet}!${f.cell ?? "-"}`);
