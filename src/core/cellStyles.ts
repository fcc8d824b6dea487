import type { CellStyleName } from "./workbookModel";

/** How a named style looks, independent of the host: both adapters render from this one table. */
export interface CellLook {
  readonly size: number;
  readonly bold?: boolean;
  /** Font colour, RRGGBB. */
  readonly color?: string;
  /** Fill colour, RRGGBB. */
  readonly fill?: string;
  readonly align?: "left" | "center" | "right";
  readonly wrap?: boolean;
  readonly border?: boolean;
  readonly numberFormat?: string;
}

export const FONT_NAME = "Microsoft YaHei";
export const BORDER_COLOR = "808080";

export const CELL_STYLES: Readonly<Record<CellStyleName, CellLook>> = {
  title: { size: 14, bold: true, align: "center", wrap: true },
  header: { size: 11, bold: true, align: "center", wrap: true, fill: "E7F0E9", border: true },
  text: { size: 11, border: true, wrap: true },
  integer: { size: 11, align: "right", border: true, numberFormat: "0" },
  percent: { size: 11, align: "right", border: true, numberFormat: "0.00%" },
  total: { size: 11, bold: true, align: "right", border: true, numberFormat: "0" },
  totalText: { size: 11, bold: true, align: "center", border: true, wrap: true },
  note: { size: 10, color: "404040", wrap: true },
  warning: { size: 10, bold: true, color: "C00000", wrap: true },
  formLabel: { size: 11, align: "center", wrap: true, border: true },
  formInput: { size: 11, align: "center", border: true, numberFormat: "0" },
  formPercent: { size: 11, align: "center", border: true, numberFormat: "0.00" },
  formText: { size: 11, wrap: true },
};
