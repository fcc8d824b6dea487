import { parseArgs } from "util";
import { QuotaError } from "../core/errors";
import { demo } from "./demo";
import { generate } from "./generate";
import { rollup } from "./rollup";
import { template } from "./template";
import { validate } from "./validate";
import { fileHint } from "./fileHint";
import { Output, printLines, processOutput } from "./output";
import { parseMonth } from "../core/report/reportMonth";
import { templateAll } from "./templateAll";
import { COMMANDS, USAGE, UsageError, closest, commandUsage } from "./usage";

type Parsed = ReturnType<typeof parseArgs>;
type Options = NonNullable<Parameters<typeof parseArgs>[0]>["options"];

/** Node's parseArgs message in Chinese, with the closest flag when one was mistyped. */
export function parseMessage(message: string, options: Options): string {
  const flags = Object.entries(options ?? {}).flatMap(([name, o]) => [
    `--${name}`,
    ...(o.short ? [`-${o.short}`] : []),
  ]);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) {
    const guess = closest(unknown[1]!, flags);
    return `未知参数“${unknown[1]}”${guess ? `，您是不是要输入 ${guess}？` : ""}（可用的参数：${flags.filter((f) => f.startsWith("--")).join(" ")}）`;
  }
  const missing = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(message);
  if (missing) return `参数 ${missing[1]} 后面需要一个值`;
  const noValue = /Option '(--[\w-]+)' does not take an argument/.exec(message);
  if (noValue) return `参数 ${noValue[1]} 不带值，请去掉“=”后面的内容`;
  return `命令行无法识别（${message}）`;
}

function parse(args: string[], options: Options, command: string): Parsed {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(
      parseMessage(error instanceof Error ? error.message : String(error), options),
      command
    );
  }
}

async function run(argv: string[], out: Output): Promise<number> {
  const [command, ...rest] = argv;
  // `quota generate --help` is how many people ask: the command's own usage, not an unknown flag.
  if (command && COMMANDS.includes(command) && rest.some((a) => a === "--help" || a === "-h"))
    return help(command, false, out);
  switch (command) {
    case "generate": {
      const { values, positionals } = parse(
        rest,
        {
          output: { type: "string", short: "o" },
          formulas: { type: "string" },
          columns: { type: "string" },
          rates: { type: "string" },
          floors: { type: "string" },
          "onex-exclude": { type: "string" },
          apportion: { type: "boolean" },
          year: { type: "string" },
          json: { type: "boolean" },
          force: { type: "boolean" },
        },
        command
      );
      if (positionals.length !== 1) throw new UsageError("generate 需要且只需要一个毕业生人数文件");
      if (typeof values.output !== "string")
        throw new UsageError("generate 需要 -o <输出文件.xlsx>");
      if (!/\.xlsx$/i.test(values.output)) throw new UsageError("输出文件应以 .xlsx 结尾");
      return generate(
        {
          input: positionals[0]!,
          output: values.output,
          formulas: values.formulas as string | undefined,
          rates: values.rates as string | undefined,
          floors: values.floors as string | undefined,
          onexExclude: values["onex-exclude"] as string | undefined,
          apportion: values.apportion === true,
          columns: values.columns as string | undefined,
          year: values.year as string | undefined,
          json: values.json === true,
          force: values.force === true,
        },
        out
      );
    }
    case "template": {
      const { values, positionals } = parse(
        rest,
        {
          college: { type: "string" },
          month: { type: "string" },
          quotas: { type: "string" },
          output: { type: "string", short: "o" },
          all: { type: "boolean" },
          split: { type: "boolean" },
          force: { type: "boolean" },
        },
        command
      );
      if (positionals.length > 0)
        throw new UsageError(`template 不接受多余的参数“${positionals.join(" ")}”`, command);
      if (values.all) return templateAllCommand(values, out);
      if (values.split) throw new UsageError("--split 只能与 --all 一起使用", command);
      if (typeof values.output !== "string" || !/\.xlsx$/i.test(values.output))
        throw new UsageError("template 需要 -o <月报表.xlsx>");
      return template(
        {
          college: values.college as string,
          month: values.month as string,
          quotas: values.quotas as string | undefined,
          output: values.output,
          force: values.force === true,
        },
        out
      );
    }
    case "validate": {
      const { values, positionals } = parse(
        rest,
        {
          quotas: { type: "string" },
          previous: { type: "string" },
          month: { type: "string" },
          list: { type: "string" },
          json: { type: "boolean" },
          "id-key-file": { type: "string" },
        },
        command
      );
      return validate(
        {
          files: positionals,
          quotas: values.quotas as string | undefined,
          previous: values.previous as string | undefined,
          month: values.month as string | undefined,
          list: values.list as string | undefined,
          json: values.json === true,
          idKeyFile: values["id-key-file"] as string | undefined,
        },
        out
      );
    }
    case "rollup": {
      const { values, positionals } = parse(
        rest,
        {
          output: { type: "string", short: "o" },
          into: { type: "string" },
          quotas: { type: "string" },
          month: { type: "string" },
          json: { type: "boolean" },
          replace: { type: "boolean" },
          force: { type: "boolean" },
          "id-key-file": { type: "string" },
        },
        command
      );
      if (typeof values.output !== "string" || !/\.xlsx$/i.test(values.output))
        throw new UsageError("rollup 需要 -o <总表.xlsx>");
      return rollup(
        {
          files: positionals,
          output: values.output,
          into: values.into as string | undefined,
          quotas: values.quotas as string | undefined,
          month: values.month as string | undefined,
          json: values.json === true,
          replace: values.replace === true,
          force: values.force === true,
          idKeyFile: values["id-key-file"] as string | undefined,
        },
        out
      );
    }
    case "demo": {
      const { values } = parse(rest, { output: { type: "string", short: "o" } }, command);
      return demo(values.output as string | undefined, out);
    }
    case undefined:
    case "help":
    case "--help":
    case "-h":
      return help(rest[0], command === undefined, out);
    default: {
      const guess = closest(command, COMMANDS);
      throw new UsageError(
        `未知命令“${command}”${guess ? `，您是不是要输入 ${guess}？` : ""}（可用的命令：${COMMANDS.join("、")}）`
      );
    }
  }
}

function help(topic: string | undefined, bare: boolean, out: Output): number {
  if (topic === undefined) {
    printLines((line) => out.stdout(line), USAGE);
    return bare ? 2 : 0;
  }
  const text = commandUsage(topic);
  if (text === null) {
    const guess = closest(topic, COMMANDS);
    throw new UsageError(
      `没有命令“${topic}”${guess ? `，您是不是要输入 ${guess}？` : ""}（可用的命令：${COMMANDS.join("、")}）`
    );
  }
  printLines((line) => out.stdout(line), text);
  return 0;
}

async function templateAllCommand(values: Parsed["values"], out: Output): Promise<number> {
  const month = parseMonth(String(values.month ?? ""));
  if (!month)
    throw new UsageError(`--month 应为年月，如 2022-06（收到“${values.month ?? ""}”）`, "template");
  if (values.college !== undefined)
    throw new UsageError("--all 已包含全部学院，不要再给 --college", "template");
  if (typeof values.output !== "string") throw new UsageError("template --all 需要 -o", "template");
  return templateAll(
    {
      month,
      quotas: values.quotas as string | undefined,
      output: values.output,
      split: values.split === true,
    },
    out
  );
}

/** Runs the CLI; returns the exit code (0 done, 1 input problem, 2 usage). */
export async function main(argv: string[], out: Output = processOutput): Promise<number> {
  try {
    return await run(argv, out);
  } catch (error) {
    if (error instanceof UsageError) {
      out.stderr(`用法错误：${error.message}`);
      out.stderr(
        error.command
          ? `运行 quota help 查看用法，或 quota help ${error.command} 只看本命令。`
          : "运行 quota help 查看用法。"
      );
      return 2;
    }
    if (error instanceof QuotaError) {
      out.stderr(`错误：${error.message}`);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === "string" && /^E[A-Z]+$/.test(code)) {
      out.stderr(`错误：文件操作失败（${code}：${(error as Error).message}）。${fileHint(code)}`);
      return 1;
    }
    throw error;
  }
}
