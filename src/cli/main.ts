import { parseArgs } from "util";
import { QuotaError } from "../core/errors";
import { demo } from "./demo";
import { generate } from "./generate";
import { rollup } from "./rollup";
import { template } from "./template";
import { validate } from "./validate";
import { fileHint } from "./fileHint";
import { Output, processOutput } from "./output";
import { USAGE, UsageError } from "./usage";

type Parsed = ReturnType<typeof parseArgs>;

function parse(
  args: string[],
  options: NonNullable<Parameters<typeof parseArgs>[0]>["options"]
): Parsed {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function run(argv: string[], out: Output): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "generate": {
      const { values, positionals } = parse(rest, {
        output: { type: "string", short: "o" },
        formulas: { type: "string" },
        rates: { type: "string" },
        floors: { type: "string" },
        "onex-exclude": { type: "string" },
        apportion: { type: "boolean" },
        year: { type: "string" },
        json: { type: "boolean" },
      });
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
          year: values.year as string | undefined,
          json: values.json === true,
        },
        out
      );
    }
    case "template": {
      const { values, positionals } = parse(rest, {
        college: { type: "string" },
        month: { type: "string" },
        quotas: { type: "string" },
        output: { type: "string", short: "o" },
      });
      if (positionals.length > 0)
        throw new UsageError(`template 不接受多余的参数“${positionals.join(" ")}”`);
      if (typeof values.output !== "string" || !/\.xlsx$/i.test(values.output))
        throw new UsageError("template 需要 -o <月报表.xlsx>");
      return template(
        {
          college: values.college as string,
          month: values.month as string,
          quotas: values.quotas as string | undefined,
          output: values.output,
        },
        out
      );
    }
    case "validate": {
      const { values, positionals } = parse(rest, {
        quotas: { type: "string" },
        previous: { type: "string" },
        month: { type: "string" },
        json: { type: "boolean" },
      });
      return validate(
        {
          files: positionals,
          quotas: values.quotas as string | undefined,
          previous: values.previous as string | undefined,
          month: values.month as string | undefined,
          json: values.json === true,
        },
        out
      );
    }
    case "rollup": {
      const { values, positionals } = parse(rest, {
        output: { type: "string", short: "o" },
        into: { type: "string" },
        quotas: { type: "string" },
        month: { type: "string" },
        json: { type: "boolean" },
      });
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
        },
        out
      );
    }
    case "demo": {
      const { values } = parse(rest, { output: { type: "string", short: "o" } });
      return demo(values.output as string | undefined, out);
    }
    case undefined:
    case "help":
    case "--help":
    case "-h":
      out.stdout(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`未知命令“${command}”`);
  }
}

/** Runs the CLI; returns the exit code (0 done, 1 input problem, 2 usage). */
export async function main(argv: string[], out: Output = processOutput): Promise<number> {
  try {
    return await run(argv, out);
  } catch (error) {
    if (error instanceof UsageError) {
      out.stderr(`用法错误：${error.message}`);
      out.stderr("运行 quota help 查看用法。");
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
