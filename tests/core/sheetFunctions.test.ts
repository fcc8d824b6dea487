import { Arg, QuotaFunctionName, callSheetFunction } from "../../src/core/sheetFunctions";

const call = (name: QuotaFunctionName, ...args: Arg[]) => callSheetFunction(name, args);

describe("QUOTA functions over the core", () => {
  test("the plan's cells", () => {
    expect(call("TRAINING", [[238, 97, 0]])).toBe(369);
    expect(call("TRAINING", 1795)).toBe(1975);
    expect(call("TRAINING", 13247)).toBe(14572);
    expect(call("ADVANCED", 790)).toBe(632);
    expect(call("NONADVANCED", 250, 755)).toBe(464);
    expect(call("NONADVANCED", 108, 525)).toBe(260);
    expect(call("INTERMEDIATE", 250)).toBe(238);
    expect(call("ONEX", [[632, 238]])).toBe(183);
    expect(call("ONEX", 4628)).toBe(972);
  });

  test("blank and omitted arguments, as desktop Excel and Excel on the web pass them", () => {
    expect(call("TRAINING", [[238, null, 0]])).toBe(call("TRAINING", [[238, 0, 0]]));
    expect(call("TRAINING", 335, null)).toBe(369);
    expect(call("TRAINING", 335, undefined)).toBe(369);
    expect(call("NONADVANCED", [[null]], 345, null, null)).toBe(104);
  });

  // Excel on Windows passes a blank cell given to a scalar argument as 0, Excel on the web as null;
  // both say where the argument came from (parameterAddresses), a typed value has no address.
  const DESKTOP_BLANK = 0;
  const WEB_BLANK = null;
  test.each([
    ["TRAINING", [335], 1, "培训比例"],
    ["ADVANCED", [790], 1, "高级工取证比例"],
    ["NONADVANCED", [250, 755, 0.95], 3, "本科取证比例"],
    ["NONADVANCED", [250, 755], 2, "中职取证比例"],
    ["INTERMEDIATE", [250], 1, "中级工取证比例"],
    ["ONEX", [870], 1, "1+X取证比例"],
  ] as const)(
    "%s: a blank rate cell is the same #VALUE! on desktop and web",
    (name, head, at, label) => {
      const results = [DESKTOP_BLANK, WEB_BLANK].map((blank) => {
        const args: Arg[] = [...head];
        while (args.length < at) args.push(null);
        args[at] = blank;
        const addresses: string[] = [];
        addresses[at] = "参数!B3";
        return callSheetFunction(name, args, addresses);
      });
      expect(results[0]).toEqual(results[1]);
      expect(results[0]).toEqual({ error: "#VALUE!", message: expect.stringContaining("参数!B3") });
      expect((results[0] as { message: string }).message).toContain(label);
    }
  );

  test("a rate cell that is filled in is read whatever the host", () => {
    expect(callSheetFunction("TRAINING", [335, 1.2], ["A1", "参数!B3"])).toBe(402);
    expect(callSheetFunction("TRAINING", [335, "0%"], ["A1", "参数!B3"])).toBe(0);
    // Omitted (no address) is the plan's rate; a typed 0 cannot be told from a blank on Windows.
    expect(callSheetFunction("TRAINING", [335, null], ["A1", ""])).toBe(369);
    expect(callSheetFunction("TRAINING", [335, 0], ["A1", ""])).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(/培训比例.*为空或为 0/),
    });
  });

  test("rates as percent text, as decimals and as a one-cell range", () => {
    expect(call("TRAINING", 335, "120%")).toBe(402);
    expect(call("TRAINING", 335, 1.2)).toBe(402);
    expect(call("TRAINING", 335, [[1.2]])).toBe(402);
    expect(call("NONADVANCED", 100, 100, "90%", "50%")).toBe(140);
  });

  test("COMPLETION and APPORTION", () => {
    expect(call("COMPLETION", 123, 369)).toBe(0.3333);
    expect(call("COMPLETION", [[100, 23]], 369)).toBe(0.3333);
    expect(call("COMPLETION", 0, 5)).toBe(0);
    expect(call("APPORTION", 10, [[1], [1], [1]])).toEqual([[4], [3], [3]]);
    expect(call("APPORTION", 14572, [[368.5], [2842.4]])).toEqual([[1672], [12900]]); // 1672.37… and 12899.62…
    expect(call("APPORTION", 3, [[1, 2]])).toEqual([[1], [2]]);
  });

  const misuse: [QuotaFunctionName, Arg[], string, RegExp?][] = [
    ["TRAINING", [-1], "#NUM!"],
    ["TRAINING", [1.5], "#NUM!"],
    ["TRAINING", ["三百"], "#VALUE!", /三百.*不是数字/],
    ["TRAINING", [[[1, "x"]]], "#VALUE!", /不是数字/],
    ["TRAINING", [true], "#VALUE!", /逻辑值/],
    ["TRAINING", [335, "abc"], "#VALUE!", /不是比例/],
    ["TRAINING", [335, 110], "#VALUE!", /110%/],
    ["TRAINING", [335, -0.1], "#VALUE!", /负数/],
    ["TRAINING", [335, [[1.1, 1.2]]], "#VALUE!", /单个单元格/],
    ["ADVANCED", ["abc"], "#VALUE!"],
    ["ADVANCED", [-5], "#NUM!"],
    ["NONADVANCED", [1, -1], "#NUM!"],
    ["NONADVANCED", [1, 1, "x"], "#VALUE!"],
    ["NONADVANCED", [1, 1, 0.95, "y"], "#VALUE!"],
    ["INTERMEDIATE", [0.5], "#NUM!"],
    ["INTERMEDIATE", [1, "%"], "#VALUE!"],
    ["ONEX", ["一百"], "#VALUE!"],
    ["ONEX", [1, 20], "#VALUE!"],
    ["COMPLETION", [1, 0], "#DIV/0!"],
    ["COMPLETION", [1, -3], "#NUM!"],
    ["COMPLETION", ["a", 3], "#VALUE!"],
    ["COMPLETION", [1, [[1, 2]]], "#VALUE!"],
    ["APPORTION", [5, [[0], [0]]], "#VALUE!", /权重全为 0/],
    ["APPORTION", [-5, [[1]]], "#NUM!"],
    ["APPORTION", [5, [[-1]]], "#NUM!"],
    ["APPORTION", [5, [["x"]]], "#VALUE!"],
    ["APPORTION", [2.5, [[1]]], "#NUM!"],
  ];
  // Pad to four columns: jest would take a missing fourth one for the `done` callback.
  test.each(misuse.map(([n, a, k, m]) => [n, a, k, m ?? null] as const))(
    "%s(%j) is %s",
    (name, args, kind, message) => {
      const result = callSheetFunction(name, args);
      expect(result).toEqual(expect.objectContaining({ error: kind }));
      if (message) expect((result as { message: string }).message).toMatch(message);
    }
  );
});
