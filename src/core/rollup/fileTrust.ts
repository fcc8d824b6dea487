import { collegeKey } from "../report/quotaLookup";
import type { ReportResult } from "../report/validateReport";
import type { Problem } from "./rejected";

/** The file name without folder and extension, as compared with college names. */
const stem = (file: string) => collegeKey(file.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, ""));

/** The known colleges' keys, made once per list (not once per file: 10,000 × 10,000 otherwise). */
const keysOf = new WeakMap<readonly string[], readonly string[]>();
function collegeKeys(colleges: readonly string[]): readonly string[] {
  let keys = keysOf.get(colleges);
  if (!keys) keysOf.set(colleges, (keys = colleges.map(collegeKey)));
  return keys;
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
  const keys = collegeKeys(knownColleges);
  const others = knownColleges.filter((_, i) => {
    const key = keys[i]!;
    return key !== "" && key !== own && !own.includes(key) && name.includes(key);
  });
  if (others.length === 0) return [];
  return [
    {
      code: "file-college-differs",
      cell: null,
      message: `文件名写的是“${others.join("、")}”，表中填报单位却是“${college}”；一个学院不能替另一个学院报送，请核对后重新报送`,
    },
  ];
}
