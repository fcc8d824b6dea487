import type { CellValue } from "../grid";
import { SECTIONS, SECTION_KEYS, SectionKey } from "../report/reportLayout";
import { maskIdNumber, maskName } from "./idNumber";
import { LIST_LAYOUTS, ListKind } from "./listLayout";
import { ListLedger, ListSource } from "./listLedger";
import type { CertificateRow, ListRow } from "./listRow";
import { readChoice } from "./readListCell";
import {
  EDUCATION_VALUES,
  FORM_VALUES,
  ONEX_RANK_VALUES,
  RANK_VALUES,
  TYPE_VALUES,
} from "./listLayout";

/** The columns of the master's 名单台账: one row per list row; names and 身份证号 masked, the ID as a keyed hash. */
export const LEDGER_HEADERS = [
  "学院",
  "报表月份",
  "名单",
  "工作表",
  "行",
  "学号",
  "姓名（脱敏）",
  "身份证号（脱敏）",
  "身份证号摘要",
  "年级",
  "学历层次",
  "培训项目或证书名称",
  "培训形式或证书类型",
  "等级",
  "证书编号",
  "日期",
  "计入",
  "学号列",
  "证书编号列",
] as const;

const reverse = <T>(map: Readonly<Record<string, T>>) => {
  const out = new Map<T, string>();
  for (const [text, value] of Object.entries(map)) if (!out.has(value)) out.set(value, text);
  return out;
};
const EDUCATION_TEXT = new Map([
  ["undergraduate", "本科"],
  ["junior", "高职（专科）"],
  ["secondary", "中职（中专）"],
]);
const FORM_TEXT = new Map([
  ["course", "培训"],
  ["lecture", "专家讲座"],
]);
const TYPE_TEXT = new Map([
  ["skill", "职业技能等级证书"],
  ["onex", "1+X证书"],
  ["qualification", "职业资格证书"],
  ["special", "专项职业能力证书"],
]);
const RANK_TEXT = reverse(RANK_VALUES);
const ONEX_RANK_TEXT = reverse(ONEX_RANK_VALUES);
const SECTION_OF_NAME = new Map(SECTION_KEYS.map((k) => [SECTIONS[k].name, k]));

/** A list row as a 名单台账 row. */
export function ledgerRow(
  source: ListSource,
  row: ListRow,
  sections: readonly SectionKey[],
  idHash: string | null
): CellValue[] {
  const cert = row.kind === "certificate" ? row : null;
  const training = row.kind === "training" ? row : null;
  const rank = cert?.rank
    ? (cert.type === "onex" ? ONEX_RANK_TEXT : RANK_TEXT).get(cert.rank)
    : null;
  const what = cert?.type
    ? TYPE_TEXT.get(cert.type)!
    : training?.form
      ? FORM_TEXT.get(training.form)!
      : null;
  return [
    source.college,
    source.month,
    LIST_LAYOUTS[row.kind].sheet,
    source.sheet,
    row.row + 1,
    row.studentId,
    maskName(row.name),
    cert?.idNumber ? maskIdNumber(cert.idNumber) : null,
    idHash,
    row.grade,
    row.education ? EDUCATION_TEXT.get(row.education)! : null,
    cert ? cert.title : training!.project,
    what,
    rank ?? null,
    cert ? cert.number : null,
    row.date,
    sections.map((s) => SECTIONS[s].name).join("、"),
    source.studentColumn,
    source.numberColumn,
  ];
}

const text = (v: CellValue | undefined) => (v === null || v === undefined ? "" : String(v).trim());
const choice = <T>(v: CellValue | undefined, map: Readonly<Record<string, T>>): T | null => {
  const r = readChoice(v ?? null, map);
  return r.kind === "ok" ? r.value : null;
};

/** A 名单台账 row back as source, row, sections and hash. */
export function readLedgerRow(cells: readonly CellValue[]): {
  source: ListSource;
  row: ListRow;
  sections: SectionKey[];
  idHash: string | null;
} {
  const c = (i: number) => cells[i];
  const kind: ListKind = text(c(2)) === LIST_LAYOUTS.certificate.sheet ? "certificate" : "training";
  const source: ListSource = {
    college: text(c(0)),
    month: text(c(1)),
    sheet: text(c(3)),
    kind,
    studentColumn: Number(c(17) ?? 0),
    numberColumn: Number(c(18) ?? 0),
  };
  const base = {
    row: Number(c(4)) - 1,
    studentId: text(c(5)),
    name: text(c(6)),
    major: "",
    grade: c(9) === null || c(9) === undefined || text(c(9)) === "" ? null : Number(c(9)),
    education: choice(c(10), EDUCATION_VALUES),
    date: text(c(15)) || null,
  };
  const sections = text(c(16))
    .split("、")
    .flatMap((n) => (SECTION_OF_NAME.has(n) ? [SECTION_OF_NAME.get(n)!] : []));
  const idHash = text(c(8)) || null;
  if (kind === "training") {
    const row: ListRow = { kind, ...base, project: text(c(11)), form: choice(c(12), FORM_VALUES) };
    return { source, row, sections, idHash };
  }
  const type = choice(c(12), TYPE_VALUES);
  const row: CertificateRow = {
    kind,
    ...base,
    type,
    title: text(c(11)),
    rank: choice(c(13), type === "onex" ? ONEX_RANK_VALUES : RANK_VALUES),
    number: text(c(14)),
    idNumber: null,
  };
  return { source, row, sections, idHash };
}

/**
 * The master's ledger from its 名单台账 rows (header row excluded). `skip` leaves out the rows of a
 * college's month, e.g. when that month's report is handed in again and replaces the earlier one.
 */
export function loadLedger(
  rows: Iterable<readonly CellValue[]>,
  skip?: (college: string, month: string) => boolean
): ListLedger {
  const ledger = new ListLedger();
  for (const cells of rows) {
    if (!cells || text(cells[0]) === "") continue;
    const { source, row, sections, idHash } = readLedgerRow(cells);
    if (skip?.(source.college, source.month)) continue;
    ledger.add(ledger.source(source), row, sections, idHash);
  }
  return ledger;
}
