import { CellValue, Grid, cellAt, parseAddress } from "../grid";

/*
 * A cheap second opinion on a cached formula result: formulas of numbers, cells of the same
 * sheet, + − × ÷, parentheses and SUM(…) are worked out again from the grid. Anything else
 * (other sheets, other functions, text) is not judged: null.
 */

type Token =
  { kind: "num"; value: number } | { kind: "ref"; text: string } | { kind: "op"; text: string };

const TOKEN =
  /\s*(?:(\d+(?:\.\d*)?(?:E[+-]?\d+)?)|(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)|(SUM\(|[-+*/(),]))/iy;

function tokenize(formula: string): Token[] | null {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  const text = formula.replace(/^=/, "").trim();
  while (TOKEN.lastIndex < text.length) {
    const m = TOKEN.exec(text);
    if (!m) return null;
    if (m[1] !== undefined) tokens.push({ kind: "num", value: Number(m[1]) });
    else if (m[2] !== undefined)
      tokens.push({ kind: "ref", text: m[2].replace(/\$/g, "").toUpperCase() });
    else tokens.push({ kind: "op", text: m[3]!.toUpperCase() });
  }
  return tokens;
}

/** A referenced cell as a number: empty is 0, a number is itself, anything else cannot be judged. */
function numberAt(grid: Grid, address: string): number | null {
  const { row, column } = parseAddress(address);
  const v: CellValue = cellAt(grid, row, column);
  if (v === null || v === "") return 0;
  return typeof v === "number" ? v : null;
}

function rangeSum(grid: Grid, ref: string): number | null {
  const [from, to = from] = ref.split(":").map(parseAddress);
  if ((to!.row - from!.row + 1) * (to!.column - from!.column + 1) > 10_000) return null;
  let sum = 0;
  for (let r = from!.row; r <= to!.row; r++)
    for (let c = from!.column; c <= to!.column; c++) {
      const v = cellAt(grid, r, c);
      if (typeof v === "number") sum += v;
    }
  return sum;
}

class Evaluator {
  private at = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly grid: Grid
  ) {}

  run(): number | null {
    const v = this.sum();
    return this.at === this.tokens.length ? v : null;
  }

  private peek(text: string): boolean {
    const t = this.tokens[this.at];
    return t?.kind === "op" && t.text === text;
  }

  private sum(): number | null {
    let v = this.product();
    while (v !== null && (this.peek("+") || this.peek("-"))) {
      const op = (this.tokens[this.at++] as { text: string }).text;
      const w = this.product();
      v = w === null ? null : op === "+" ? v + w : v - w;
    }
    return v;
  }

  private product(): number | null {
    let v = this.unary();
    while (v !== null && (this.peek("*") || this.peek("/"))) {
      const op = (this.tokens[this.at++] as { text: string }).text;
      const w = this.unary();
      v = w === null || (op === "/" && w === 0) ? null : op === "*" ? v * w : v / w;
    }
    return v;
  }

  private unary(): number | null {
    if (this.peek("-")) {
      this.at++;
      const v = this.unary();
      return v === null ? null : -v;
    }
    if (this.peek("+")) this.at++;
    return this.atom();
  }

  private atom(): number | null {
    const t = this.tokens[this.at++];
    if (!t) return null;
    if (t.kind === "num") return t.value;
    if (t.kind === "ref") return t.text.includes(":") ? null : numberAt(this.grid, t.text);
    if (t.text === "(") {
      const v = this.sum();
      return this.peek(")") && v !== null ? (this.at++, v) : null;
    }
    if (t.text === "SUM(") return this.sumCall();
    return null;
  }

  private sumCall(): number | null {
    let total = 0;
    for (;;) {
      const t = this.tokens[this.at];
      const v =
        t?.kind === "ref" && t.text.includes(":")
          ? (this.at++, rangeSum(this.grid, t.text))
          : this.sum();
      if (v === null) return null;
      total += v;
      if (this.peek(",")) this.at++;
      else if (this.peek(")")) return (this.at++, total);
      else return null;
    }
  }
}

/** The formula's result worked out from the sheet's values, or null when it cannot be judged cheaply. */
export function recomputeFormula(grid: Grid, formula: string): number | null {
  if (formula.length > 500) return null;
  const tokens = tokenize(formula);
  if (!tokens || tokens.length === 0) return null;
  const v = new Evaluator(tokens, grid).run();
  return v !== null && Number.isFinite(v) ? v : null;
}
