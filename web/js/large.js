// 长者模式: larger type and targets of at least 60 px, a preference kept on
// this device, applied before the first paint (the script is in the head);
// its button works with and without the app.
import { root, local, on, ready } from "./dom.js";

const key = "nianbao-large";
const large = () => root.classList.contains("large");
const show = () => {
  for (const b of document.querySelectorAll(".large-toggle")) {
    b.setAttribute("aria-pressed", String(large()));
  }
};

export function initLarge() {
  root.classList.toggle("large", local.get(key) === "1");
  ready(show);
  on(
    "click",
    ".large-toggle",
    (event) => {
      event.preventDefault();
      event.stopPropagation();
      root.classList.toggle("large", !large());
      local.set(key, large() ? "1" : null);
      show();
      dispatchEvent(new Event("resize")); // charts follow the new type size
    },
    true
  );
}

// showLarge sets the buttons' state after the app rendered them.
export const showLarge = show;
