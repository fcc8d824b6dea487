import { parseArgs } from "util";
import { QuotaError } from "../core/errors";
import { Args, COMMAND_TABLE, Command } from "./commands";
import { fileHint } from "./fileHint";
import { Output, printLines, processOutput } from "./output";
import { COMMANDS, USAGE, UsageError, closest, commandUsage } from "./usage";

/** Node's parseArgs message in Chinese, with the closest flag when one was mistyped. */
export function parseMessage(message: string, options: Command["flags"]): string {
  const flags = Object.entries(options).flatMap(([name, o]) => [
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

/** A command's line after its name, parsed against the command's flags in COMMAND_TABLE. */
function parse(rest: string[], command: string, flags: Command["flags"]): Args {
  try {
    const parsed = parseArgs({ args: rest, options: flags, strict: true, allowPositionals: true });
    const { values, positionals } = parsed;
    return new Args(values, positionals);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(parseMessage(message, flags), command);
  }
}

async function run(argv: string[], out: Output): Promise<number> {
  const [command, ...rest] = argv;
  // `quota generate --help` is how many people ask: the command's own usage, not an unknown flag.
  if (command && COMMANDS.includes(command) && rest.some((a) => a === "--help" || a === "-h"))
    return help(command, false, out);
  if (command === undefined || ["help", "--help", "-h"].includes(command))
    return help(rest[0], command === undefined, out);
  const entry = Object.prototype.hasOwnProperty.call(COMMAND_TABLE, command)
    ? COMMAND_TABLE[command]
    : undefined;
  if (!entry) {
    const guess = closest(command, COMMANDS);
    throw new UsageError(
      `未知命令“${command}”${guess ? `，您是不是要输入 ${guess}？` : ""}（可用的命令：${COMMANDS.join("、")}）`
    );
  }
  return entry.run(parse(rest, command, entry.flags), out);
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
