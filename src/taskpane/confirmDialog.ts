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
