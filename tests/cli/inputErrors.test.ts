/* A file a person must fix is answered in plain Chinese: no spreadsheet error kind (#VALUE!, #N/A)
   reaches the CLI's stderr or the pane's status line. */
import { writeFileSync } from "fs";
import { join } from "path";
import { InputError } from "../../src/core/errors";
import { describeError } from "../../src/taskpane/status";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";

const tmp = useTempDir("input-errors-");

test.each([
  ["empty.xlsx", "", /文件“empty\.xlsx”：文件是空的/],
  ["notes.xlsx", "just some text, not a workbook", /文件“notes\.xlsx”：/],
])("generate from %s: exit 1 and a plain Chinese message", async (name, content, message) => {
  const path = join(tmp(), name);
  writeFileSync(path, content);
  const run = await runCli("generate", path, "-o", join(tmp(), "任务分配表.xlsx"));
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).toMatch(/^错误：/);
  expect(run.stderr).not.toMatch(/#[A-Z/0]+[!A]/);
});

test("validate with a --quotas file that is no workbook: the same plain message", async () => {
  const quotas = join(tmp(), "q.xlsx");
  writeFileSync(quotas, "");
  const run = await runCli("validate", "--quotas", quotas, join(tmp(), "r.xlsx"));
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/^错误：文件“q\.xlsx”：文件是空的/);
  expect(run.stderr + run.stdout).not.toMatch(/#[A-Z/0]+[!A]/);
});

test("the pane shows an InputError's message with the next step, and no kind", () => {
  const shown = describeError(new InputError("表头行号应为正整数").at("手动指定"));
  expect(shown).toEqual({ message: "手动指定：表头行号应为正整数", next: "请修改后重试。" });
});
