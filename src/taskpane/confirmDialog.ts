import { h } from "./dom";

/** An in-pane yes/no question (Office add-ins cannot use window.confirm). */
export function confirmInPane(
  host: HTMLElement,
  message: string,
  yes: string,
  no = "取消"
): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (answer: boolean) => {
      box.remove();
      resolve(answer);
    };
    const yesButton = h("button", { type: "button", class: "button button--primary" }, yes);
    const noButton = h("button", { type: "button", class: "button" }, no);
    yesButton.addEventListener("click", () => done(true));
    noButton.addEventListener("click", () => done(false));
    const box = h(
      "div",
      { class: "confirm", role: "alertdialog", "aria-label": message },
      h("p", {}, message),
      h("div", { class: "confirm__actions" }, yesButton, noButton)
    );
    box.addEventListener("keydown", (e) => {
      if ((e as KeyboardEvent).key === "Escape") done(false);
    });
    host.append(box);
    yesButton.focus();
  });
}

/** What an Excel.run hands back when it needs the person's agreement before writing. */
export interface Unconfirmed {
  readonly confirm: readonly string[];
}

const sameItems = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/**
 * Runs `attempt` (one Excel.run) and, when it asks for agreement, asks the person outside
 * Excel.run and runs it again: the new run reads the workbook afresh and writes only if what it
 * would change is still exactly what the person agreed to; otherwise it asks again. Null when the
 * person declines.
 */
export async function runConfirmed<T extends object>(
  attempt: (approved: (items: readonly string[]) => boolean) => Promise<T | Unconfirmed>,
  ask: (items: readonly string[]) => Promise<boolean>
): Promise<Exclude<T, Unconfirmed> | null> {
  let agreed: readonly string[] | null = null;
  for (;;) {
    const outcome: T | Unconfirmed = await attempt(
      (items) => agreed !== null && sameItems(items, agreed)
    );
    if (!("confirm" in outcome)) return outcome as Exclude<T, Unconfirmed>;
    if (!(await ask(outcome.confirm))) return null;
    agreed = outcome.confirm;
  }
}
