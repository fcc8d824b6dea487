/** Thrown for a wrong command line: exit code 2 with the usage text. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export const USAGE = `用法：quota <命令> [参数]

命令：
  generate <毕业生人数.xlsx|.csv> -o <任务分配表.xlsx>
        [--formulas native|values|quota]  公式形式（默认 native：普通 Excel 公式）
        [--rates training=110%,advanced=80%,intermediate=95%,undergraduate=30%,onex=21%]
        [--floors training=14000,advanced=3600,certificates=7080,onex=940]
        [--onex-exclude 学院,...]         表4 不含的学院（默认：职业教育学院；写 none 表示不排除）
        [--apportion]                     按最大余额法分配，使各学院之和等于合计
        [--year 2022]                     标题中的年份与届别（默认取毕业生表中的“2022届”）
        [--json]                          以 JSON 输出结果
  template --college 学院 --month YYYY-MM [--quotas 任务分配表.xlsx] -o 月报表.xlsx
                                          生成某学院某月的月报表（附件6）模板
  validate <月报表、文件夹或通配符...> [--quotas 任务分配表.xlsx]
         [--previous 上月月报.xlsx|总表.xlsx] [--month YYYY-MM] [--json]
                                          检查月报表；全部通过退出码 0，有错误为 1
  rollup <月报表、文件夹或通配符...> -o 总表.xlsx [--into 已有总表.xlsx]
         [--quotas 任务分配表.xlsx] [--month YYYY-MM] [--json]
                                          汇总各学院月报到总表（月报台账、汇总表）；有未汇总的报表时退出码为 1
                                          并入已有总表请用 --into（-o 可为同一文件），不会直接覆盖已有总表
  demo [-o 输出目录]                       用内置的 2022 年方案样例跑一遍完整流程
  help                                    显示本说明

退出码：0 完成；1 输入文件有问题；2 命令行用法错误。`;
