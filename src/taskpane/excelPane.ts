import { EXCEL_FEATURES, ExcelFeatures, REQUIRED_EXCEL_API } from "../adapters/office/features";
import { h, show } from "./dom";
import { excelQuotaPanel } from "./excelQuotaPanel";
import { excelReportPanel, excelRollupPanel } from "./excelReports";
import { tabs } from "./tabs";
import { setStatus } from "./status";
import { SUPPORTED_EXCEL } from "./supportedExcel";

/** Inside Excel: build the tables in the open workbook, live with QUOTA functions. */
export function excelPane(app: HTMLElement): void {
  // The manifest keeps older Excel from loading the add-in; this only guards a sideloaded copy.
  if (!Office.context.requirements.isSetSupported("ExcelApi", REQUIRED_EXCEL_API)) {
    show(app, h("section", { class: "card" }, h("h2", { class: "card__title" }, "Excel 版本过旧")));
    setStatus("error", "此 Excel 版本无法运行本加载项。", `可运行的版本：${SUPPORTED_EXCEL}。`);
    return;
  }
  const features = EXCEL_FEATURES;
  tabs(app, [
    { id: "quota", label: "任务分配", render: (panel) => excelQuotaPanel(panel, app, features) },
    { id: "report", label: "月报", render: (panel) => excelReportPanel(panel, features) },
    { id: "rollup", label: "汇总", render: (panel) => excelRollupPanel(panel, features) },
  ]);
  setStatus("info", "就绪。");
}

export type { ExcelFeatures };
