import type { Grid } from "../../core/grid";
import { QUOTA_SHEETS } from "../../core/quotaWorkbook";
import { loadUsed, usedGrid } from "./usedGrid";

const TABLE_SHEETS = [
  QUOTA_SHEETS.table1,
  QUOTA_SHEETS.table2,
  QUOTA_SHEETS.table3,
  QUOTA_SHEETS.table4,
];

/** Queues the loads of 表1–表4 when this workbook holds them (the 教务处's master does); read after the sync. */
export function loadQuotaSheets(context: Excel.RequestContext): () => Grid[] {
  const used = TABLE_SHEETS.map((name) => ({
    name,
    range: loadUsed(context.workbook.worksheets.getItemOrNullObject(name) as Excel.Worksheet),
  }));
  return () =>
    used.map(({ name, range }) => usedGrid(name, range)).filter((g) => g.rows.length > 0);
}
