import { InputError } from "../core/errors";
import { COUNT_LABELS, CountColumn, GraduateTableLayout } from "../core/graduateTable";
import { parseAddress } from "../core/grid";
import { h } from "./dom";
import { showError } from "./status";

const COLUMNS = Object.keys(COUNT_LABELS) as CountColumn[];

function field(id: string, label: string, placeholder: string): HTMLLabelElement {
  return h(
    "label",
    { class: "field" },
    h("span", { class: "field__label" }, label),
    h("input", { id, class: "field__control", placeholder, size: 6 })
  );
}

/** The layout typed into the form; an InputError names the first field that is wrong. */
function readLayout(): GraduateTableLayout {
  const value = (id: string) =>
    (document.getElementById(id) as HTMLInputElement).value.trim().toUpperCase();
  const header = Number(value("layout-header"));
  if (!Number.isInteger(header) || header < 1) throw new InputError("表头行号应为正整数");
  const column = (id: string, label: string) => {
    const letters = value(id);
    if (!/^[A-Z]{1,3}$/.test(letters)) throw new InputError(`${label}应为列字母，如 B`);
    return parseAddress(`${letters}1`).column;
  };
  return {
    sheet: "",
    headerRow: header - 1,
    nameColumn: column("layout-name", "学院名称列"),
    columns: Object.fromEntries(
      COLUMNS.map((k) => [k, column(`layout-${k}`, `${COUNT_LABELS[k]}人数列`)])
    ) as Record<CountColumn, number>,
  };
}

/**
 * When no graduate table is found: a form for the header row and the columns by hand; `apply`
 * gets the layout when it reads (else the status line says which field is wrong).
 */
export function manualLayoutForm(
  reason: string,
  apply: (layout: GraduateTableLayout) => void
): HTMLElement {
  const button = h("button", { type: "button", class: "button button--primary" }, "按此读取");
  button.addEventListener("click", () => {
    try {
      apply(readLayout());
    } catch (error) {
      showError(error);
    }
  });
  return h(
    "section",
    { class: "card" },
    h("h2", { class: "card__title" }, "手动指定毕业生人数表"),
    h("p", { class: "card__text" }, reason),
    field("layout-header", "表头所在行号", "如 2"),
    field("layout-name", "学院名称列", "如 A"),
    ...COLUMNS.map((k) => field(`layout-${k}`, `${COUNT_LABELS[k]}人数列`, "如 B")),
    button
  );
}
