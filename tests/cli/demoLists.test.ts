/* `quota demo` with lists: each sample report's lists agree with its form, one planted duplicate is found on both sides. */
import ExcelJS from "exceljs";
import { execFile } from "child_process";
import { join, resolve } from "path";
import { promisify } from "util";
import { useTempDir } from "../support/tempDir";

const tmp = useTempDir("demo-lists-");
jest.setTimeout(120_000);

test("the demo's lists: only the planted faults are found, and the duplicate on both colleges", async () => {
  // The built CLI (npm test builds first): the demo finds the bundled sample beside dist/.
  const bin = resolve(__dirname, "..", "..", "bin", "quota.js");
  const run = await promisify(execFile)("node", [bin, "demo", "-o", tmp()]);
  const step3 = run.stdout.slice(run.stdout.indexOf("第 3 步"), run.stdout.indexOf("第 4 步"));
  // Errors only where planted: 机械与电气信息学院's form, and the duplicate in two colleges' lists.
  expect(step3.match(/^✗ .*$/gm)!.map((l) => l.split(" ")[1])).toEqual([
    "03-机械与电气信息学院-2022年6月.xlsx",
    "04-传媒学院-2022年6月.xlsx",
    "06-风景园林学院-2022年6月.xlsx",
  ]);
  expect(step3).toContain(
    "错误 取证名单!J3：证书编号重复：另见 风景园林学院 2022-06 取证名单 第3行"
  );
  expect(step3).toContain("错误 取证名单!J3：证书编号重复：另见 传媒学院 2022-06 取证名单 第3行");
  expect(step3.match(/提醒 (?!B14)/g)).toBeNull(); // no list warning besides the late filing
  const step4 = run.stdout.slice(run.stdout.indexOf("第 4 步"));
  expect(step4).toContain("名单核对：已核对 10，未核对 2，无名单 0");
  expect(step4).toContain("传媒学院 2022-06 取证名单!J3：证书编号重复");
  expect(step4).toContain("✗ 未汇总 06-风景园林学院-2022年6月.xlsx");
  expect(run.stdout).toContain("埋下的名单重复：风景园林学院取证名单第3行（J3）");

  const master = new ExcelJS.Workbook();
  await master.xlsx.readFile(join(tmp(), "2022-总表.xlsx"));
  const ledger = master.getWorksheet("名单台账")!;
  expect(ledger.rowCount).toBeGreaterThan(5000);
  const summary = JSON.stringify(master.getWorksheet("汇总2022-06")!.getSheetValues());
  expect(summary).toContain("名单核对");
  expect(summary).toContain("与其他学院的名单重复");
});
