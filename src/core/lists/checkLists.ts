import { CellValue, Grid, parseAddress } from "../grid";
import { YearMonth, formatMonth } from "../report/reportMonth";
import { certificateSections } from "./certificateSections";
import { checkEligibility } from "./checkEligibility";
import type { IdHasher } from "./idHasher";
import { ledgerRow } from "./ledgerRows";
import { ListFinding, listFinding } from "./listFinding";
import { LIST_LAYOUTS, ListKind } from "./listLayout";
import { ListLedger, ListSource } from "./listLedger";
import type { ListRow } from "./listRow";
import { DEFAULT_LIST_SETTINGS, ListSettings } from "./listSettings";
import { ListLocation, locateList } from "./locateList";
import { parseList } from "./parseList";

export interface ListCheckOptions {
  /** 填报单位 of the report (the form's college). */
  readonly college: string;
  /** The report month. */
  readonly month: YearMonth;
  readonly settings?: ListSettings;
  /** Keyed hash of 身份证号 (see makeIdHasher); without it 身份证号 is not used to match persons. */
  readonly hasher?: IdHasher | null;
  /** Receives each row as a 名单台账 row (LEDGER_HEADERS), for the master; nothing is kept here. */
  readonly onLedgerRow?: (cells: CellValue[]) => void;
}

export interface ListCheck {
  readonly locations: readonly ListLocation[];
  /** Which lists the workbook has. */
  readonly present: Readonly<Record<ListKind, boolean>>;
  /** Layout, row, eligibility and within-report duplicate findings, each with sheet and cell. */
  readonly findings: readonly ListFinding[];
  /** This report's keys and counts, for reconcileLists, crossCheck and mergeLedger. */
  readonly ledger: ListLedger;
  readonly rows: number;
}

/** A row counts when dated in the plan year up to the report month (other dates are errors). */
const counts = (date: string | null, month: YearMonth) =>
  date !== null && Number(date.slice(0, 4)) === month.year && date.slice(0, 7) <= monthText(month);

const monthText = formatMonth;

/**
 * Finds 培训名单 and 取证名单 among a workbook's sheets and reads them row by row: fields, values,
 * eligibility, duplicates within the report, and the counts per section. The form is not needed
 * here; reconcile with reconcileLists, then crossCheck / mergeLedger against the master.
 */
export function checkLists(grids: readonly Grid[], options: ListCheckOptions): ListCheck {
  const settings = options.settings ?? DEFAULT_LIST_SETTINGS;
  const ledger = new ListLedger();
  const findings: ListFinding[] = [];
  const locations: ListLocation[] = [];
  const present = { training: false, certificate: false };
  let rows = 0;
  for (const grid of grids) {
    const location = locateList(grid);
    if (!location) continue; // every sheet holding a list is read: a list split over two sheets counts whole
    present[location.kind] = true;
    locations.push(location);
    findings.push(...location.findings);
    const source = sourceOf(options, location);
    const sourceId = ledger.source(source);
    const visit = (row: ListRow) => {
      rows++;
      findings.push(...checkEligibility(row, location, options.month, settings));
      const sections = !counts(row.date, options.month)
        ? []
        : row.kind === "training"
          ? (["training"] as const)
          : certificateSections(row, settings);
      const idHash =
        row.kind === "certificate" && row.idNumber && options.hasher
          ? options.hasher(row.idNumber)
          : null;
      findings.push(...ledger.add(sourceId, row, sections, idHash));
      options.onLedgerRow?.(ledgerRow(source, row, sections, idHash));
    };
    findings.push(...parseList(grid, location, visit));
  }
  for (const kind of ["training", "certificate"] as const)
    if (!present[kind])
      findings.push(
        listFinding(
          "list-missing",
          LIST_LAYOUTS[kind].sheet,
          null,
          `工作簿中没有“${LIST_LAYOUTS[kind].sheet}”（支撑材料），无法核对人数`
        )
      );
  return { locations, present, findings: sortFindings(findings), ledger, rows };
}

function sourceOf(options: ListCheckOptions, location: ListLocation): ListSource {
  return {
    college: options.college,
    month: monthText(options.month),
    sheet: location.sheet,
    kind: location.kind,
    studentColumn: location.columns.studentId ?? 0,
    numberColumn: location.columns.number ?? location.columns.studentId ?? 0,
  };
}

/** Findings in sheet order, then by row, then by column, so a reader can follow the sheet. */
function sortFindings(findings: ListFinding[]): ListFinding[] {
  const place = (f: ListFinding) => {
    if (f.cell === null) return -1;
    const { row, column } = parseAddress(f.cell);
    return row * 16_384 + column;
  };
  if (findings.length < 2) return findings;
  const sheets = new Map<string, number>();
  for (const f of findings) if (!sheets.has(f.sheet)) sheets.set(f.sheet, sheets.size);
  // Each finding's sheet and place worked out once, not in every comparison.
  return findings
    .map((f, i) => ({ f, i, sheet: sheets.get(f.sheet)!, place: place(f) }))
    .sort((a, b) => a.sheet - b.sheet || a.place - b.place || a.i - b.i)
    .map((x) => x.f);
}
