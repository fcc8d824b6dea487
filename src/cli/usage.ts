/** Thrown for a wrong command line: exit code 2 with the usage text. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command the line was for, so that its own help can be named. */
    readonly command?: string
  ) {
    super(message);
    this.name = "UsageError";
  }
}

/** Each command's part of the usage text, in the order `quota help` lists them. */
export const COMMAND_USAGE: Readonly<Record<string, string>> = {
  generate: `  generate <毕业生人数.xlsx|.csv> -o <任务分配表.xlsx>
        [--formulas native|values]        公式形式（默认 native：普通 Excel 公式；values：仅数值）
        [--rates training=110%,advanced=80%,intermediate=95%,undergraduate=30%,onex=21%]
        [--floors training=14000,advanced=3600,certificates=7080,onex=940]
        [--onex-exclude 学院,...]         表4 不含的学院（默认：职业教育学院；写 none 表示不排除）
        [--apportion]                     按最大余额法分配，使各学院之和等于合计
        [--columns 本科=C,高职=D,中职=E]   找不到表头时手动指定各列（可加 学院=A、表头=2）
        [--year 2022]                     标题中的年份与届别（默认取毕业生表中的“2022届”）
        [--json]                          以 JSON 输出结果
        [--force]                         -o 已是其他工作簿（总表、非本工具生成）时仍覆盖`,
  template: `  template --college 学院 --month YYYY-MM [--quotas 任务分配表.xlsx] -o 月报表.xlsx [--force]
                                          生成某学院某月的月报表（附件6）模板，附培训名单、取证名单
  template --all --month YYYY-MM --quotas 任务分配表.xlsx -o 月报表.xlsx
                                          全部学院，一个文件，每个学院一个工作表
  template --all --split --month YYYY-MM --quotas 任务分配表.xlsx -o 文件夹
                                          全部学院，每个学院一个文件，放在该文件夹中`,
  validate: `  validate <月报表、文件夹或通配符...> [--quotas 任务分配表.xlsx]
         [--previous 上月月报.xlsx|总表.xlsx] [--month YYYY-MM] [--json]
         [--list 问题清单.xlsx]          另存一份问题清单（每个问题一行，可发回各学院）
         [--id-key-file 密钥.txt]        身份证号比对密钥（或环境变量 QUOTA_ID_KEY）
                                          检查月报表及其培训名单、取证名单；全部通过退出码 0，有错误为 1
                                          名单与附件6的当月完成核对；--previous 给总表时也核对累计与跨月、跨学院重复
                                          文件夹连同子文件夹一起读取，本工具生成的任务分配表、总表会跳过`,
  rollup: `  rollup <月报表、文件夹或通配符...> -o 总表.xlsx [--into 已有总表.xlsx]
         [--quotas 任务分配表.xlsx] [--month YYYY-MM] [--replace] [--force] [--json]
                                          汇总各学院月报到总表（月报台账、汇总表）；有未汇总的报表时退出码为 1
                                          并入已有总表请用 --into（-o 可为同一文件），不会直接覆盖已有总表
                                          汇总月份取 --month，或各报表一致的月份（不一致时需指定）
                                          --replace：某学院本月已导入，用另一份文件替换它
                                          名单不符或有错误的报表不汇总；名单写入总表“名单台账”（姓名、身份证号脱敏）
         [--id-key-file 密钥.txt]        身份证号摘要密钥（或环境变量 QUOTA_ID_KEY；不写入总表）`,
  demo: `  demo [-o 输出目录]                       用内置的 2022 年方案样例跑一遍完整流程`,
  help: `  help [命令]                             显示本说明，或只显示某个命令的说明`,
};

export const COMMANDS = Object.keys(COMMAND_USAGE);

const RUN = `运行方式（在本项目文件夹中 npm ci 之后）：npx quota <命令> …，或 npm run quota -- <命令> …`;

export const USAGE = `用法：quota <命令> [参数]
${RUN}

命令：
${COMMANDS.map((c) => COMMAND_USAGE[c]).join("\n")}

退出码：0 完成；1 输入文件有问题；2 命令行用法错误。`;

/** One command's usage, or null for a name that is not a command. */
export function commandUsage(command: string): string | null {
  const text = COMMAND_USAGE[command];
  return text ? `用法：quota ${command} …\n${RUN}\n\n${text}` : null;
}

/** Levenshtein distance, for “did you mean”. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The closest of `names` to a mistyped word, when it is close enough to be a slip. */
export function closest(word: string, names: readonly string[]): string | null {
  const lower = word.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const name of names) {
    const d = name.startsWith(lower) && lower.length >= 3 ? 0.5 : editDistance(lower, name);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}
