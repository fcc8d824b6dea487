import { collegeKey } from "../report/quotaLookup";
import type { ReportResult } from "../report/validateReport";
import type { Problem } from "./rejected";

/** The file name without folder and extension, as compared with college names. */
const stem = (file: string) => collegeKey(file.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, ""));

/** The known colleges' keys, and where each key is in the list, by length. */
interface KeyIndex {
  readonly keys: readonly string[];
  readonly at: ReadonlyMap<string, readonly number[]>;
  readonly lengths: readonly number[];
  /** The first code unit of every key: a substring starting elsewhere is not looked up. */
  readonly firsts: ReadonlySet<number>;
}

/** Made once per list (not once per file: 10,000 × 10,000 otherwise). */
const indexOf = new WeakMap<readonly string[], KeyIndex>();
function keyIndex(colleges: readonly string[]): KeyIndex {
  let index = indexOf.get(colleges);
  if (index) return index;
  const keys = colleges.map(collegeKey);
  const at = new Map<string, number[]>();
  keys.forEach((key, i) => {
    if (key !== "") at.set(key, [...(at.get(key) ?? []), i]);
  });
  const lengths = [...new Set([...at.keys()].map((k) => k.length))];
  const firsts = new Set([...at.keys()].map((k) => k.charCodeAt(0)));
  indexOf.set(colleges, (index = { keys, at, lengths, firsts }));
  return index;
}

/**
 * The positions of the known keys that occur in `name`, in list order: looked up by the name's
 * substrings of the keys' lengths when there are fewer of those than keys, else each key tried.
 */
function keysIn(name: string, { keys, at, lengths, firsts }: KeyIndex): number[] {
  let substrings = 0;
  for (const length of lengths) substrings += Math.max(0, name.length - length + 1);
  if (substrings >= keys.length)
    return keys.flatMap((key, i) => (key !== "" && name.includes(key) ? [i] : []));
  const found = new Set<number>();
  for (let start = 0; start < name.length; start++) {
    if (!firsts.has(name.charCodeAt(start))) continue;
    for (const length of lengths)
      if (start + length <= name.length)
        for (const i of at.get(name.slice(start, start + length)) ?? []) found.add(i);
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * What is wrong with a file as a whole, for every report in it: one file speaks for one college,
 * and a file whose name names another known college than its form is not taken on trust.
 */
export function fileProblems(
  file: string,
  results: readonly ReportResult[],
  knownColleges: readonly string[]
): Problem[] {
  const colleges = [...new Set(results.flatMap((r) => (r.college ? [r.college] : [])))];
  if (colleges.length > 1)
    return [
      {
        code: "file-colleges",
        cell: null,
        message: `一个文件中有 ${colleges.length} 个学院的报表（${colleges.join("、")}）；一个文件只能是一个学院的报表，请各学院分别报送`,
      },
    ];
  const college = colleges[0];
  if (college === undefined) return [];
  const own = collegeKey(college);
  const name = stem(file);
  const index = keyIndex(knownColleges);
  const others = keysIn(name, index)
    .filter((i) => index.keys[i] !== own && !own.includes(index.keys[i]!))
    .map((i) => knownColleges[i]!);
  if (others.length === 0) return [];
  return [
    {
      code: "file-college-differs",
      cell: null,
      message: `文件名写的是“${others.join("、")}”，表中填报单位却是“${college}”；一个学院不能替另一个学院报送，请核对后重新报送`,
    },
  ];
}
