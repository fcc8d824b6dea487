/* Every sheet kind we write, printed by LibreOffice: each label and value is on the page and not
   broken across lines; the first pages are kept as PNGs in out/print/ for people to look at. */
import ExcelJS from "exceljs";
import { mkdirSync, readdirSync } from "fs";
import { join, resolve } from "path";
import { writeModelToFile, readGridsFromFile } from "../../src/adapters/xlsx/node";
import { demoReport } from "../../src/cli/demoReports";
import { readQuotaLookup } from "../../src/core/report/quotaLookup";
import { textWidth } from "../../src/core/textWidth";
import { SAMPLE_DIR } from "../support/planData";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";
import { pagePictures, pdfPages, pdfText, printToPdf, requirePrintTools } from "./renderPdf";

const available = requirePrintTools();
const tmp = useTempDir("quota-print-");
const OUT = resolve(__dirname, "..", "..", "out", "print");
jest.setTimeout(300_000);

/** What a cell shows, as its number format prints it. */
function shown(cell: ExcelJS.Cell): string {
  const v = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  if (v === null || v === undefined || typeof v === "object") return "";
  if (typeof v !== "number") return String(v);
  if (cell.numFmt === "0.00%") return `${(v * 100).toFixed(2)}%`;
  if (cell.numFmt === "0.00") return v.toFixed(2);
  if (cell.numFmt === "0") return String(Math.round(v));
  return String(v);
}

interface Expected {
  readonly sheet: string;
  readonly text: string;
  /** True when the text is meant to print on one line (it fits its cell's width). */
  readonly oneLine: boolean;
}

/** The texts of every sheet of a written workbook, merges read once. */
async function expectedTexts(file: string): Promise<Expected[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const texts: Expected[] = [];
  wb.eachSheet((ws) => {
    const width = (from: number, to: number) => {
      let w = 0;
      for (let c = from; c <= to; c++) w += ws.getColumn(c).width ?? 9;
      return w;
    };
    const spans = new Map<string, number>();
    for (const range of (ws.model as { merges?: string[] }).merges ?? []) {
      const [a, b] = range.split(":").map((x) => ws.getCell(x!));
      spans.set(a!.address, width(Number(a!.col), Number(b!.col)));
    }
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const text = shown(cell);
        if (text.trim() === "") return;
        const room = spans.get(cell.address) ?? width(Number(cell.col), Number(cell.col));
        const size = cell.font?.size ?? 11;
        const oneLine =
          !text.includes("\n") && textWidth(text, size, cell.font?.bold) + 1.5 <= room;
        texts.push({ sheet: ws.name, text, oneLine });
      })
    );
  });
  return texts;
}

const squeeze = (text: string) => text.replace(/\s+/g, "");

/** Texts missing from the PDF, or broken over lines though they fit one. */
function problemsIn(
  pages: readonly string[],
  raw: string,
  expected: readonly Expected[]
): string[] {
  const lines = pages.flatMap((p) => p.split("\n")).map(squeeze);
  const all = squeeze(raw);
  const problems: string[] = [];
  for (const e of expected) {
    if (!all.includes(squeeze(e.text))) problems.push(`${e.sheet}: 缺少“${e.text}”`);
    else if (e.oneLine && !lines.some((l) => l.includes(squeeze(e.text))))
      problems.push(`${e.sheet}: “${e.text}”被折断`);
  }
  return problems;
}

async function writeAll(dir: string): Promise<string[]> {
  const quota = join(dir, "任务分配表.xlsx");
  const form = join(dir, "附件6.xlsx");
  const master = join(dir, "总表.xlsx");
  const graduates = join(SAMPLE_DIR, "graduates.csv");
  expect((await runCli("generate", graduates, "--year", "2022", "-o", quota)).code).toBe(0);
  const templateArgs = ["--college", "机械与电气信息学院", "--month", "2022-06"];
  expect((await runCli("template", ...templateArgs, "--quotas", quota, "-o", form)).code).toBe(0);
  const reports = join(dir, "月报");
  mkdirSync(reports);
  const quotas = readQuotaLookup(await readGridsFromFile(quota));
  const shares = [0.5, 0.2, 0.46, 0.1, 0.6, 0.3, 0.45, 0.05, 0.5, 0.48];
  for (const [i, targets] of quotas.colleges.slice(0, 10).entries()) {
    const sheet = demoReport(
      targets,
      { year: 2022, month: 6 },
      shares[i]!,
      i === 1 ? 29 : 20,
      i === 2
    );
    const name = `${String(i + 1).padStart(2, "0")}-${targets.college}-2022年6月月报表（定稿）.xlsx`;
    await writeModelToFile({ sheets: [sheet] }, join(reports, name));
  }
  const run = await runCli("rollup", reports, "-o", master, "--quotas", quota);
  expect(run.code).toBe(1); // one report has errors and is listed under 未汇总
  return [quota, form, master];
}

(available ? test : test.skip)("每种工作表打印到 A4：文字齐全、不被截断或折断", async () => {
  const files = await writeAll(tmp());
  const pdfs = printToPdf(files, tmp());
  mkdirSync(OUT, { recursive: true });
  const problems: string[] = [];
  for (const [i, file] of files.entries()) {
    const pages = pdfPages(pdfs[i]!);
    const expected = await expectedTexts(file);
    expect(expected.length).toBeGreaterThan(20);
    problems.push(...problemsIn(pages, pdfText(pdfs[i]!), expected));
    // Every page says which page it is.
    pages.forEach((page, p) => expect(squeeze(page)).toContain(`第${p + 1}页`));
    pagePictures(pdfs[i]!, join(OUT, ["quota", "form", "master"][i]!), 1, 8);
  }
  expect(problems).toEqual([]);
  expect(readdirSync(OUT).filter((f) => f.endsWith(".png")).length).toBeGreaterThan(3);
});
