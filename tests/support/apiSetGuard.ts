/*
 * A stricter Office mock: the members of an Excel class that need a higher ExcelApi than the manifest
 * declares, read from the "[Api set: ExcelApi x.y]" tags of @types/office-js, throw when touched, as
 * they would on an Excel that only has the declared set.
 */
import { readFileSync } from "fs";
import { REQUIRED_EXCEL_API } from "../../src/adapters/office/features";

const version = (v: string) => v.split(".").map(Number);
const above = (a: string, b: string) => {
  const [x, y] = [version(a), version(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
};

let excelTypes: string | null = null;

/** Member → the lowest ExcelApi version among its declarations (overloads), for class Excel.<name>. */
export function excelMemberSets(className: string): Map<string, string> {
  excelTypes ??= readFileSync(require.resolve("@types/office-js/index.d.ts"), "utf8");
  const namespace = excelTypes.indexOf("\ndeclare namespace Excel {");
  const start = excelTypes.indexOf(
    `\n    class ${className} extends OfficeExtension.ClientObject {`,
    namespace
  );
  if (namespace < 0 || start < 0)
    throw new Error(`Excel.${className} not found in @types/office-js`);
  const end = excelTypes.indexOf("\n    }", start);
  const sets = new Map<string, string>();
  let set: string | null = null;
  for (const line of excelTypes.slice(start, end).split("\n").slice(2)) {
    const tag = /\[Api set: ExcelApi (\d+(?:\.\d+)*)/.exec(line);
    if (tag) set = tag[1]!;
    const member = /^ {8}(?:readonly\s+)?(\w+)\??\s*[(:<]/.exec(line);
    if (!member || !set) continue;
    const had = sets.get(member[1]!);
    if (!had || above(had, set)) sets.set(member[1]!, set);
    set = null;
  }
  return sets;
}

/** The members of Excel.<className> above the declared ExcelApi, with the version each needs. */
export function membersAboveDeclared(
  className: string,
  declared = REQUIRED_EXCEL_API
): Map<string, string> {
  return new Map([...excelMemberSets(className)].filter(([, set]) => above(set, declared)));
}

/** A proxy handler `get` that throws on a member of Excel.<className> above the declared set. */
export function rejectAboveDeclared(className: string) {
  const forbidden = membersAboveDeclared(className);
  return (target: object, prop: string | symbol, receiver: unknown): unknown => {
    const needs = typeof prop === "string" ? forbidden.get(prop) : undefined;
    if (needs)
      throw new Error(
        `ApiNotFound: Excel.${className}.${String(prop)} needs ExcelApi ${needs}; the manifest declares ${REQUIRED_EXCEL_API}`
      );
    return Reflect.get(target, prop, receiver);
  };
}
