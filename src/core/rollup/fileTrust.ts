import { collegeKey } from "../report/quotaLookup";
import type { ReportResult } from "../report/validateReport";
import type { Problem } from "./rejected";

/** The file name without folder and extension, as compared with college names. */
const stem = (file: string) => collegeKey(file.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, ""));

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
  const others = knownColleges.filter((c) => {
    const key = collegeKey(c);
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
