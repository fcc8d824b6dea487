/* The Excel wrappers: the JSDoc functions turn core error values into CustomFunctions.Error. */

class FakeError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}

const associated: string[] = [];
(globalThis as Record<string, unknown>).CustomFunctions = {
  Error: FakeError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    invalidNumber: "#NUM!",
    divisionByZero: "#DIV/0!",
  },
  associate: (id: string) => associated.push(id),
};

// eslint-disable-next-line @typescript-eslint/no-require-imports
const f = require("../src/functions/functions") as typeof import("../src/functions/functions");

const thrown = (fn: () => unknown): FakeError => {
  try {
    fn();
  } catch (error) {
    return error as FakeError;
  }
  throw new Error("did not throw");
};

test("values pass through", () => {
  expect(f.training([[238, 97, 0]])).toBe(369);
  expect(f.training([[1795]], null)).toBe(1975);
  expect(f.advanced([[790]])).toBe(632);
  expect(f.nonadvanced([[250]], [[755]])).toBe(464);
  expect(f.intermediate([[250]])).toBe(238);
  expect(f.onex([[632, 238]])).toBe(183);
  expect(f.completion([[123]], 369)).toBe(0.3333);
  expect(f.apportion(10, [[1], [1], [1]])).toEqual([[4], [3], [3]]);
});

test("#VALUE! and #N/A carry the Chinese message; #NUM! and #DIV/0! carry none", () => {
  const value = thrown(() => f.training([["三百"]]));
  expect(value).toBeInstanceOf(FakeError);
  expect(value.code).toBe("#VALUE!");
  expect(value.message).toMatch(/三百/);
  const num = thrown(() => f.training([[-1]]));
  expect(num.code).toBe("#NUM!");
  expect(num.message).toBeUndefined();
  expect(thrown(() => f.completion([[1]], 0)).code).toBe("#DIV/0!");
});

test("a blank rate cell: the same #VALUE! from Excel on Windows (0) and on the web (null)", () => {
  const at = { parameterAddresses: ["Sheet1!E3", "参数!B3"] } as CustomFunctions.Invocation;
  const desktop = thrown(() => f.training([[335]], 0, at));
  const web = thrown(() => f.training([[335]], null, at));
  expect(desktop.code).toBe("#VALUE!");
  expect(desktop.message).toMatch(/参数!B3.*为空或为 0/);
  expect(web).toEqual(desktop);
  const nonadvanced = { parameterAddresses: ["A1", "B1", "参数!B4", "参数!B5"] };
  expect(thrown(() => f.nonadvanced([[1]], [[1]], 0.95, 0, nonadvanced as never)).message).toMatch(
    /本科取证比例.*参数!B5/
  );
  // Omitted: no address, the plan's rate, as before.
  expect(f.training([[335]], null, { parameterAddresses: ["Sheet1!E3", ""] } as never)).toBe(369);
  expect(f.training([[335]], 1.2, at)).toBe(402);
});
