import type { LedgerFinding, ListLedger } from "./listLedger";
import { duplicate } from "./listLedger";

const ROWS = 1_048_576;
type KeyMapName = "numbers" | "certificates" | "trainings";
const MAPS: readonly [
  KeyMapName,
  "list-duplicate-number" | "list-duplicate-certificate" | "list-duplicate-training",
][] = [
  ["numbers", "list-duplicate-number"],
  ["certificates", "list-duplicate-certificate"],
  ["trainings", "list-duplicate-training"],
];

/**
 * What a report's lists duplicate in the master's ledger (earlier months, other colleges): the same
 * 证书编号, the same certificate of the same student, the same training row; and the same student
 * listed by another college (a finding for each college). The master is not changed.
 */
export function crossCheck(master: ListLedger, report: ListLedger): LedgerFinding[] {
  const findings: LedgerFinding[] = [];
  for (const [name, code] of MAPS) {
    const prior = master[name];
    for (const [key, origin] of report[name]) {
      const first = prior.get(key);
      if (first !== undefined) findings.push(...duplicate(code, report, origin, master, first));
    }
  }
  for (const [key, origin] of report.students) {
    const first = master.students.get(key);
    if (first === undefined) continue;
    if (master.sourceOf(first).college === report.sourceOf(origin).college) continue;
    findings.push(...duplicate("list-student-two-colleges", report, origin, master, first, key));
  }
  return findings;
}

/** Adds an accepted report's ledger to the master's: keys kept where first seen, counts added. */
export function mergeLedger(master: ListLedger, report: ListLedger): void {
  const ids = report.sources.map((s) => master.source(s));
  const remap = (origin: number) => ids[Math.floor(origin / ROWS)]! * ROWS + (origin % ROWS);
  for (const [name] of MAPS) {
    const into = master[name];
    for (const [key, origin] of report[name]) if (!into.has(key)) into.set(key, remap(origin));
  }
  for (const [key, origin] of report.students)
    if (!master.students.has(key)) master.students.set(key, remap(origin));
  for (const [college, section, student, month] of report.allPersons())
    master.addPerson(college, section, student, month);
  for (const [college, month, count] of report.trainingCounts())
    master.addTraining(college, month, count);
}
