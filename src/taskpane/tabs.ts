import { h, show } from "./dom";

export interface Tab {
  readonly id: string;
  readonly label: string;
  readonly render: (panel: HTMLElement) => void;
}

/** A keyboard-accessible tab list (arrow keys move between tabs); each panel renders once. */
export function tabs(app: HTMLElement, list: readonly Tab[]): void {
  const buttons: HTMLButtonElement[] = [];
  const panels: HTMLElement[] = [];
  const select = (index: number, focus = false) => {
    buttons.forEach((b, i) => {
      b.setAttribute("aria-selected", String(i === index));
      b.tabIndex = i === index ? 0 : -1;
      panels[i]!.hidden = i !== index;
    });
    if (focus) buttons[index]!.focus();
  };
  list.forEach((tab, i) => {
    const button = h(
      "button",
      {
        type: "button",
        role: "tab",
        id: `tab-${tab.id}`,
        class: "tab",
        "aria-controls": `panel-${tab.id}`,
      },
      tab.label
    );
    button.addEventListener("click", () => select(i));
    button.addEventListener("keydown", (e) => {
      const key = (e as KeyboardEvent).key;
      if (key === "ArrowRight" || key === "ArrowLeft") {
        e.preventDefault();
        select((i + (key === "ArrowRight" ? 1 : list.length - 1)) % list.length, true);
      }
    });
    buttons.push(button);
    const panel = h("div", {
      role: "tabpanel",
      id: `panel-${tab.id}`,
      "aria-labelledby": `tab-${tab.id}`,
      class: "tab-panel",
    });
    tab.render(panel);
    panels.push(panel);
  });
  show(
    app,
    h("div", { role: "tablist", class: "tabs", "aria-label": "功能" }, ...buttons),
    ...panels
  );
  select(0);
}
