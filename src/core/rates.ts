import { parseAssignments } from "./assignments";
import { Rate, parseRate } from "./rate";

export type RateName = "training" | "advanced" | "intermediate" | "undergraduate" | "onex";
export type Rates = Readonly<Record<RateName, Rate>>;

export const RATE_NAMES: readonly RateName[] = [
  "training",
  "advanced",
  "intermediate",
  "undergraduate",
  "onex",
];

/** What each rate means, as the 参数 sheet and the messages say it. */
export const RATE_LABELS: Readonly<Record<RateName, string>> = {
  training: "培训任务比例（占毕业生总数）",
  advanced: "高级工及以上取证比例（占高职毕业生）",
  intermediate: "中级工取证比例（占中职毕业生）",
  undergraduate: "本科生取证比例（占本科毕业生）",
  onex: "1+X证书取证比例（占高职、中职取证人数）",
};

/** The 2022 plan's rates: 110%, 80%, 95%, 30%, 21%. */
export const DEFAULT_RATES: Rates = {
  training: parseRate("110%"),
  advanced: parseRate("80%"),
  intermediate: parseRate("95%"),
  undergraduate: parseRate("30%"),
  onex: parseRate("21%"),
};

/** Parses "training=110%,onex=0.21" over the defaults; an unknown name or bad rate is an error. */
export function parseRates(spec: string | undefined, base: Rates = DEFAULT_RATES): Rates {
  return parseAssignments(spec, base, "比例", (value, name) => parseRate(value, `比例 ${name}`));
}
