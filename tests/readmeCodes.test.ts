/* The README's table of --json codes is the registry's: every registered code once, in its group,
   with its level; nothing else. A code added, renamed or removed without the README fails here. */
import { readFileSync } from "fs";
import { join } from "path";
import { FINDING_SEVERITY, FindingCode, ROLLUP_CODES } from "../src/core/report/finding";

const FILE_CODES: readonly FindingCode[] = [
  "file-unreadable",
  "form-not-found",
  "sheet-hidden",
  "file-colleges",
  "file-college-differs",
];
const LEVEL = { error: "错误", warning: "警告" } as const;

/** The README group each code belongs in. */
function groupOf(code: FindingCode): string {
  if (code.startsWith("list-")) return "名单";
  if (FILE_CODES.includes(code)) return "文件";
  if ((ROLLUP_CODES as readonly string[]).includes(code)) return "汇总";
  return "附件6";
}

/** The rows of the README's code section: `group code level`, one per table row. */
function readmeRows(readme: string): string[] {
  const start = readme.indexOf("## 报错代码");
  expect(start).toBeGreaterThan(0);
  const end = readme.indexOf("\n## ", start + 1);
  const rows: string[] = [];
  let group = "";
  for (const line of readme.slice(start, end < 0 ? undefined : end).split("\n")) {
    const heading = /^### (.+)$/.exec(line);
    if (heading) group = heading[1]!.trim();
    const row = /^\|\s*`([^`]+)`\s*\|\s*(\S+)\s*\|(.*)\|\s*$/.exec(line);
    if (row) {
      expect(row[3]!.trim()).not.toBe("");
      rows.push(`${group} ${row[1]} ${row[2]}`);
    }
  }
  return rows;
}

describe("README: the --json codes", () => {
  const readme = readFileSync(join(__dirname, "../README.md"), "utf8");

  test("every registered code once, in its group and with its level; no other", () => {
    const expected = (Object.keys(FINDING_SEVERITY) as FindingCode[]).map(
      (code) => `${groupOf(code)} ${code} ${LEVEL[FINDING_SEVERITY[code]]}`
    );
    const rows = readmeRows(readme);
    expect(rows.length).toBe(new Set(rows).size);
    expect([...rows].sort()).toEqual([...expected].sort());
  });

  test("the four groups, in order", () => {
    const groups = [...new Set(readmeRows(readme).map((r) => r.split(" ")[0]))];
    expect(groups).toEqual(["附件6", "名单", "文件", "汇总"]);
  });

  test("a README missing a code, or with a stray one, fails the comparison", () => {
    const without = readme.replace(/^\| `date-late` .*\n/m, "");
    expect(readmeRows(without)).not.toContain("附件6 date-late 警告");
    const stray = readme.replace("### 汇总\n", "### 汇总\n\n| `rate-too-high` | 错误 | x |\n");
    expect(readmeRows(stray)).toContain("汇总 rate-too-high 错误");
  });
});
