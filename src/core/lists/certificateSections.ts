import type { SectionKey } from "../report/reportLayout";
import type { CertificateRow } from "./listRow";
import type { ListSettings } from "./listSettings";

/**
 * The 附件6 sections a certificate counts in: 职业技能等级证书 / 职业资格证书 at 高级工, 技师 or
 * 高级技师 → 高级工及以上; other certificates (中级工 and below, 专项职业能力) → 非高级工及以上;
 * 1+X证书 → 1+X证书, and with `onexRecognition: "also"` also 高级工及以上 (1+X 高级, 中级) or
 * 非高级工及以上 (1+X 初级). Empty when the type or the level could not be read.
 */
export function certificateSections(
  row: Pick<CertificateRow, "type" | "rank">,
  settings: Pick<ListSettings, "onexRecognition">
): SectionKey[] {
  const { type, rank } = row;
  if (type === "special") return ["nonadvanced"];
  if (type === "onex") {
    if (settings.onexRecognition === "separate" || rank === null) return ["onex"];
    return ["onex", rank >= 2 ? "advanced" : "nonadvanced"];
  }
  if (type === null || rank === null) return [];
  return [rank >= 3 ? "advanced" : "nonadvanced"];
}
