import { Grid, cellAddress, cellAt, cellInfo, cellText } from "../grid";
import type { LabeledValue, ReportLocation, SectionLocation } from "./locateReport";
import type { MonthlyReport, SectionReport } from "./monthlyReport";
import { cleanCollegeName } from "./quotaLookup";
import { ratePercent } from "./rateMatches";
import { CountFacts, CountReading, readCount } from "./readCount";
import { recomputeFormula } from "./recomputeFormula";
import { CalendarDate, DateReading, isoDate, readFilingDate } from "./readFilingDate";
import { RateReading, readRate } from "./readRate";
import { FIELD_KEYS, FieldKey, SECTION_KEYS, SectionKey } from "./reportLayout";
import { MonthChoice, YearMonth, findReportMonth, formatMonth } from "./reportMonth";

export type CountField = Exclude<FieldKey, "rate">;

export interface ReadOptions {
  /** The file's name, for the report month. */
  readonly fileName?: string | null;
  /** The month the user chose. */
  readonly month?: YearMonth | null;
}

/** The report and the raw readings the rules look at. */
export interface ReportReading {
  readonly location: ReportLocation;
  readonly report: MonthlyReport;
  readonly counts: Readonly<Record<SectionKey, Readonly<Record<CountField, CountReading>>>>;
  readonly rates: Readonly<Record<SectionKey, RateReading>>;
  readonly date: DateReading;
  readonly monthChoice: MonthChoice;
}

const text = (v: LabeledValue): string | null => {
  const joined = v.values.map(cellText).join("").trim();
  return joined === "" ? null : joined;
};

/** The cell facts a count is judged with: formula, number format, the file's recalculation flag. */
function countFacts(grid: Grid, row: number, column: number): CountFacts {
  return {
    info: cellInfo(grid, row, column),
    calcOnLoad: grid.calcOnLoad ?? false,
    recompute: (formula) => recomputeFormula(grid, formula),
  };
}

const countValue = (r: CountReading): number | null => (r.kind === "count" ? r.value : null);

/** Reads the values of a located form: numbers per section, 填报单位, 填报人, 负责人, 填报时间 and the month. */
export function readReport(
  grid: Grid,
  location: ReportLocation,
  options: ReadOptions = {}
): ReportReading {
  const counts = {} as Record<SectionKey, Record<CountField, CountReading>>;
  const rates = {} as Record<SectionKey, RateReading>;
  const sections = {} as Record<SectionKey, SectionReport>;
  for (const key of SECTION_KEYS) {
    const read = readSection(grid, location.sections[key]);
    counts[key] = read.counts;
    rates[key] = read.rate;
    sections[key] = read.section;
  }
  const date = readFilingDate(location.date.values);
  const filedOn: CalendarDate | null = date.kind === "date" ? date.date : null;
  const monthChoice = findReportMonth({
    option: options.month ?? null,
    sheetName: grid.name,
    title: location.title?.text ?? null,
    fileName: options.fileName ?? null,
    filedOn,
  });
  const college = text(location.unit);
  const report: MonthlyReport = {
    sheet: grid.name,
    college: college === null ? null : cleanCollegeName(college) || null,
    collegeCell: location.unit.cell,
    month: monthChoice.month ? formatMonth(monthChoice.month) : null,
    monthSource: monthChoice.source,
    filedOn: filedOn ? isoDate(filedOn) : null,
    filedOnCell: location.date.cell,
    filer: text(location.filer),
    filerCell: location.filer.cell,
    head: text(location.head),
    headCell: location.head.cell,
    sections,
  };
  return { location, report, counts, rates, date, monthChoice };
}

/** One section's raw readings and the figures they give; a section not found reads as empty. */
function readSection(
  grid: Grid,
  s: SectionLocation
): { counts: Record<CountField, CountReading>; rate: RateReading; section: SectionReport } {
  const cells = { label: s.labelCell } as Record<FieldKey | "label", string>;
  for (const f of FIELD_KEYS) cells[f] = cellAddress(s.valueRow, s.columns[f]);
  const read = (f: FieldKey) => (s.found ? cellAt(grid, s.valueRow, s.columns[f]) : null);
  const readField = (f: CountField) =>
    readCount(read(f), s.found ? countFacts(grid, s.valueRow, s.columns[f]) : {});
  const counts = {
    target: readField("target"),
    month: readField("month"),
    cumulative: readField("cumulative"),
  };
  const rate = readRate(read("rate"));
  const target = countValue(counts.target);
  // A zero target needs nothing else written: an empty 当月完成 or 累计已完成 is 0.
  const count = (f: "month" | "cumulative") =>
    target === 0 && counts[f].kind === "empty" ? 0 : countValue(counts[f]);
  const month = count("month");
  const cumulative = count("cumulative");
  const section: SectionReport = {
    key: s.key,
    found: s.found,
    target,
    month,
    cumulative,
    rate: rate.kind === "rate" ? ratePercent(rate.value, rate.percent, cumulative, target) : null,
    cells,
  };
  return { counts, rate, section };
}
