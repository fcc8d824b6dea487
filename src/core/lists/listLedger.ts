import { cellAddress } from "../grid";
import type { SectionKey } from "../report/reportLayout";
import { normalizeLabel } from "../text";
import { ListFinding, listFinding } from "./listFinding";
import type { ListKind } from "./listLayout";
import type { ListRow } from "./listRow";

/** One list of one college's report for one month. */
export interface ListSource {
  readonly college: string;
  /** The report month, YYYY-MM. */
  readonly month: string;
  readonly sheet: string;
  readonly kind: ListKind;
  /** Zero-based columns of 学号 and 证书编号 (for the cells of findings on this list). */
  readonly studentColumn: number;
  readonly numberColumn: number;
}

/** A finding the ledger raises, with the report it belongs to (a duplicate across colleges gives one to each). */
export interface LedgerFinding extends ListFinding {
  readonly college: string;
  readonly month: string;
}

/** A row's place: source index × 2^20 + zero-based row (Excel has 2^20 rows). */
type Origin = number;
const ROWS = 1_048_576;
const SEP = "\u0001";

/**
 * What duplicate detection and counting need of every list row, and nothing else: maps from short
 * string keys to a number. A million rows keep a few maps of a million short keys — no row objects.
 * Lists are monthly increments: a month's list holds the rows dated in or before that month that no
 * earlier list held.
 */
export class ListLedger {
  readonly sources: ListSource[] = [];
  private readonly sourceIds = new Map<string, number>();
  private readonly colleges = new Map<string, number>();
  /** 证书编号 → first origin. */
  readonly numbers = new Map<string, Origin>();
  /** 学号, type, title, 等级 → first origin. */
  readonly certificates = new Map<string, Origin>();
  /** 学号, 项目, 日期 → first origin. */
  readonly trainings = new Map<string, Origin>();
  /** 学号 (or #hash of 身份证号) → first origin; the college is the origin's. */
  readonly students = new Map<string, Origin>();
  /** college, section, 学号 → first month (YYYY-MM) the person counts in the section. */
  readonly persons = new Map<string, string>();
  /** college, section, month → persons (取证) or 人次 (培训) first counted in that month. */
  readonly counts = new Map<string, number>();
  /** "学号 college-a college-b" already reported. */
  private readonly reported = new Set<string>();

  /** The id of a list source, added if new. */
  source(source: ListSource): number {
    const key = [source.college, source.month, source.sheet, source.kind].join(SEP);
    let id = this.sourceIds.get(key);
    if (id === undefined) {
      id = this.sources.push(source) - 1;
      this.sourceIds.set(key, id);
    }
    return id;
  }

  private collegeId(college: string): number {
    let id = this.colleges.get(college);
    if (id === undefined) this.colleges.set(college, (id = this.colleges.size));
    return id;
  }

  /** Counts a person in a college's section from a month, unless counted from that month or earlier. */
  addPerson(college: string, section: SectionKey, studentId: string, month: string): void {
    const c = this.collegeId(college);
    const person = `${c}${SEP}${section}${SEP}${studentId}`;
    const before = this.persons.get(person);
    if (before !== undefined && before <= month) return;
    this.persons.set(person, month);
    if (before !== undefined) this.bump(`${c}${SEP}${section}${SEP}${before}`, -1);
    this.bump(`${c}${SEP}${section}${SEP}${month}`, 1);
  }

  /** Adds 人次 of 培训 to a college's month. */
  addTraining(college: string, month: string, count: number): void {
    this.bump(`${this.collegeId(college)}${SEP}training${SEP}${month}`, count);
  }

  /** Every college's 培训 人次 per month: [college, month, count]. */
  *trainingCounts(): Iterable<[string, string, number]> {
    const names = [...this.colleges.keys()];
    for (const [key, count] of this.counts) {
      const [c, section, month] = key.split(SEP);
      if (section === "training") yield [names[Number(c)]!, month!, count];
    }
  }

  /** Every person counted: [college, section, 学号, first month]. */
  *allPersons(): Iterable<[string, SectionKey, string, string]> {
    const names = [...this.colleges.keys()];
    for (const [key, month] of this.persons) {
      const [c, section, student] = key.split(SEP);
      yield [names[Number(c)]!, section as SectionKey, student!, month];
    }
  }

  sourceOf(origin: Origin): ListSource {
    return this.sources[Math.floor(origin / ROWS)]!;
  }

  /** "经济管理学院 2022-05 取证名单 第12行". */
  describe(origin: Origin): string {
    const s = this.sourceOf(origin);
    return `${s.college} ${s.month} ${s.sheet} 第${(origin % ROWS) + 1}行`;
  }

  /**
   * Adds one row and returns what it duplicates within this ledger. `sections` are where it counts
   * (["training"] for 培训名单); `idHash` the keyed hash of its 身份证号, if any.
   */
  add(
    sourceId: number,
    row: ListRow,
    sections: readonly SectionKey[],
    idHash: string | null
  ): LedgerFinding[] {
    const origin = sourceId * ROWS + row.row;
    const findings: LedgerFinding[] = [];
    for (const [map, key, code] of rowKeys(row)) {
      const first = map(this).get(key);
      if (first === undefined) map(this).set(key, origin);
      else findings.push(...duplicate(code, this, origin, this, first));
    }
    for (const key of studentKeys(row, idHash))
      findings.push(...this.claimStudent(key, origin, this));
    if (row.date !== null && row.studentId !== "")
      this.count(this.sourceOf(origin).college, sections, row);
    return findings;
  }

  private count(college: string, sections: readonly SectionKey[], row: ListRow): void {
    const month = row.date!.slice(0, 7);
    for (const section of sections) {
      if (section === "training") this.addTraining(college, month, 1);
      else this.addPerson(college, section, row.studentId, month);
    }
  }

  private bump(key: string, by: number): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + by);
  }

  /** 学号 listed by another college: a finding for each of the two, once per pair. */
  claimStudent(key: string, origin: Origin, from: ListLedger): LedgerFinding[] {
    const first = this.students.get(key);
    if (first === undefined) {
      this.students.set(key, origin);
      return [];
    }
    const mine = from.sourceOf(origin).college;
    const theirs = this.sourceOf(first).college;
    const pair = `${key}${SEP}${mine}${SEP}${theirs}`;
    if (mine === theirs || this.reported.has(pair)) return [];
    this.reported.add(pair);
    return duplicate("list-student-two-colleges", from, origin, this, first, key);
  }

  /** Persons (取证) or 人次 (培训) a college's lists count in a month, and up to it within its year. */
  countIn(college: string, section: SectionKey, month: string): { month: number; toDate: number } {
    const c = this.colleges.get(college);
    if (c === undefined) return { month: 0, toDate: 0 };
    let toDate = 0;
    for (let m = 1; m <= Number(month.slice(5, 7)); m++) {
      toDate +=
        this.counts.get(
          `${c}${SEP}${section}${SEP}${month.slice(0, 5)}${String(m).padStart(2, "0")}`
        ) ?? 0;
    }
    return { month: this.counts.get(`${c}${SEP}${section}${SEP}${month}`) ?? 0, toDate };
  }

  /** The first month a person counts in a college's section, or undefined. */
  personMonth(college: string, section: SectionKey, studentId: string): string | undefined {
    const c = this.colleges.get(college);
    return c === undefined ? undefined : this.persons.get(`${c}${SEP}${section}${SEP}${studentId}`);
  }

  /** The persons of a college's section in this ledger, with their first month. */
  *personsOf(college: string, section: SectionKey): Iterable<[string, string]> {
    const c = this.colleges.get(college);
    if (c === undefined) return;
    const prefix = `${c}${SEP}${section}${SEP}`;
    for (const [key, month] of this.persons)
      if (key.startsWith(prefix)) yield [key.slice(prefix.length), month];
  }
}

type KeyMap = (ledger: ListLedger) => Map<string, Origin>;
type DuplicateCode =
  "list-duplicate-number" | "list-duplicate-certificate" | "list-duplicate-training";

/** The duplicate keys of a row: 证书编号; 学号 + certificate + 等级; 学号 + 项目 + 日期. */
export function rowKeys(row: ListRow): [KeyMap, string, DuplicateCode][] {
  if (row.studentId === "" && (row.kind === "training" || row.number === "")) return [];
  if (row.kind === "training") {
    if (row.date === null) return [];
    const key = [row.studentId, normalizeLabel(row.project), row.date].join(SEP);
    return [[(l) => l.trainings, key, "list-duplicate-training"]];
  }
  const keys: [KeyMap, string, DuplicateCode][] = [];
  if (row.number !== "")
    keys.push([(l) => l.numbers, normalizeLabel(row.number), "list-duplicate-number"]);
  if (row.studentId !== "" && row.type !== null && row.rank !== null) {
    const key = [row.studentId, row.type, normalizeLabel(row.title), row.rank].join(SEP);
    keys.push([(l) => l.certificates, key, "list-duplicate-certificate"]);
  }
  return keys;
}

/** The keys that identify a person across colleges: 学号, and the hash of the 身份证号 when given. */
export function studentKeys(row: ListRow, idHash: string | null): string[] {
  const keys = row.studentId === "" ? [] : [row.studentId];
  if (idHash) keys.push(`#${idHash}`);
  return keys;
}

const WHAT: Readonly<Record<DuplicateCode | "list-student-two-colleges", string>> = {
  "list-duplicate-number": "证书编号重复",
  "list-duplicate-certificate": "同一学生的同一证书、同一等级重复填报",
  "list-duplicate-training": "同一学生、同一培训项目、同一日期重复填报",
  "list-student-two-colleges": "同一学生被两个学院填报",
};

/** A duplicate: on the later row; across colleges, also on the earlier one (whatever the code). */
export function duplicate(
  code: DuplicateCode | "list-student-two-colleges",
  later: ListLedger,
  laterOrigin: Origin,
  earlier: ListLedger,
  earlierOrigin: Origin,
  key?: string
): LedgerFinding[] {
  const at = (ledger: ListLedger, origin: Origin): LedgerFinding => {
    const s = ledger.sourceOf(origin);
    const column = code === "list-duplicate-number" ? s.numberColumn : s.studentColumn;
    const other =
      ledger === later && origin === laterOrigin
        ? earlier.describe(earlierOrigin)
        : later.describe(laterOrigin);
    const who = key?.startsWith("#") ? "（身份证号相同）" : "";
    const message = `${WHAT[code]}${who}：另见 ${other}`;
    return {
      ...listFinding(code, s.sheet, cellAddress(origin % ROWS, column), message),
      college: s.college,
      month: s.month,
    };
  };
  const findings = [at(later, laterOrigin)];
  // Across colleges the earlier side is told too: either list may be the wrong one.
  if (later.sourceOf(laterOrigin).college !== earlier.sourceOf(earlierOrigin).college)
    findings.push(at(earlier, earlierOrigin));
  return findings;
}
