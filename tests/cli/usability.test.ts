/* The CLI as office staff meet it: slips answered in Chinese with the closest word, help per
   command, all colleges' forms at once, graduate tables headed in other words or mapped by hand,
   folders with subfolders and stray workbooks, and a 问题清单 to send back. */
import ExcelJS from "exceljs";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { readGrids } from "../../src/adapters/xlsx/readGrids";
import { readGridsFromFile } from "../../src/adapters/xlsx/node";
import { readQuotaLookup } from "../../src/core/report/quotaLookup";
import { COMMAND_TABLE } from "../../src/cli/commands";
import { COMMANDS, COMMAND_USAGE, closest, editDistance } from "../../src/cli/usage";
import { importTimeZone, localTime } from "../../src/core/rollup/localTime";
import { SAMPLE_DIR } from "../support/planData";
import { writeReport } from "../support/reportFactory";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";

const tmp = useTempDir("usability-");
jest.setTimeout(120_000);

let quotaFile = "";
beforeAll(async () => {
  quotaFile = join(tmp(), "任务分配表.xlsx");
  expect((await runCli("generate", join(SAMPLE_DIR, "graduates.csv"), "-o", quotaFile)).code).toBe(
    0
  );
});

describe("slips on the command line", () => {
  test("edit distance and the closest name", () => {
    expect(editDistance("generat", "generate")).toBe(1);
    expect(closest("generat", ["generate", "template"])).toBe("generate");
    expect(closest("--formual", ["--formulas", "--floors"])).toBe("--formulas");
    expect(closest("xyz", ["generate", "template"])).toBeNull();
  });

  test.each([
    [["generat"], /未知命令“generat”，您是不是要输入 generate？/],
    [["validte", "a.xlsx"], /您是不是要输入 validate？/],
    [
      ["generate", "g.csv", "-o", "q.xlsx", "--formual", "native"],
      /未知参数“--formual”，您是不是要输入 --formulas？/,
    ],
    [["rollup", "r", "-o"], /参数 --output 后面需要一个值/],
    [["validate", "r", "--json=yes"], /参数 --json 不带值/],
    [["help", "rolup"], /没有命令“rolup”，您是不是要输入 rollup？/],
  ])("%j is a usage error in Chinese", async (argv, message) => {
    const run = await runCli(...argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/Unknown option|To specify a positional/);
  });

  test("a flag slip names the command's own help", async () => {
    const run = await runCli("template", "--colege", "文学院");
    expect(run.stderr).toContain("quota help template");
  });

  test("help <command> shows that command only, and how to run after npm ci", async () => {
    const run = await runCli("help", "template");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("--all");
    expect(run.stdout).not.toContain("rollup <");
    expect(run.stdout).toContain("npx quota");
    expect((await runCli("help")).stdout).toContain("npm run quota --");
  });

  test("the flag table and the usage text name the same commands and flags", () => {
    expect([...Object.keys(COMMAND_TABLE), "help"].sort()).toEqual([...COMMANDS].sort());
    for (const [command, { flags }] of Object.entries(COMMAND_TABLE)) {
      const declared = Object.entries(flags).map(([name, f]) =>
        f.short ? `-${f.short}` : `--${name}`
      );
      const documented = new Set(COMMAND_USAGE[command]!.match(/(?<![\w-])--?[a-z][\w-]*/g));
      expect([command, [...documented].sort()]).toEqual([command, declared.sort()]);
    }
  });

  test("quota <command> --help shows that command's usage", async () => {
    const run = await runCli("generate", "--help");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("--columns 本科=C,高职=D,中职=E");
    expect(run.stderr).toBe("");
  });
});

describe("template --all", () => {
  test("one workbook with a sheet per college, 年度任务 filled in", async () => {
    const out = join(tmp(), "全部.xlsx");
    const run = await runCli(
      "template",
      "--all",
      "--month",
      "2022-06",
      "--quotas",
      quotaFile,
      "-o",
      out
    );
    expect(run.code).toBe(0);
    const quotas = readQuotaLookup(await readGridsFromFile(quotaFile));
    const grids = await readGridsFromFile(out);
    // each form is followed by the college's 培训名单 and 取证名单
    expect(grids.map((g) => g.name).filter((n) => !/名单$/.test(n))).toEqual(
      quotas.colleges.map((c) => `${c.college}2022年6月`.slice(-31))
    );
    expect(run.stdout).toContain(`${quotas.colleges.length} 个学院`);
    // each form is one the validator accepts as that college's June form (blank figures aside)
    const check = await runCli("validate", out, "--quotas", quotaFile, "--json");
    const results = JSON.parse(check.stdout) as { college: string; month: string }[];
    expect(results.map((r) => r.college)).toEqual(quotas.colleges.map((c) => c.college));
    expect(new Set(results.map((r) => r.month))).toEqual(new Set(["2022-06"]));
  });

  test("--split writes one file per college into a folder", async () => {
    const dir = join(tmp(), "各学院");
    const run = await runCli(
      "template",
      "--all",
      "--split",
      "--month",
      "2022-06",
      "--quotas",
      quotaFile,
      "-o",
      dir
    );
    expect(run.code).toBe(0);
    const quotas = readQuotaLookup(await readGridsFromFile(quotaFile));
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(quotas.colleges.length);
    expect(files).toContain(`月报表-${quotas.colleges[0]!.college}-2022年6月.xlsx`);
  });

  test.each([
    [["template", "--all", "--month", "2022-06", "-o", "x.xlsx"], /需要 --quotas/],
    [
      ["template", "--split", "--college", "文学院", "--month", "2022-06", "-o", "x.xlsx"],
      /--split 只能与 --all/,
    ],
  ])("%j is refused", async (argv, message) => {
    const run = await runCli(...argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  test.each([[["--college", "文学院"]], [["--all"]]])(
    "template %j with a file that is not a quota workbook: exit 1, the file named",
    async (which) => {
      const notQuotas = join(SAMPLE_DIR, "graduates.csv");
      const output = join(tmp(), "x.xlsx");
      const run = await runCli(
        "template",
        ...which,
        "--month",
        "2022-06",
        "--quotas",
        notQuotas,
        "-o",
        output
      );
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^错误：文件“graduates\.csv”/);
      expect(existsSync(output)).toBe(false);
    }
  );
});

describe("graduate tables headed in other words", () => {
  const csv = (head: string) => `${head}\n外国语学院,238,97,5\n文学院,100,0,12\n`;

  test("专科 and 中专 headers are read as 高职 and 中职", async () => {
    const input = join(tmp(), "专科.csv");
    writeFileSync(input, csv("学院,本科,高职（专科）,中专"));
    const run = await runCli("generate", input, "-o", join(tmp(), "q1.xlsx"), "--json");
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
  });

  test("--columns maps the columns when the header says nothing known", async () => {
    const input = join(tmp(), "甲乙丙.csv");
    writeFileSync(input, csv("学院,甲,乙,丙"));
    const refused = await runCli("generate", input, "-o", join(tmp(), "q2.xlsx"));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("手动指定");
    const out = join(tmp(), "q3.xlsx");
    const run = await runCli("generate", input, "-o", out, "--columns", "本科=B,高职=C,中职=D");
    expect(run.code).toBe(0);
    const grids = await readGrids(ExcelJS, readFileSync(out), out);
    expect(grids.map((g) => g.name)).toEqual(expect.arrayContaining(["表1", "表4"]));
    const bad = await runCli("generate", input, "-o", out, "--columns", "本科=B,高职=C");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("还需要指定 中职=列字母");
  });
});

describe("folders as people keep them", () => {
  test("subfolders are read; our own workbooks and lock files are skipped with a note; --list", async () => {
    const root = join(tmp(), "六月");
    const quotas = readQuotaLookup(await readGridsFromFile(quotaFile));
    const [a, b] = quotas.colleges;
    mkdirSync(join(root, a!.college), { recursive: true });
    mkdirSync(join(root, b!.college), { recursive: true });
    const month = { year: 2022, month: 6 };
    await writeReport(join(root, a!.college), "月报.xlsx", {
      targets: a!,
      month,
      done: { training: [10, 30] },
      day: 29,
    });
    await writeReport(join(root, b!.college), "月报.xlsx", {
      targets: b!,
      month,
      done: { training: [10, 30] },
      filer: "",
    });
    copyFileSync(quotaFile, join(root, "任务分配表.xlsx"));
    writeFileSync(join(root, a!.college, "~$月报.xlsx"), "lock");
    const list = join(tmp(), "问题清单.xlsx");
    const run = await runCli("validate", root, "--quotas", quotaFile, "--list", list);
    expect(run.stdout).toContain("共 2 份：1 份通过，1 份有错误。");
    expect(run.stderr).toContain("“任务分配表.xlsx”是任务分配表，不是月报表，已跳过");
    const rows = (await readGridsFromFile(list))[0]!.rows;
    expect(rows[1]).toEqual(["学院", "文件", "工作表", "单元格", "类别", "问题", "怎么改"]);
    expect(rows[2]!.slice(0, 1)).toEqual([b!.college]);
    expect(rows[2]![4]).toBe("错误");
    expect(String(rows[2]![6])).toContain("填报人");
    // a's late filing (a 提醒) comes after b's error though a's file comes first
    const severities = rows.slice(2).map((r) => r[4]);
    expect(severities).toContain("提醒");
    expect(severities.indexOf("提醒")).toBeGreaterThan(severities.lastIndexOf("错误"));
  });
});

describe("a report of another month", () => {
  test("a June report in a July run gets the month error only, no false 累计 errors", async () => {
    const quotas = readQuotaLookup(await readGridsFromFile(quotaFile));
    const a = quotas.colleges[0]!;
    const dir = join(tmp(), "month-only");
    mkdirSync(dir, { recursive: true });
    const juneFile = await writeReport(dir, "六月.xlsx", {
      targets: a,
      month: { year: 2022, month: 6 },
      done: { training: [10, 30], advanced: [1, 3] },
    });
    const master = join(tmp(), "month-only-master.xlsx");
    expect((await runCli("rollup", juneFile, "-o", master, "--quotas", quotaFile)).code).toBe(0);
    // the same college's June form, changed, sent again in July's run
    const again = await writeReport(dir, "又一份六月.xlsx", {
      targets: a,
      month: { year: 2022, month: 6 },
      done: { training: [5, 50] },
    });
    const run = await runCli(
      "rollup",
      again,
      "--into",
      master,
      "-o",
      master,
      "--quotas",
      quotaFile,
      "--month",
      "2022-07",
      "--json"
    );
    const result = JSON.parse(run.stdout) as { rejected: { errors: { code: string }[] }[] };
    expect(result.rejected.map((r) => r.errors.map((e) => e.code))).toEqual([["month-mismatch"]]);
  });
});

describe("the import time in 月报台账", () => {
  test("local, readable to the minute; Beijing when the machine is on UTC", () => {
    const at = new Date("2026-11-29T01:50:12.220Z");
    expect(localTime(at, "Asia/Shanghai")).toBe("2026-11-29 09:50");
    expect(localTime(at, "Europe/Berlin")).toBe("2026-11-29 02:50");
    expect(importTimeZone(undefined, "UTC")).toBe("Asia/Shanghai");
    expect(importTimeZone(undefined, "Etc/UTC")).toBe("Asia/Shanghai");
    expect(importTimeZone(undefined, "Asia/Urumqi")).toBe("Asia/Urumqi");
    expect(importTimeZone("Europe/Berlin", "UTC")).toBe("Europe/Berlin");
    expect(importTimeZone("Not/AZone", "UTC")).toBe("Asia/Shanghai");
  });
});
