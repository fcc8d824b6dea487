import { checkReportsPanel, rollupPanel } from "./browserReports";
import { quotaPanel } from "./browserQuota";
import { templatesPanel } from "./browserTemplates";
import { setStatus } from "./status";
import { tabs } from "./tabs";

/** Outside Office (a plain browser, or WPS users): work on files picked from disk. */
export function browserPane(app: HTMLElement): void {
  tabs(app, [
    { id: "quota", label: "任务分配", render: quotaPanel },
    { id: "templates", label: "下发月报表", render: templatesPanel },
    { id: "check", label: "月报检查", render: checkReportsPanel },
    { id: "rollup", label: "月报汇总", render: rollupPanel },
  ]);
  setStatus("info", "未在 Excel 中运行：可选择文件处理，结果可下载。");
}
