import { parseMonth } from "../core/report/reportMonth";
import type { Output } from "./output";
import { UsageError } from "./usage";

/*
 * Each command's module is required when that command runs, not at start-up: together they cost
 * about 0.1 s of loading (demo alone pulls in the writers), paid by every `quota` run before.
 */
const demoModule = () => require("./demo") as typeof import("./demo");
const generateModule = () => require("./generate") as typeof import("./generate");
const rollupModule = () => require("./rollup") as typeof import("./rollup");
const templateModule = () => require("./template") as typeof import("./template");
const templateAllModule = () => require("./templateAll") as typeof import("./templateAll");
const validateModule = () => require("./validate") as typeof import("./validate");

/** A flag as node's parseArgs declares it. */
export interface Flag {
  readonly type: "string" | "boolean";
  readonly short?: string;
}

/** A command line after parsing: its flags' values and the words that are not flags. */
export class Args {
  constructor(
    private readonly values: Readonly<Record<string, unknown>>,
    readonly positionals: readonly string[]
  ) {}

  /** A string flag's value; undefined when it is not given. */
  string(name: string): string | undefined {
    const value = this.values[name];
    return typeof value === "string" ? value : undefined;
  }

  /** A boolean flag: true when given. */
  boolean(name: string): boolean {
    return this.values[name] === true;
  }
}

export interface Command {
  readonly flags: Readonly<Record<string, Flag>>;
  readonly run: (args: Args, out: Output) => Promise<number>;
}

const text: Flag = { type: "string" };
const yes: Flag = { type: "boolean" };
const output: Flag = { type: "string", short: "o" };

function xlsxOutput(args: Args, message: string): string {
  const file = args.string("output");
  if (file === undefined || !/\.xlsx$/i.test(file)) throw new UsageError(message);
  return file;
}

function runGenerate(args: Args, out: Output): Promise<number> {
  if (args.positionals.length !== 1)
    throw new UsageError("generate 需要且只需要一个毕业生人数文件");
  if (args.string("output") === undefined) throw new UsageError("generate 需要 -o <输出文件.xlsx>");
  const file = xlsxOutput(args, "输出文件应以 .xlsx 结尾");
  const options = {
    input: args.positionals[0]!,
    output: file,
    formulas: args.string("formulas"),
    rates: args.string("rates"),
    floors: args.string("floors"),
    onexExclude: args.string("onex-exclude"),
    apportion: args.boolean("apportion"),
    columns: args.string("columns"),
    year: args.string("year"),
    json: args.boolean("json"),
    force: args.boolean("force"),
  };
  return generateModule().generate(options, out);
}

function runTemplate(args: Args, out: Output): Promise<number> {
  if (args.positionals.length > 0)
    throw new UsageError(`template 不接受多余的参数“${args.positionals.join(" ")}”`, "template");
  if (args.boolean("all")) return runTemplateAll(args, out);
  if (args.boolean("split")) throw new UsageError("--split 只能与 --all 一起使用", "template");
  const file = xlsxOutput(args, "template 需要 -o <月报表.xlsx>");
  const options = {
    // template() says what is missing, in the words of its own usage.
    college: args.string("college") as string,
    month: args.string("month") as string,
    quotas: args.string("quotas"),
    output: file,
    force: args.boolean("force"),
  };
  return templateModule().template(options, out);
}

function runTemplateAll(args: Args, out: Output): Promise<number> {
  const given = args.string("month") ?? "";
  const month = parseMonth(given);
  if (!month) throw new UsageError(`--month 应为年月，如 2022-06（收到“${given}”）`, "template");
  if (args.string("college") !== undefined)
    throw new UsageError("--all 已包含全部学院，不要再给 --college", "template");
  const file = args.string("output");
  if (file === undefined) throw new UsageError("template --all 需要 -o", "template");
  const options = {
    month,
    quotas: args.string("quotas"),
    output: file,
    split: args.boolean("split"),
  };
  return templateAllModule().templateAll(options, out);
}

function runValidate(args: Args, out: Output): Promise<number> {
  const options = {
    files: [...args.positionals],
    quotas: args.string("quotas"),
    previous: args.string("previous"),
    month: args.string("month"),
    list: args.string("list"),
    json: args.boolean("json"),
    idKeyFile: args.string("id-key-file"),
  };
  return validateModule().validate(options, out);
}

function runRollup(args: Args, out: Output): Promise<number> {
  const file = xlsxOutput(args, "rollup 需要 -o <总表.xlsx>");
  const options = {
    files: [...args.positionals],
    output: file,
    into: args.string("into"),
    quotas: args.string("quotas"),
    month: args.string("month"),
    json: args.boolean("json"),
    replace: args.boolean("replace"),
    force: args.boolean("force"),
    idKeyFile: args.string("id-key-file"),
  };
  return rollupModule().rollup(options, out);
}

/** Each command's flags and what runs it; `help` is main's own (it takes no flags). */
export const COMMAND_TABLE: Readonly<Record<string, Command>> = {
  generate: {
    flags: {
      output,
      formulas: text,
      columns: text,
      rates: text,
      floors: text,
      "onex-exclude": text,
      apportion: yes,
      year: text,
      json: yes,
      force: yes,
    },
    run: runGenerate,
  },
  template: {
    flags: {
      college: text,
      month: text,
      quotas: text,
      output,
      all: yes,
      split: yes,
      force: yes,
    },
    run: runTemplate,
  },
  validate: {
    flags: {
      quotas: text,
      previous: text,
      month: text,
      list: text,
      json: yes,
      "id-key-file": text,
    },
    run: runValidate,
  },
  rollup: {
    flags: {
      output,
      into: text,
      quotas: text,
      month: text,
      json: yes,
      replace: yes,
      force: yes,
      "id-key-file": text,
    },
    run: runRollup,
  },
  demo: { flags: { output }, run: (args, out) => demoModule().demo(args.string("output"), out) },
};
