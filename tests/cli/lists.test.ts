/* Supporting lists (支撑材料) through the CLI: template, validate, rollup. */
import ExcelJS from "exceljs";
import { readdirSync } from "fs";
import { join } from "path";
import { keyCheckValue, makeIdHasher } from "../../src/core/lists/idHasher";
import { LIST_CHOICES, LIST_LAYOUTS } from "../../src/core/lists/listLayout";
import { SAMPLE_DIR } from "../support/planData";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";
import { CERT, ListRow, TRAIN, fillListReport } from "../support/listReport";

const tmp = useTempDir("lists-cli-");
jest.setTimeout(120_000);

let quotaFile = "";
beforeAll(async () => {
  quotaFile = join(tmp(), "quota.xlsx");
  const run = await runCli("generate", join(SAMPLE_DIR, "graduates.csv"), "-o", quotaFile);
  expect(run.code).toBe(0);
});

async function open(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** The header texts of row 2, left to right. */
const headerOf = (ws: ExcelJS.Worksheet) =>
  (ws.getRow(2).values as unknown[]).slice(1).map((v) => String(v));

/** The drop-down values of a cell's list validation. */
function choicesAt(ws: ExcelJS.Worksheet, address: string): string[] {
  const dv = ws.getCell(address).dataValidation;
  expect(dv?.type).toBe("list");
  return String(dv!.formulae![0]).replace(/^"|"$/g, "").split(",");
}

describe("quota template writes 培训名单 and 取证名单", () => {
  test("beside 附件6: title, header, drop-downs, widths, A4 landscape with the header repeated", async () => {
    const file = join(tmp(), "template.xlsx");
    const run = await runCli(
      "template",
      "--college",
      "经济管理学院",
      "--month",
      "2022-06",
      "--quotas",
      quotaFile,
      "-o",
      file
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("培训名单、取证名单");
    const wb = await open(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["2022年6月", "培训名单", "取证名单"]);
    const training = wb.getWorksheet("培训名单")!;
    const certificate = wb.getWorksheet("取证名单")!;
    expect(training.getCell("A1").value).toBe("经济管理学院2022年6月培训名单");
    expect(certificate.getCell("A1").isMerged).toBe(true);
    const headers = (kind: "training" | "certificate") =>
      LIST_LAYOUTS[kind].order.map((c) => LIST_LAYOUTS[kind].columns[c]!.header);
    expect(headerOf(training)).toEqual(headers("training"));
    expect(headerOf(certificate)).toEqual(headers("certificate"));
    // 学历层次 is column F on both; 培训形式 H; 证书类型 G, 等级 I.
    expect(choicesAt(training, "F3")).toEqual([...LIST_CHOICES.education]);
    expect(choicesAt(training, "H500")).toEqual([...LIST_CHOICES.form]);
    expect(choicesAt(certificate, "G3")).toEqual([...LIST_CHOICES.type]);
    expect(choicesAt(certificate, "I1002")).toEqual([...LIST_CHOICES.rank]);
    expect(certificate.getCell("I1003").dataValidation).toBeUndefined();
    expect(certificate.getCell("B3").dataValidation).toBeUndefined();
    for (const ws of [training, certificate]) {
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.orientation).toBe("landscape");
      expect(ws.pageSetup.printTitlesRow).toBe("1:2");
    }
    // 证书编号 (J) and 身份证号 (L) show whole.
    expect(certificate.getColumn("J").width).toBeGreaterThanOrEqual(20);
    expect(certificate.getColumn("L").width).toBeGreaterThanOrEqual(20);
  });

  test("template --all: a workbook with each college's lists, and --split a file each with them", async () => {
    const book = join(tmp(), "all.xlsx");
    expect(
      (await runCli("template", "--all", "--month", "2022-06", "--quotas", quotaFile, "-o", book))
        .code
    ).toBe(0);
    const names = (await open(book)).worksheets.map((w) => w.name);
    const forms = names.filter((n) => n.endsWith("2022年6月"));
    expect(forms.length).toBeGreaterThan(1);
    expect(names.filter((n) => n.endsWith("培训名单"))).toHaveLength(forms.length);
    expect(names.filter((n) => n.endsWith("取证名单"))).toHaveLength(forms.length);
    expect(names).toContain("经济管理学院取证名单");
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);

    const folder = join(tmp(), "split");
    const split = await runCli(
      "template",
      "--all",
      "--split",
      "--month",
      "2022-06",
      "--quotas",
      quotaFile,
      "-o",
      folder
    );
    expect(split.code).toBe(0);
    const files = readdirSync(folder);
    expect(files).toHaveLength(forms.length);
    const one = await open(join(folder, files[0]!));
    expect(one.worksheets.map((w) => w.name).slice(1)).toEqual(["培训名单", "取证名单"]);
    expect(one.worksheets[0]!.name).toMatch(/2022年6月$/);
  });
});

/** Fills the template's form (当月完成 = 累计 per section) and writes list rows under the headers. */
async function fillReport(
  path: string,
  out: string,
  done: [number, number, number, number],
  lists: { training: ListRow[]; certificate: ListRow[] }
): Promise<void> {
  const wb = await open(path);
  fillListReport(
    wb,
    6,
    done.map((n) => [n, n] as const),
    lists
  );
  await wb.xlsx.writeFile(out);
}

/** The planted faults: training counts 1 in June (the July row counts nowhere) against 2; 证书编号 twice. */
const EXPECTED_BAD = [
  "list-count-month@2022年6月!D4",
  "list-date-after-month@培训名单!I4",
  "list-duplicate-number@取证名单!J4",
];

describe("quota validate reads the lists with the form", () => {
  let blank = "";
  beforeAll(async () => {
    blank = join(tmp(), "blank.xlsx");
    const args = ["--college", "经济管理学院", "--month", "2022-06", "--quotas", quotaFile];
    expect((await runCli("template", ...args, "-o", blank)).code).toBe(0);
  });

  test("lists that match the form: valid, no findings", async () => {
    const file = join(tmp(), "ok.xlsx");
    await fillReport(blank, file, [2, 1, 0, 0], {
      training: [TRAIN("2019010101", "2022-06-10"), TRAIN("2019010102", "2022-06-11")],
      certificate: [CERT("2019010101", "ZS-0001", "2022-06-15")],
    });
    const run = await runCli("validate", file, "--quotas", quotaFile, "--json");
    expect(run.code).toBe(0);
    const [result] = JSON.parse(run.stdout) as {
      valid: boolean;
      errors: unknown[];
      warnings: unknown[];
    }[];
    expect(result).toMatchObject({ valid: true, errors: [], warnings: [] });
  });

  test("planted faults are reported with sheet and cell, in --json, the text and 问题清单", async () => {
    const file = join(tmp(), "bad.xlsx");
    await fillReport(blank, file, [2, 2, 0, 0], {
      training: [TRAIN("2019010101", "2022-06-10"), TRAIN("2019010102", "2022-07-01")],
      certificate: [
        CERT("2019010101", "ZS-0001", "2022-06-15"),
        CERT("2019010103", "ZS-0001", "2022-06-16"),
      ],
    });
    const run = await runCli("validate", file, "--quotas", quotaFile, "--json");
    expect(run.code).toBe(1);
    const [result] = JSON.parse(run.stdout) as {
      errors: { code: string; sheet?: string; cell: string }[];
    }[];
    const at = (f: { code: string; sheet?: string; cell: string }) =>
      `${f.code}@${f.sheet ?? "附件6"}!${f.cell}`;
    expect(result!.errors.map(at).sort()).toEqual(EXPECTED_BAD);
    const text = await runCli(
      "validate",
      file,
      "--quotas",
      quotaFile,
      "--list",
      join(tmp(), "问题.xlsx")
    );
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("错误 培训名单!I4");
    const list = await open(join(tmp(), "问题.xlsx"));
    const sheets = (list.worksheets[0]!.getColumn(3).values as unknown[]).map(String);
    expect(sheets).toContain("培训名单");
    expect(sheets).toContain("取证名单");
  });
});

/** A filled report of a college for June 2022, from the template. */
const make = async (
  college: string,
  name: string,
  done: [number, number, number, number],
  lists: { training: ListRow[]; certificate: ListRow[] }
) => {
  const blank = join(tmp(), `blank-${name}`);
  const args = ["--college", college, "--month", "2022-06", "--quotas", quotaFile];
  expect((await runCli("template", ...args, "-o", blank)).code).toBe(0);
  const file = join(tmp(), name);
  await fillReport(blank, file, done, lists);
  return file;
};

describe("quota rollup keeps a 名单台账 and rejects lists that do not hold", () => {
  test("reports with their lists go in; a duplicate 证书编号 from another college is rejected", async () => {
    const eco = await make("经济管理学院", "eco.xlsx", [2, 1, 0, 0], {
      training: [TRAIN("2019010101", "2022-06-10"), TRAIN("2019010102", "2022-06-11")],
      certificate: [CERT("2019010101", "ZS-0001", "2022-06-15")],
    });
    const hum = await make("人文学院", "hum.xlsx", [0, 1, 0, 0], {
      training: [],
      certificate: [CERT("2020020201", "ZS-0001", "2022-06-20")],
    });
    const master = join(tmp(), "总表.xlsx");
    const run = await runCli("rollup", eco, hum, "--quotas", quotaFile, "-o", master, "--json");
    expect(run.stderr).toContain("未提供身份证号密钥");
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as {
      rejected: { file: string; errors: { code: string; cell: string }[] }[];
    };
    expect(json.rejected.map((r) => r.file)).toEqual(["hum.xlsx"]);
    expect(json.rejected[0]!.errors.map((e) => `${e.code}@${e.cell}`)).toEqual([
      "list-duplicate-number@J3",
    ]);
    const ledger = (await open(master)).getWorksheet("名单台账")!;
    expect(ledger.rowCount).toBe(4); // header + eco's 2 training rows + 1 certificate; hum's left out
    const text = JSON.stringify(ledger.getSheetValues());
    expect(text).toContain("2019010101");
    expect(text).not.toContain("2020020201");
    expect(text).not.toContain("王五");
    expect(text).toContain("王*");
  });

  test("a report whose form does not match its lists is rejected", async () => {
    const eco = await make("经济管理学院", "eco-off.xlsx", [3, 1, 0, 0], {
      training: [TRAIN("2019010101", "2022-06-10")],
      certificate: [CERT("2019010101", "ZS-0009", "2022-06-15")],
    });
    const run = await runCli(
      "rollup",
      eco,
      "--quotas",
      quotaFile,
      "-o",
      join(tmp(), "总表2.xlsx"),
      "--json"
    );
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as {
      rejected: { errors: { code: string; cell: string }[] }[];
    };
    // The master is empty: this is the first month, so 累计 is compared too.
    expect(json.rejected[0]!.errors.map((e) => `${e.code}@${e.cell}`)).toEqual([
      "list-count-month@D4",
      "list-count-cumulative@E4",
    ]);
  });

  test("with QUOTA_ID_KEY the 名单台账 keeps the keyed ID hash, and validate --previous finds the duplicate", async () => {
    const id = "11010519491231002X";
    const eco = await make("经济管理学院", "eco-id.xlsx", [0, 1, 0, 0], {
      training: [],
      certificate: [[...CERT("2019010101", "ZS-0100", "2022-06-15"), id]],
    });
    const master = join(tmp(), "总表-id.xlsx");
    process.env.QUOTA_ID_KEY = "太短";
    try {
      const short = await runCli("rollup", eco, "-o", master);
      expect(short.code).toBe(2);
      expect(short.stderr).toContain("身份证号密钥太短");
      process.env.QUOTA_ID_KEY = "学校的密钥-0123456789abcdef";
      const run = await runCli("rollup", eco, "--quotas", quotaFile, "-o", master);
      expect(run.code).toBe(0);
      expect(run.stderr).not.toContain("未提供身份证号密钥");
    } finally {
      delete process.env.QUOTA_ID_KEY;
    }
    const ledger = (await open(master)).getWorksheet("名单台账")!;
    const header = (ledger.getRow(1).values as unknown[]).map(String);
    const row = ledger.getRow(2).values as unknown[];
    expect(row[header.indexOf("身份证号摘要")]).toBe(
      makeIdHasher("学校的密钥-0123456789abcdef")(id)
    );
    expect(row[header.indexOf("身份证号（脱敏）")]).toMatch(/^110\*+002X$/);
    expect(JSON.stringify(ledger.getSheetValues())).not.toContain(id);

    const hum = await make("人文学院", "hum-again.xlsx", [0, 1, 0, 0], {
      training: [],
      certificate: [CERT("2020020201", "ZS-0100", "2022-06-20")],
    });
    const check = await runCli(
      "validate",
      hum,
      "--quotas",
      quotaFile,
      "--previous",
      master,
      "--json"
    );
    expect(check.code).toBe(1);
    const [result] = JSON.parse(check.stdout) as {
      errors: { code: string; sheet?: string; cell: string }[];
    }[];
    expect(result!.errors.map((e) => `${e.code}@${e.sheet}!${e.cell}`)).toEqual([
      "list-duplicate-number@取证名单!J3",
    ]);
  });
});

describe("the ID key of the master", () => {
  test("the master keeps the key check value: another key or none is refused, the master unchanged", async () => {
    const eco = await make("经济管理学院", "eco-kcv.xlsx", [0, 1, 0, 0], {
      training: [],
      certificate: [[...CERT("2019010101", "ZS-0200", "2022-06-15"), "11010519491231002X"]],
    });
    const master = join(tmp(), "总表-kcv.xlsx");
    const key = "学校的密钥-0123456789abcdef";
    process.env.QUOTA_ID_KEY = key;
    try {
      expect((await runCli("rollup", eco, "--quotas", quotaFile, "-o", master)).code).toBe(0);
      const header = (
        (await open(master)).getWorksheet("名单台账")!.getRow(1).values as unknown[]
      ).map(String);
      expect(header.slice(-2)).toEqual(["密钥校验值", keyCheckValue(makeIdHasher(key))]);
      const hum = await make("人文学院", "hum-kcv.xlsx", [0, 1, 0, 0], {
        training: [],
        certificate: [CERT("2020020201", "ZS-0201", "2022-06-20")],
      });
      const into = ["rollup", hum, "--quotas", quotaFile, "--into", master, "-o", master];
      process.env.QUOTA_ID_KEY = "另一把密钥-0123456789abcdef";
      const other = await runCli(...into);
      expect(other.code).toBe(1);
      expect(other.stderr).toContain("密钥不同");
      expect(other.stderr).toContain("--id-key-file");
      const check = await runCli("validate", hum, "--quotas", quotaFile, "--previous", master);
      expect(check.stderr).toContain("密钥与总表“名单台账”记录的密钥校验值不符");
      delete process.env.QUOTA_ID_KEY;
      const none = await runCli(...into);
      expect(none.code).toBe(1);
      expect(none.stderr).toContain("没有提供密钥");
      const ledger = (await open(master)).getWorksheet("名单台账")!;
      expect(JSON.stringify(ledger.getSheetValues())).not.toContain("2020020201");
      process.env.QUOTA_ID_KEY = key;
      const same = await runCli(...into);
      expect(same.code).toBe(0);
      expect(same.stdout).toContain("名单核对：已核对 2，未核对 0，无名单 0");
    } finally {
      delete process.env.QUOTA_ID_KEY;
    }
  });
});

describe("duplicates across colleges", () => {
  test("a duplicate across colleges is shown on both sides in the text, --json and the 汇总", async () => {
    const eco = await make("经济管理学院", "eco-both.xlsx", [0, 1, 0, 0], {
      training: [],
      certificate: [CERT("2019010101", "ZS-0300", "2022-06-15")],
    });
    const hum = await make("人文学院", "hum-both.xlsx", [0, 1, 0, 0], {
      training: [],
      certificate: [CERT("2020020201", "ZS-0300", "2022-06-20")],
    });
    const master = join(tmp(), "总表-both.xlsx");
    const text = await runCli("rollup", eco, hum, "--quotas", quotaFile, "-o", master);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("经济管理学院 2022-06 取证名单!J3：证书编号重复：另见 人文学院");
    expect(text.stdout).toContain("取证名单!J3：证书编号重复：另见 经济管理学院");
    const again = join(tmp(), "总表-both-json.xlsx");
    const json = await runCli("rollup", eco, hum, "--quotas", quotaFile, "-o", again, "--json");
    const out = JSON.parse(json.stdout) as {
      listFindings: { college: string; sheet: string; cell: string; code: string }[];
      lists: { college: string; state: string }[];
    };
    expect(out.listFindings.map((f) => `${f.college}:${f.code}@${f.sheet}!${f.cell}`)).toEqual([
      "经济管理学院:list-duplicate-number@取证名单!J3",
    ]);
    expect(out.lists.map((l) => `${l.college}:${l.state}`)).toEqual([
      "经济管理学院:reconciled",
      "人文学院:unreconciled",
    ]);
    // validate against that master: the master's row is said too, after the results.
    const check = await runCli("validate", hum, "--quotas", quotaFile, "--previous", master);
    expect(check.stdout).toContain("错误 取证名单!J3：证书编号重复：另见 经济管理学院");
    expect(check.stdout).toContain("另：总表“名单台账”中已有的以下名单行与本次的报表重复");
    expect(check.stdout).toContain(
      "  经济管理学院 2022-06 取证名单!J3：证书编号重复：另见 人文学院"
    );
    const summary = (await open(master)).getWorksheet("汇总2022-06")!;
    const cells = JSON.stringify(summary.getSheetValues());
    expect(cells).toContain("与其他学院的名单重复");
    expect(cells).toContain("名单核对");
  });
});

describe("validate of several files", () => {
  test("validate of two colleges' files: a duplicate between them is an error in both", async () => {
    const eco = await make("经济管理学院", "eco-val.xlsx", [0, 1, 0, 0], {
      training: [],
      certificate: [CERT("2019010101", "ZS-0400", "2022-06-15")],
    });
    const hum = await make("人文学院", "hum-val.xlsx", [0, 1, 0, 0], {
      training: [],
      certificate: [CERT("2020020201", "ZS-0400", "2022-06-20")],
    });
    const run = await runCli("validate", eco, hum, "--quotas", quotaFile, "--json");
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as {
      college: string;
      errors: { code: string; sheet?: string; cell: string; message: string }[];
    }[];
    expect(
      results.map((r) => [r.college, r.errors.map((e) => `${e.code}@${e.sheet}!${e.cell}`)])
    ).toEqual([
      ["经济管理学院", ["list-duplicate-number@取证名单!J3"]],
      ["人文学院", ["list-duplicate-number@取证名单!J3"]],
    ]);
    expect(results[0]!.errors[0]!.message).toContain("另见 人文学院 2022-06 取证名单 第3行");
    // Handed in again after the roll-up: checked against the master without its own month's rows.
    const master = join(tmp(), "总表-val.xlsx");
    expect((await runCli("rollup", eco, "--quotas", quotaFile, "-o", master)).code).toBe(0);
    const again = await runCli(
      "validate",
      eco,
      "--quotas",
      quotaFile,
      "--previous",
      master,
      "--json"
    );
    expect(JSON.parse(again.stdout)[0].errors).toEqual([]);
    expect(again.code).toBe(0);
    // The same report twice (two versions of one college-month) is not a duplicate of itself.
    const twice = await runCli("validate", eco, eco, "--quotas", quotaFile, "--json");
    expect(twice.code).toBe(0);
  });
});
