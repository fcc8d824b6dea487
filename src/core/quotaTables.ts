import { apportion } from "./apportion";
import type { Decimal } from "./decimal";
import { exactQuota, quota } from "./quota";
import { DEFAULT_FLOORS, FLOOR_LABELS, FLOOR_NAMES, FloorName, Floors } from "./floors";
import { DEFAULT_RATES, Rates, formatRate } from "./rates";
import { normalizeLabel } from "./text";

export interface GraduateCounts {
  readonly undergraduate: number;
  readonly higherVocational: number;
  readonly secondaryVocational: number;
}

export interface College extends GraduateCounts {
  readonly name: string;
}

/** One college's row across 表1–表4. */
export interface CollegeQuota {
  readonly college: string;
  readonly counts: GraduateCounts;
  /** 表1 合计: all graduates. */
  readonly graduates: number;
  /** 表1 培训任务. */
  readonly training: number;
  /** 表2 高级工及以上取证任务. */
  readonly advanced: number;
  /** 表3 非高级工及以上取证任务. */
  readonly nonadvanced: number;
  /** 表4 中职人数: the 中职 graduates expected to reach 中级工. */
  readonly intermediate: number;
  /** 表4 合计 (高职人数 + 中职人数), null when the college is left out of 表4. */
  readonly onexBase: number | null;
  /** 表4 1+X证书取证任务, null when the college is left out of 表4. */
  readonly onex: number | null;
}

export interface QuotaTotals extends GraduateCounts {
  readonly graduates: number;
  readonly training: number;
  readonly advanced: number;
  readonly nonadvanced: number;
  /** 表2 + 表3: all 职业技能等级证书. */
  readonly certificates: number;
  /** 表4 高职人数 合计. */
  readonly onexHigher: number;
  /** 表4 中职人数 合计. */
  readonly onexSecondary: number;
  readonly onexBase: number;
  readonly onex: number;
}

export type NoteLevel = "warning" | "info";

export interface Note {
  readonly level: NoteLevel;
  readonly code: string;
  readonly message: string;
}

export interface FloorCheck {
  readonly name: FloorName;
  readonly label: string;
  readonly required: number;
  readonly actual: number;
  readonly ok: boolean;
}

/**
 * How a table's 合计 and its college rows relate. `published`: as the 2022 plan prints them
 * (表1 and 表4 round the school-wide figure, 表2 and 表3 add up the rows). `apportion`: the 合计 is
 * the school-wide figure and the college quotas are apportioned by largest remainder to add up to it.
 */
export type TotalsMode = "published" | "apportion";

export interface QuotaOptions {
  readonly rates?: Rates;
  readonly floors?: Floors;
  /** Colleges left out of 表4, by name (the 2022 plan leaves out 职业教育学院). */
  readonly onexExclude?: readonly string[];
  readonly totals?: TotalsMode;
}

export interface QuotaTables {
  readonly rates: Rates;
  readonly floors: Floors;
  readonly totalsMode: TotalsMode;
  readonly onexExcluded: readonly string[];
  readonly rows: readonly CollegeQuota[];
  readonly totals: QuotaTotals;
  /** What the school-wide formula gives for each table, beside the sum of the college rows. */
  readonly checks: readonly TotalCheck[];
  readonly floorChecks: readonly FloorCheck[];
  readonly notes: readonly Note[];
}

export interface TotalCheck {
  readonly table: "表1" | "表2" | "表3" | "表4";
  readonly label: string;
  /** round(rate × school-wide base). */
  readonly formula: number;
  /** Σ of the college rows. */
  readonly sumOfRows: number;
  /** The 合计 the table shows. */
  readonly shown: number;
}

export const PLAN_2022_ONEX_EXCLUDE: readonly string[] = ["职业教育学院"];

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** A table's college quotas: each rounded alone (published), or apportioned to the school-wide 合计. */
type Distribute = (schoolWide: number, exact: readonly Decimal[]) => number[];

const distributor =
  (mode: TotalsMode): Distribute =>
  (schoolWide, exact) =>
    mode === "apportion" ? apportion(schoolWide, exact) : exact.map((d) => quota([1, d]));

/** Builds 表1–表4 from graduate counts, with the plan's rounding and 合计 rows. */
export function buildQuotaTables(
  colleges: readonly College[],
  options: QuotaOptions = {}
): QuotaTables {
  const rates = options.rates ?? DEFAULT_RATES;
  const floors = options.floors ?? DEFAULT_FLOORS;
  const totalsMode = options.totals ?? "published";
  const inOnex = onexMembership(colleges, options.onexExclude ?? PLAN_2022_ONEX_EXCLUDE);
  const onexExcluded = colleges.filter((_, i) => !inOnex[i]).map((c) => c.name);
  const distribute = distributor(totalsMode);
  const certificates = certificateQuotas(colleges, rates, distribute);
  const onex = onexQuotas(colleges, inOnex, certificates.advanced, rates, distribute);
  const rows = collegeRows(colleges, certificates, onex);
  const checks = totalChecks(certificates, onex);
  const totals = quotaTotals(schoolCounts(colleges), checks, onex);
  const floorChecks = checkFloors(totals, floors);
  const notes = describe(checks, floorChecks, rates, onexExcluded, totalsMode);
  return { rates, floors, totalsMode, onexExcluded, rows, totals, checks, floorChecks, notes };
}

/** Whether each college is in 表4 (its name not among the excluded, compared as labels). */
function onexMembership(colleges: readonly College[], exclude: readonly string[]): boolean[] {
  const excludeKeys = new Set(exclude.map(normalizeLabel));
  return colleges.map((c) => !excludeKeys.has(normalizeLabel(c.name)));
}

const graduatesOf = (c: GraduateCounts): number =>
  c.undergraduate + c.higherVocational + c.secondaryVocational;

interface SchoolCounts extends GraduateCounts {
  readonly graduates: number;
}

function schoolCounts(colleges: readonly College[]): SchoolCounts {
  return {
    undergraduate: sum(colleges.map((c) => c.undergraduate)),
    higherVocational: sum(colleges.map((c) => c.higherVocational)),
    secondaryVocational: sum(colleges.map((c) => c.secondaryVocational)),
    graduates: sum(colleges.map(graduatesOf)),
  };
}

/** 表1–表3: per-college quotas and the school-wide formula of each. */
interface CertificateQuotas {
  readonly training: number[];
  readonly advanced: number[];
  readonly nonadvanced: number[];
  readonly trainingFormula: number;
  readonly advancedFormula: number;
  readonly nonadvancedFormula: number;
}

function certificateQuotas(
  colleges: readonly College[],
  rates: Rates,
  distribute: Distribute
): CertificateQuotas {
  const school = schoolCounts(colleges);
  const trainingFormula = quota([school.graduates, rates.training]);
  const advancedFormula = quota([school.higherVocational, rates.advanced]);
  const nonadvancedFormula = quota(
    [school.secondaryVocational, rates.intermediate],
    [school.undergraduate, rates.undergraduate]
  );
  const nonadvancedExact = colleges.map((c) =>
    exactQuota([
      [c.secondaryVocational, rates.intermediate],
      [c.undergraduate, rates.undergraduate],
    ])
  );
  return {
    training: distribute(
      trainingFormula,
      colleges.map((c) => exactQuota([[graduatesOf(c), rates.training]]))
    ),
    advanced: distribute(
      advancedFormula,
      colleges.map((c) => exactQuota([[c.higherVocational, rates.advanced]]))
    ),
    nonadvanced: distribute(nonadvancedFormula, nonadvancedExact),
    trainingFormula,
    advancedFormula,
    nonadvancedFormula,
  };
}

/** 表4: per-college 中职人数, base and 1+X quota (null when left out), and its 合计 figures. */
interface OnexQuotas {
  readonly intermediate: number[];
  readonly base: (number | null)[];
  readonly onex: (number | null)[];
  /** The quotas of the colleges in 表4 only. */
  readonly included: number[];
  readonly higher: number;
  readonly secondary: number;
  readonly formula: number;
}

function onexQuotas(
  colleges: readonly College[],
  inOnex: readonly boolean[],
  advanced: readonly number[],
  rates: Rates,
  distribute: Distribute
): OnexQuotas {
  const intermediate = colleges.map((c) => quota([c.secondaryVocational, rates.intermediate]));
  const base = colleges.map((_, i) => (inOnex[i] ? advanced[i]! + intermediate[i]! : null));
  const higher = sum(advanced.filter((_, i) => inOnex[i]));
  const secondary = sum(intermediate.filter((_, i) => inOnex[i]));
  const formula = quota([higher + secondary, rates.onex]);
  const exact = base
    .filter((b): b is number => b !== null)
    .map((b) => exactQuota([[b, rates.onex]]));
  const included = distribute(formula, exact);
  let next = 0;
  const onex = inOnex.map((isIn) => (isIn ? included[next++]! : null));
  return { intermediate, base, onex, included, higher, secondary, formula };
}

function collegeRows(
  colleges: readonly College[],
  quotas: CertificateQuotas,
  onex: OnexQuotas
): CollegeQuota[] {
  return colleges.map((c, i) => ({
    college: c.name,
    counts: {
      undergraduate: c.undergraduate,
      higherVocational: c.higherVocational,
      secondaryVocational: c.secondaryVocational,
    },
    graduates: graduatesOf(c),
    training: quotas.training[i]!,
    advanced: quotas.advanced[i]!,
    nonadvanced: quotas.nonadvanced[i]!,
    intermediate: onex.intermediate[i]!,
    onexBase: onex.base[i] ?? null,
    onex: onex.onex[i] ?? null,
  }));
}

/** 表1 and 表4 show the school-wide formula as 合计, 表2 and 表3 the sum of their rows. */
function totalChecks(quotas: CertificateQuotas, onex: OnexQuotas): TotalCheck[] {
  const check = (
    table: TotalCheck["table"],
    label: string,
    formula: number,
    rows: readonly number[],
    shown: "formula" | "sum"
  ): TotalCheck => ({
    table,
    label,
    formula,
    sumOfRows: sum(rows),
    shown: shown === "formula" ? formula : sum(rows),
  });
  return [
    check("表1", "培训任务", quotas.trainingFormula, quotas.training, "formula"),
    check("表2", "高级工及以上取证任务", quotas.advancedFormula, quotas.advanced, "sum"),
    check("表3", "非高级工及以上取证任务", quotas.nonadvancedFormula, quotas.nonadvanced, "sum"),
    check("表4", "1+X证书取证任务", onex.formula, onex.included, "formula"),
  ];
}

function quotaTotals(
  school: SchoolCounts,
  checks: readonly TotalCheck[],
  onex: OnexQuotas
): QuotaTotals {
  return {
    ...school,
    training: checks[0]!.shown,
    advanced: checks[1]!.shown,
    nonadvanced: checks[2]!.shown,
    certificates: checks[1]!.shown + checks[2]!.shown,
    onexHigher: onex.higher,
    onexSecondary: onex.secondary,
    onexBase: onex.higher + onex.secondary,
    onex: checks[3]!.shown,
  };
}

function checkFloors(totals: QuotaTotals, floors: Floors): FloorCheck[] {
  const actual: Record<FloorName, number> = {
    training: totals.training,
    advanced: totals.advanced,
    certificates: totals.certificates,
    onex: totals.onex,
  };
  return FLOOR_NAMES.map((name) => ({
    name,
    label: FLOOR_LABELS[name],
    required: floors[name],
    actual: actual[name],
    ok: actual[name] >= floors[name],
  }));
}

function describe(
  checks: readonly TotalCheck[],
  floorChecks: readonly FloorCheck[],
  rates: Rates,
  onexExcluded: readonly string[],
  totalsMode: TotalsMode
): Note[] {
  const notes: Note[] = checks.flatMap((check) => totalNote(check, rates) ?? []);
  if (totalsMode === "apportion") {
    notes.push({
      level: "info",
      code: "apportioned",
      message: "各学院任务按最大余额法分配，各表合计等于全校人数 × 比例，各学院之和等于合计。",
    });
  }
  if (onexExcluded.length > 0) {
    notes.push({
      level: "info",
      code: "onex-excluded",
      message: `表4 不含：${onexExcluded.join("、")}。`,
    });
  }
  return [...notes, ...floorChecks.map(floorNote)];
}

/** How a table's 合计 differs from its school-wide formula or its rows; null when all agree. */
function totalNote(check: TotalCheck, rates: Rates): Note | null {
  if (check.formula === check.sumOfRows) return null;
  const rateOf: Record<TotalCheck["table"], string> = {
    表1: formatRate(rates.training),
    表2: formatRate(rates.advanced),
    表3: `${formatRate(rates.intermediate)}（中职）与 ${formatRate(rates.undergraduate)}（本科）`,
    表4: formatRate(rates.onex),
  };
  const rate = rateOf[check.table];
  if (check.shown !== check.sumOfRows) {
    return {
      level: "warning",
      code: "total-not-sum",
      message: `${check.table} ${check.label}合计 ${check.shown} 按全校人数 × ${rate} 计算，各学院之和为 ${check.sumOfRows}，相差 ${check.sumOfRows - check.shown}。`,
    };
  }
  return {
    level: "info",
    code: "total-formula-differs",
    message: `${check.table} ${check.label}合计 ${check.shown} 为各学院之和；按全校人数 × ${rate} 计算则为 ${check.formula}。`,
  };
}

function floorNote(f: FloorCheck): Note {
  return f.ok
    ? {
        level: "info",
        code: "floor-met",
        message: `${f.label}：${f.actual}，不低于省定最低任务 ${f.required}。`,
      }
    : {
        level: "warning",
        code: "floor-missed",
        message: `${f.label}：${f.actual}，低于省定最低任务 ${f.required}，差 ${f.required - f.actual}。`,
      };
}
