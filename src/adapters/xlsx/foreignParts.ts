import { InputError } from "../../core/errors";
import { zipEntryNames } from "./zipEntryNames";

/** Parts of an .xlsx that exceljs does not carry through a load and save as they were. */
const DROPPED: readonly [RegExp, string][] = [
  [/^xl\/charts\//i, "图表"],
  [/^xl\/chartsheets\//i, "图表工作表"],
  [/^xl\/drawings\//i, "绘图（图表、图片、形状）"],
  [/^xl\/media\//i, "图片"],
  [/^xl\/(comments|threadedComments\/|persons\/)/i, "批注"],
  [/^xl\/pivot(Tables|Cache)\//i, "数据透视表"],
  [/^xl\/vbaProject\.bin$/i, "宏（VBA）"],
  [/^xl\/(activeX|ctrlProps)\//i, "控件"],
  [/^xl\/embeddings\//i, "嵌入对象"],
  [/^xl\/externalLinks\//i, "外部链接"],
  [/^xl\/(slicers|slicerCaches|timelines|timelineCaches)\//i, "切片器或日程表"],
  [/^xl\/(connections\.xml|queryTables\/|model\/)/i, "数据连接或查询"],
  [/^xl\/(richData|dialogsheets|macrosheets)\//i, "其他 Excel 特有内容"],
  [/^customXml\//i, "自定义 XML"],
];

/**
 * The kinds of content in the workbook's bytes that a roll-up written with exceljs would lose;
 * `ours` names the parts that are this tool's own (its charts, put back after the write).
 */
export function droppedContent(bytes: Uint8Array, ours: ReadonlySet<string> = new Set()): string[] {
  const names = zipEntryNames(bytes);
  if (names === null) return ["无法列出的内容（ZIP 目录无法读取）"];
  const kinds = new Set<string>();
  for (const name of names.filter((n) => !n.endsWith("/") && !ours.has(n)))
    for (const [pattern, kind] of DROPPED) if (pattern.test(name)) kinds.add(kind);
  return [...kinds];
}

/**
 * Refuses, before anything is written, to roll up into a master holding what the write would
 * drop: better no roll-up than a master that silently lost a chart or a comment someone made.
 * What `ours` names (see ourCharts: our charts, and a person's drawings and comments on the
 * sheets, keepForeign) is not dropped: it is put back after the write, byte for byte.
 */
export function refuseToDropContent(bytes: Uint8Array, ours?: ReadonlySet<string>): void {
  const kinds = droppedContent(bytes, ours);
  if (kinds.length === 0) return;
  throw new InputError(
    `总表中有本工具写回时无法原样保留的内容：${kinds.join("、")}；为免丢失，未汇总，总表未改动。请把这些内容移到另一个工作簿（或把总表另存一份后删去它们），再汇总`
  );
}
