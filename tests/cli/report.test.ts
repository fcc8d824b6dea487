/* quota template and quota validate, called as the lead's main will call them. */
import ExcelJS from "exceljs";
import { mkdirSync, truncateSync, writeFileSync } from "fs";
import { join } from "path";
import type { Output } from "../../src/cli/output";
import { template } from "../../src/cli/template";
import { UsageError } from "../../src/cli/usage";
import { validate } from "../../src/cli/validate";
import { recalculate, recalculatedValues, requireLibreOfficeInCI } from "../support/libreoffice";
import { SAMPLE_DIR } from "../support/planData";
import { runCli } from "../support/runCli";
import { addForm, writeForm } from "../support/reportCorpus";
import { useTempDir } from "../support/tempDir";

const available = requireLibreOfficeInCI();
const tmp = useTempDir("report-cli-");
jest.setTimeout(180_000);

function collect(): Output & { out: string[]; err: string[]; text(): string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    text: () => out.join("\n"),
  };
}

let quotaFile = "";
beforeAll(async () => {
  quotaFile = join(tmp(), "quota.xlsx");
  expect((await runCli("generate", join(SAMPLE_DIR, "graduates.csv"), "-o", quotaFile)).code).toBe(
    0
  );
});

/** Types what a college types into the template, and the formula results Excel would show. */
async function fillTemplate(path: string, out: string, targets?: number[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0]!;
  const done: [number, number][] = [
    [120, 900],
    [30, 300],
    [20, 200],
    [10, 60],
  ];
  done.forEach(([month, cumulative], i) => {
    const row = 4 + 2 * i;
    if (targets) ws.getCell(`C${row}`).value = targets[i]!;
    ws.getCell(`D${row}`).value = month;
    ws.getCell(`E${row}`).value = cumulative;
    const target = Number(ws.getCell(`C${row}`).value);
    const formula = ws.getCell(`F${row}`).formula;
    ws.getCell(`F${row}`).value = {
      formula,
      result: Math.round((cumulative / target) * 10000) / 100,
    } as ExcelJS.CellFormulaValue;
  });
  ws.getCell("C12").value = "张三";
  ws.getCell("C13").value = "李四";
  ws.getCell("B14").value = 2022;
  ws.getCell("D14").value = 6;
  ws.getCell("F14").value = 25;
  await wb.xlsx.writeFile(out);
}

describe("quota template", () => {
  test("writes 附件6 for a college with its quotas, on A4, with formulas and data validation", async () => {
    const file = join(tmp(), "template.xlsx");
    const io = collect();
    expect(
      await template(
        { college: "经济管理学院", month: "2022-06", quotas: quotaFile, output: file },
        io
      )
    ).toBe(0);
    expect(io.text()).toContain(
      "年度任务：培训 1975 人次，高级工及以上 632 人，非高级工及以上 464 人，1+X 183 人"
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["2022年6月", "培训名单", "取证名单"]);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell("A2").value).toBe("填报单位（公章）：经济管理学院");
    expect(["C4", "C6", "C8", "C10"].map((a) => ws.getCell(a).value)).toEqual([
      1975, 632, 464, 183,
    ]);
    expect(ws.getCell("F10").formula).toBe('IF(C10=0,"",ROUND(E10/C10*100,2))');
    expect(ws.getCell("A7").isMerged && ws.getCell("A7").master.address).toBe("A3");
    expect(ws.getCell("B6").master.address).toBe("B5");
    expect(ws.getCell("D8").dataValidation).toEqual(
      expect.objectContaining({ type: "whole", operator: "greaterThanOrEqual", formulae: [0] })
    );
    expect(ws.getCell("F14").dataValidation?.type).toBe("whole");
    expect(ws.getCell("E10").border?.bottom?.style).toBe("thin");
    expect(ws.getCell("F4").numFmt).toBe("0.00");
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.printArea).toBe("A1:G14");
  });

  test("filled in with exceljs, it validates with no findings", async () => {
    const file = join(tmp(), "template-eco.xlsx");
    await template(
      { college: "经济管理学院", month: "2022-06", quotas: quotaFile, output: file },
      collect()
    );
    const filled = join(tmp(), "filled-eco.xlsx");
    await fillTemplate(file, filled);
    const io = collect();
    expect(await validate({ files: [filled], quotas: quotaFile, json: true }, io)).toBe(0);
    expect(JSON.parse(io.text())).toEqual([
      {
        file: "filled-eco.xlsx",
        sheet: "2022年6月",
        college: "经济管理学院",
        month: "2022-06",
        valid: true,
        errors: [],
        warnings: [],
      },
    ]);
  });

  (available ? test : test.skip)(
    "LibreOffice recalculates its formulas without error values, and the result validates",
    async () => {
      const file = join(tmp(), "template-lo.xlsx");
      await template(
        { college: "经济管理学院", month: "2022-06", quotas: quotaFile, output: file },
        collect()
      );
      const isError = (v: unknown) =>
        typeof v === "string" && (/^#[A-Z/0!?]+/.test(v) || /^Err:\d+/.test(v));
      const empty = (await recalculatedValues(file))["2022年6月"]!;
      expect(empty.flat().filter(isError)).toEqual([]);
      expect([3, 5, 7, 9].map((r) => empty[r]![5])).toEqual([0, 0, 0, 0]);

      const filled = join(tmp(), "filled-lo.xlsx");
      await fillTemplate(file, filled);
      const outDir = join(tmp(), "lo-out");
      mkdirSync(outDir);
      const recalculated = await recalculate(filled, outDir);
      const values = (await recalculatedValues(filled))["2022年6月"]!;
      expect(values.flat().filter(isError)).toEqual([]);
      expect([3, 5, 7, 9].map((r) => values[r]![5])).toEqual([45.57, 47.47, 43.1, 32.79]);
      const io = collect();
      expect(await validate({ files: [recalculated], quotas: quotaFile }, io)).toBe(0);
      expect(io.out[0]).toBe(
        "✓ filled-lo.xlsx 工作表“2022年6月”：经济管理学院，2022-06（取自工作表名）"
      );
    }
  );

  (available ? test : test.skip)(
    "a template without quotas, a zero target and an empty target recalculate without error values",
    async () => {
      const file = join(tmp(), "template-vocational.xlsx");
      expect(
        await template(
          { college: "职业教育学院", month: "2022-12", quotas: quotaFile, output: file },
          collect()
        )
      ).toBe(0);
      const bare = join(tmp(), "template-bare.xlsx");
      expect(await template({ college: "某学院", month: "2022-12", output: bare }, collect())).toBe(
        0
      );
      for (const f of [file, bare]) {
        const values = Object.values(await recalculatedValues(f))[0]!;
        expect(values.flat().filter((v) => typeof v === "string" && /^(#|Err:)/.test(v))).toEqual(
          []
        );
      }
    }
  );

  test("without --quotas 年度任务 is left empty; the college fills it in", async () => {
    const file = join(tmp(), "template-free.xlsx");
    const io = collect();
    expect(await template({ college: "经济管理学院", month: "2022-06", output: file }, io)).toBe(0);
    expect(io.text()).toContain("年度任务留空");
    const filled = join(tmp(), "filled-free.xlsx");
    await fillTemplate(file, filled, [1975, 632, 464, 183]);
    expect(await validate({ files: [filled], quotas: quotaFile }, collect())).toBe(0);
  });

  test("a college that is not in the quota workbook: exit 1 with the colleges it has", async () => {
    const io = collect();
    expect(
      await template(
        { college: "数学学院", month: "2022-06", quotas: quotaFile, output: join(tmp(), "x.xlsx") },
        io
      )
    ).toBe(1);
    expect(io.err.join("\n")).toMatch(
      /学院“数学学院”不在任务分配表“quota.xlsx”中[\s\S]*经济管理学院/
    );
  });

  test("a quota file that is not a quota workbook: exit 1", async () => {
    const run = await runCli(
      "template",
      "--college",
      "经济管理学院",
      "--month",
      "2022-06",
      "--quotas",
      join(SAMPLE_DIR, "graduates.csv"),
      "-o",
      join(tmp(), "x.xlsx")
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^错误：文件“graduates\.csv”：.*不是本工具生成的任务分配表/);
  });

  test.each([
    [{ college: "经济管理学院", month: "2022-13", output: "a.xlsx" }, "--month"],
    [{ college: "经济管理学院", month: "六月", output: "a.xlsx" }, "--month"],
    [{ college: " ", month: "2022-06", output: "a.xlsx" }, "--college"],
    [{ college: "经济管理学院", month: "2022-06", output: "a.csv" }, "-o"],
  ])("usage errors: %j", async (args, mention) => {
    await expect(template(args, collect())).rejects.toThrow(UsageError);
    await expect(template(args, collect())).rejects.toThrow(mention);
  });
});

describe("quota validate", () => {
  let good = "";
  let bad = "";
  beforeAll(async () => {
    good = join(tmp(), "good-2022-06.xlsx");
    await writeForm(good, { sheet: "Sheet1" });
    bad = join(tmp(), "bad.xlsx");
    await writeForm(bad, { values: { training: { rate: 50, month: "120" } }, head: null });
  });

  test("human output: ✓/✗ per report, then 错误 and 提醒 with their cells", async () => {
    const io = collect();
    expect(await validate({ files: [good, bad], quotas: quotaFile }, io)).toBe(1);
    expect(io.out).toEqual([
      "✓ good-2022-06.xlsx 工作表“Sheet1”：经济管理学院，2022-06（取自文件名）",
      "✗ bad.xlsx 工作表“2022年6月”：经济管理学院，2022-06（取自工作表名）",
      "  错误 F4：培训任务的累计完成率应为 45.57（累计已完成 900 ÷ 年度任务 1975），表中为 50",
      "  提醒 D4：培训任务的“当月完成”是文本“120”，已按数字 120 读取；请改为数字格式",
      "  提醒 A13：未填写填报单位负责人",
      "",
      "共 2 份：1 份通过，1 份有错误。",
    ]);
  });

  test("--json: one object per file and sheet", async () => {
    const io = collect();
    expect(await validate({ files: [bad], json: true, month: "2022-06" }, io)).toBe(1);
    const [r] = JSON.parse(io.text());
    expect(Object.keys(r)).toEqual([
      "file",
      "sheet",
      "college",
      "month",
      "valid",
      "errors",
      "warnings",
    ]);
    expect(r.errors).toEqual([
      { code: "rate-mismatch", cell: "F4", message: expect.stringContaining("45.57") },
    ]);
    expect(r.warnings.map((w: { code: string }) => w.code)).toEqual(["value-text", "head-missing"]);
  });

  test("every sheet holding the form is a report of its own", async () => {
    const wb = new ExcelJS.Workbook();
    addForm(wb, { sheet: "2022年5月", date: "2022年5月26日" });
    addForm(wb, { sheet: "2022年6月", college: "人文学院" });
    wb.addWorksheet("备注").getCell("A1").value = "无";
    const file = join(tmp(), "two-months.xlsx");
    await wb.xlsx.writeFile(file);
    const io = collect();
    expect(await validate({ files: [file], json: true }, io)).toBe(0);
    expect(
      JSON.parse(io.text()).map((r: { sheet: string; college: string; month: string }) => [
        r.sheet,
        r.college,
        r.month,
      ])
    ).toEqual([
      ["2022年5月", "经济管理学院", "2022-05"],
      ["2022年6月", "人文学院", "2022-06"],
    ]);
  });

  test("unreadable files each get one clear error and the others go on", async () => {
    const dir = join(tmp(), "unreadable");
    mkdirSync(dir);
    const files = {
      "old.xls": Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      "empty.xlsx": Buffer.alloc(0),
      "corrupt.xlsx": Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(64, 7)]),
      "photo.jpg": Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    const huge = join(dir, "huge.xlsx");
    writeFileSync(huge, "PK");
    truncateSync(huge, 21 * 1024 * 1024);
    const paths = [
      join(dir, "old.xls"),
      good,
      join(dir, "empty.xlsx"),
      join(dir, "corrupt.xlsx"),
      join(dir, "photo.jpg"),
      huge,
      join(dir, "missing.xlsx"),
      quotaFile,
    ];
    const io = collect();
    expect(await validate({ files: paths, json: true }, io)).toBe(1);
    const results = JSON.parse(io.text()) as {
      file: string;
      valid: boolean;
      errors: { code: string; cell: string | null; message: string }[];
    }[];
    expect(
      results.map((r) => [r.file, r.valid, r.errors.map((e) => `${e.code}@${e.cell}`)])
    ).toEqual([
      ["old.xls", false, ["file-unreadable@null"]],
      ["good-2022-06.xlsx", true, []],
      ["empty.xlsx", false, ["file-unreadable@null"]],
      ["corrupt.xlsx", false, ["file-unreadable@null"]],
      ["photo.jpg", false, ["file-unreadable@null"]],
      ["huge.xlsx", false, ["file-unreadable@null"]],
      ["missing.xlsx", false, ["file-unreadable@null"]],
    ]);
    // the quota workbook is the tool's own, not a report: skipped with a note
    expect(io.err.join("\n")).toContain("“quota.xlsx”是任务分配表，不是月报表，已跳过");
    const message = (i: number) => results[i]!.errors[0]!.message;
    expect(message(0)).toContain(".xls");
    expect(message(2)).toContain("空");
    expect(message(3)).toContain("损坏");
    expect(message(5)).toContain("过大");
    expect(message(6)).toContain("不存在");
  });

  test("human output for an unreadable file", async () => {
    const io = collect();
    const empty = join(tmp(), "empty2.xlsx");
    writeFileSync(empty, "");
    expect(await validate({ files: [empty] }, io)).toBe(1);
    expect(io.out[0]).toBe("✗ empty2.xlsx：填报单位不明，月份不明");
    expect(io.out[1]).toBe("  错误：文件“empty2.xlsx”：文件是空的");
  });

  test("--previous: 累计已完成 must be last month's plus this month's", async () => {
    const previous = join(tmp(), "previous.xlsx");
    await writeForm(previous, {
      sheet: "2022年5月",
      date: "2022年5月26日",
      values: {
        training: { cumulative: 780, rate: null },
        advanced: { cumulative: 270 },
        nonadvanced: { cumulative: 180 },
        onex: { cumulative: 40 },
      },
    });
    const io = collect();
    expect(await validate({ files: [good], previous, quotas: quotaFile, json: true }, io)).toBe(1);
    const [r] = JSON.parse(io.text());
    expect(r.errors).toEqual([
      {
        code: "cumulative-mismatch",
        cell: "E10",
        message: "1+X证书取证人数的累计已完成应为 上月累计 40 + 当月完成 10 = 50，表中为 60",
      },
    ]);
  });

  test("a --previous or --quotas file that cannot be used: exit 1 with the reason", async () => {
    const run = await runCli("validate", good, "--previous", quotaFile);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("没有找到上月的月报表");
    const run2 = await runCli("validate", good, "--quotas", good);
    expect(run2.code).toBe(1);
    expect(run2.stderr).toContain("不是本工具生成的任务分配表");
  });

  test("usage errors", async () => {
    await expect(validate({ files: [] }, collect())).rejects.toThrow(UsageError);
    await expect(validate({ files: [good], month: "2022/13" }, collect())).rejects.toThrow(
      "--month"
    );
    await expect(validate({ files: [good], month: "June" }, collect())).rejects.toThrow(UsageError);
  });
});
