import { apportion } from "./apportion";
import { exactQuota, quota } from "./quota";
import { DEFAULT_FLOORS, FLOOR_LABELS, FLOOR_NAMES, FloorName, Floors } from "./floors";
import { formatRate } from "./rate";
import { DEFAULT_RATES, Rates } from "./rates";
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

/** Builds 表1–表4 from graduate counts, with the plan's rounding and 合计 rows. */
export function buildQuotaTables(
  colleges: readonly College[],
  options: QuotaOptions = {}
): QuotaTables {
  const rates = options.rates ?? DEFAULT_RATES;
  const floors = options.floors ?? DEFAULT_FLOORS;
  const totalsMode = options.totals ?? "published";
  const excludeKeys = new Set((options.onexExclude ?? PLAN_2022_ONEX_EXCLUDE).map(normalizeLabel));
  const inOnex = colleges.map((c) => !excludeKeys.has(normalizeLabel(c.name)));
  const onexExcluded = colleges.filter((_, i) => !inOnex[i]).map((c) => c.name);

  const graduates = colleges.map(
    (c) => c.undergraduate + c.higherVocational + c.secondaryVocational
  );
  const school = {
    undergraduate: sum(colleges.map((c) => c.undergraduate)),
    higherVocational: sum(colleges.map((c) => c.higherVocational)),
    secondaryVocational: sum(colleges.map((c) => c.secondaryVocational)),
    graduates: sum(graduates),
  };

  const trainingExact = graduates.map((g) => exactQuota([[g, rates.training]]));
  const advancedExact = colleges.map((c) => exactQuota([[c.higherVocational, rates.advanced]]));
  const nonadvancedExact = colleges.map((c) =>
    exactQuota([
      [c.secondaryVocational, rates.intermediate],
      [c.undergraduate, rates.undergraduate],
    ])
  );
  const trainingFormula = quota([school.graduates, rates.training]);
  const advancedFormula = quota([school.higherVocational, rates.advanced]);
  const nonadvancedFormula = quota(
    [school.secondaryVocational, rates.intermediate],
    [school.undergraduate, rates.undergraduate]
  );

  const rounded = (exact: typeof trainingExact) => exact.map((d) => quota([1, d]));
  const apportioned = totalsMode === "apportion";
  const training = apportioned ? apportion(trainingFormula, trainingExact) : rounded(trainingExact);
  const advanced = apportioned ? apportion(advancedFormula, advancedExact) : rounded(advancedExact);
  const nonadvanced = apportioned
    ? apportion(nonadvancedFormula, nonadvancedExact)
    : rounded(nonadvancedExact);

  const intermediate = colleges.map((c) => quota([c.secondaryVocational, rates.intermediate]));
  const onexBase = colleges.map((_, i) => (inOnex[i] ? advanced[i]! + intermediate[i]! : 0));
  const onexExact = onexBase.map((b) => exactQuota([[b, rates.onex]]));
  const onexHigher = sum(advanced.filter((_, i) => inOnex[i]));
  const onexSecondary = sum(intermediate.filter((_, i) => inOnex[i]));
  const onexFormula = quota([onexHigher + onexSecondary, rates.onex]);
  const onexIncluded = apportioned
    ? apportion(
        onexFormula,
        onexExact.filter((_, i) => inOnex[i])
      )
    : rounded(onexExact.filter((_, i) => inOnex[i]));
  let next = 0;
  const onex = inOnex.map((included) => (included ? onexIncluded[next++]! : null));

  const rows: CollegeQuota[] = colleges.map((c, i) => ({
    college: c.name,
    counts: {
      undergraduate: c.undergraduate,
      higherVocational: c.higherVocational,
      secondaryVocational: c.secondaryVocational,
    },
    graduates: graduates[i]!,
    training: training[i]!,
    advanced: advanced[i]!,
    nonadvanced: nonadvanced[i]!,
    intermediate: intermediate[i]!,
    onexBase: inOnex[i] ? onexBase[i]! : null,
    onex: onex[i]!,
  }));

  const checks: TotalCheck[] = [
    {
      table: "表1",
      label: "培训任务",
      formula: trainingFormula,
      sumOfRows: sum(training),
      shown: trainingFormula,
    },
    {
      table: "表2",
      label: "高级工及以上取证任务",
      formula: advancedFormula,
      sumOfRows: sum(advanced),
      shown: sum(advanced),
    },
    {
      table: "表3",
      label: "非高级工及以上取证任务",
      formula: nonadvancedFormula,
      sumOfRows: sum(nonadvanced),
      shown: sum(nonadvanced),
    },
    {
      table: "表4",
      label: "1+X证书取证任务",
      formula: onexFormula,
      sumOfRows: sum(onexIncluded),
      shown: onexFormula,
    },
  ];

  const totals: QuotaTotals = {
    ...school,
    training: checks[0]!.shown,
    advanced: checks[1]!.shown,
    nonadvanced: checks[2]!.shown,
    certificates: checks[1]!.shown + checks[2]!.shown,
    onexHigher,
    onexSecondary,
    onexBase: onexHigher + onexSecondary,
    onex: checks[3]!.shown,
  };

  const actual: Record<FloorName, number> = {
    training: totals.training,
    advanced: totals.advanced,
    certificates: totals.certificates,
    onex: totals.onex,
  };
  const floorChecks: FloorCheck[] = FLOOR_NAMES.map((name) => ({
    name,
    label: FLOOR_LABELS[name],
    required: floors[name],
    actual: actual[name],
    ok: actual[name] >= floors[name],
  }));

  const notes = describe(checks, floorChecks, rates, onexExcluded, totalsMode);
  return { rates, floors, totalsMode, onexExcluded, rows, totals, checks, floorChecks, notes };
}

function describe(
  checks: readonly TotalCheck[],
  floorChecks: readonly FloorCheck[],
  rates: Rates,
  onexExcluded: readonly string[],
  totalsMode: TotalsMode
): Note[] {
  const notes: Note[] = [];
  const rateOf: Record<TotalCheck["table"], string> = {
    表1: formatRate(rates.training),
    表2: formatRate(rates.advanced),
    表3: `${formatRate(rates.intermediate)}（中职）与 ${formatRate(rates.undergraduate)}（本科）`,
    表4: formatRate(rates.onex),
  };
  for (const check of checks) {
    if (check.formula === check.sumOfRows) continue;
    if (check.shown !== check.sumOfRows) {
      notes.push({
        level: "warning",
        code: "total-not-sum",
        message: `${check.table} ${check.label}合计 ${check.shown} 按全校人数 × ${rateOf[check.table]} 计算，各学院之和为 ${check.sumOfRows}，相差 ${check.sumOfRows - check.shown}。`,
      });
    } else {
      notes.push({
        level: "info",
        code: "total-formula-differs",
        message: `${check.table} ${check.label}合计 ${check.shown} 为各学院之和；按全校人数 × ${rateOf[check.table]} 计算则为 ${check.formula}。`,
      });
    }
  }
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
  for (const f of floorChecks) {
    notes.push(
      f.ok
        ? {
            level: "info",
            code: "floor-met",
            message: `${f.label}：${f.actual}，不低于省定最低任务 ${f.required}。`,
          }
        : {
            level: "warning",
            code: "floor-missed",
            message: `${f.label}：${f.actual}，低于省定最低任务 ${f.required}，差 ${f.required - f.actual}。`,
          }
    );
  }
  return notes;
}
