import { runConfirmed } from "../../src/taskpane/confirmDialog";
import { describeError } from "../../src/taskpane/status";

describe("a confirmation is asked outside Excel.run", () => {
  /** A stand-in for Excel.run: records whether a run is open while the person is asked. */
  function workbook(replacing: string[][]) {
    let open = false;
    const runs: string[] = [];
    const attempt = async (approved: (items: readonly string[]) => boolean) => {
      open = true;
      await Promise.resolve();
      const now = replacing[Math.min(runs.length, replacing.length - 1)]!;
      runs.push(approved(now) ? "write" : "ask");
      open = false;
      return approved(now) ? { written: now } : { confirm: now };
    };
    const asked: string[][] = [];
    const ask = async (items: readonly string[]) => {
      expect(open).toBe(false);
      asked.push([...items]);
      return true;
    };
    return { attempt, ask, runs, asked };
  }

  test("ask, then a new run reads again and writes what was agreed", async () => {
    const w = workbook([["表1"], ["表1"]]);
    expect(await runConfirmed(w.attempt, w.ask)).toEqual({ written: ["表1"] });
    expect(w.runs).toEqual(["ask", "write"]);
    expect(w.asked).toEqual([["表1"]]);
  });

  test("the workbook changed meanwhile: asked again about what it holds now", async () => {
    const w = workbook([["表1"], ["表1", "表2"], ["表1", "表2"]]);
    expect(await runConfirmed(w.attempt, w.ask)).toEqual({ written: ["表1", "表2"] });
    expect(w.asked).toEqual([["表1"], ["表1", "表2"]]);
    expect(w.runs).toEqual(["ask", "ask", "write"]);
  });

  test("declined: null, one run only", async () => {
    const w = workbook([["表1"]]);
    expect(await runConfirmed(w.attempt, async () => false)).toBeNull();
    expect(w.runs).toEqual(["ask"]);
  });
});

describe("Excel's errors in the pane", () => {
  const excelError = (code: string, message: string) =>
    Object.assign(new Error(message), { code, name: "RichApi.Error" });

  test("only the documented edit-mode code reads as cell editing", () => {
    expect(describeError(excelError("InvalidOperationInCellEditMode", "x")).message).toMatch(
      /正在编辑单元格/
    );
  });

  test("another InvalidOperation keeps its own text", () => {
    const shown = describeError(
      excelError("InvalidOperation", "The table overlaps another table.")
    );
    expect(shown.message).not.toMatch(/编辑单元格/);
    expect(shown.message).toContain("The table overlaps another table.");
  });
});
