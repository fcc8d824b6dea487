const BUSY = "若文件正在 Excel 或 WPS 中打开，请先关闭后重试。";
const FILE_HINTS: Readonly<Record<string, string>> = {
  EACCES: BUSY,
  EBUSY: BUSY,
  EPERM: BUSY,
  ENOENT: "请检查路径是否存在。",
  EISDIR: "这是一个文件夹，请给出文件名。",
  ENOTDIR: "路径中有一段不是文件夹，请检查路径。",
  ENOSPC: "磁盘空间不足，请清理后重试。",
  EROFS: "该位置只读，请换一个输出位置。",
};

/** What to do about a file-system error code, in Chinese. */
export function fileHint(code: string): string {
  return FILE_HINTS[code] ?? "请检查文件路径和权限后重试。";
}
