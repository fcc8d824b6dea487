import { h, show } from "./dom";

export type StatusKind = "info" | "success" | "warning" | "error" | "busy";

/** The pane's one message line: every outcome, and every error with what to do next, lands here. */
export function setStatus(kind: StatusKind, message: string, next?: string): void {
  const status = document.getElementById("status");
  if (!status) return;
  status.className = `app-status app-status--${kind}`;
  show(
    status,
    h("span", { class: "app-status__text" }, message),
    next ? h("span", { class: "app-status__next" }, next) : null
  );
}

/** A message for any failure, in Chinese, with the next step. */
export function describeError(error: unknown): { message: string; next: string } {
  if (error instanceof Error && error.name === "QuotaError")
    return { message: error.message, next: "请修改后重试。" };
  const text = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string } | null)?.code;
  // Only this code means the person is editing a cell; other InvalidOperations have other causes.
  if (code === "InvalidOperationInCellEditMode") {
    return {
      message: "Excel 正在编辑单元格，无法写入。",
      next: "请按 Enter 或 Esc 结束编辑后重试。",
    };
  }
  if (code === "InvalidOperation")
    return {
      message: `Excel 拒绝了此操作：${text}`,
      next: "请检查工作簿（如是否受保护、是否有合并单元格或表格挡住）后重试；如仍失败，请将此信息发给教务处。",
    };
  if (code === "AccessDenied")
    return { message: "工作簿或工作表受保护，无法写入。", next: "请撤销工作表保护后重试。" };
  // Our own messages are plain Errors already in Chinese; anything else is unexpected.
  if (error instanceof Error && /[\u4e00-\u9fff]/.test(text))
    return { message: text, next: "请按提示修改后重试。" };
  return {
    message: `出现意外问题：${text}`,
    next: "请刷新页面后重试；如仍出现，请记下这条信息，联系维护本工具的老师。",
  };
}

/** Shows any failure in the pane's status line. */
export function showError(error: unknown): void {
  const { message, next } = describeError(error);
  setStatus("error", message, next);
}
