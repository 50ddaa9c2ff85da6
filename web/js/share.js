// Taking a view away: 复制链接 puts the page's address on the clipboard
// (or, where there is no clipboard, shows it selected to copy); the
// address holds the whole view, and 图/表 is kept in it (?table=ID,… lists
// the charts shown as tables, restored on load, with the app or without).
// 嵌入代码 shows a chart's <iframe> snippet; on a kiosk, 扫码带走 shows a QR
// code of the page's public address, made on the device by web/qr.js,
// which is loaded only then. Every text from the page lands as text.
import { site, on, ready, loadScript } from "./dom.js";
import { show } from "./switch.js";

const idRE = /^[a-z0-9-]+$/;

// tables are the chart IDs the address shows as tables.
const tables = () =>
  new Set((new URLSearchParams(location.search).get("table") || "").split(",").filter((id) => idRE.test(id)));

// keepTables writes the set into the address, without a new history entry
// (the app keeps an entry's state).
const keepTables = (set) => {
  const params = new URLSearchParams(location.search);
  params.delete("table");
  let q = params.toString();
  if (set.size) {
    q += (q ? "&" : "") + "table=" + [...set].join(","); // IDs need no escaping
  }
  history.replaceState(history.state, "", location.pathname + (q ? "?" + q : "") + location.hash);
};

// field shows text in a selected, read-only field inside holder, for
// the visitor to copy where the clipboard cannot be written.
const field = (holder, text, label) => {
  let f = holder.querySelector(".copy-field");
  if (!f) {
    f = document.createElement(text.includes("\n") ? "textarea" : "input");
    f.className = "copy-field";
    f.readOnly = true;
    f.setAttribute("aria-label", label);
    holder.appendChild(f);
  }
  f.value = text;
  f.focus();
  f.select();
};

// copy puts text on the clipboard; it throws where it cannot.
const copy = async (text) => {
  if (!navigator.clipboard || !window.isSecureContext) {
    throw new Error("no clipboard");
  }
  await navigator.clipboard.writeText(text);
};

const escapeAttr = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

// snippet is the markup another page includes to frame an embed page: the
// iframe, with a height that fits most charts, and the script that
// resizes it to its content.
const snippet = (src, title) => {
  const origin = site.origin || location.origin;
  return (
    '<iframe src="' + escapeAttr(origin + src) + '" title="' + escapeAttr(title) +
    '" width="100%" height="520" style="border:0;max-width:100%" loading="lazy"></iframe>\n' +
    '<script src="' + escapeAttr(origin + site.base + "/web/embed-resize.js") + '" async></script>'
  );
};

let qr = null;
const closeQR = () => {
  if (qr) {
    qr.remove();
    qr = null;
  }
};

// showQR shows the QR code of the page's public address, and the address.
async function showQR() {
  if (!site.origin) {
    return;
  }
  await loadScript(site.base + "/web/qr.js");
  closeQR();
  const url = site.origin + location.pathname + location.search;
  qr = document.createElement("div");
  qr.className = "qr-dialog";
  qr.setAttribute("role", "dialog");
  qr.setAttribute("aria-modal", "true");
  qr.setAttribute("aria-labelledby", "qr-title");
  const h = document.createElement("h2");
  h.id = "qr-title";
  h.textContent = "扫码带走";
  const p = document.createElement("p");
  p.textContent = "用手机扫描二维码，在手机上继续浏览这一页：";
  const code = window.nianbaoQR.svg(url);
  code.setAttribute("role", "img");
  code.setAttribute("aria-label", "本页地址的二维码");
  const text = document.createElement("p");
  text.className = "qr-url";
  text.textContent = url;
  const close = document.createElement("button");
  close.type = "button";
  close.className = "button";
  close.textContent = "关闭";
  close.addEventListener("click", closeQR);
  qr.append(h, p, code, text, close);
  document.body.appendChild(qr);
  close.focus();
}

export function initShare() {
  ready(() => {
    for (const id of tables()) {
      show(document.getElementById("chart-" + id), true);
    }
  });
  on("click", ".switch button", (event, button) => {
    const figure = button.closest("figure.chart");
    const id = figure && figure.id.replace(/^chart-/, "");
    if (!id || !idRE.test(id)) {
      return;
    }
    const set = tables();
    button.classList.contains("switch-table") ? set.add(id) : set.delete(id);
    keepTables(set);
  });
  on("click", ".share-link", async (event, button) => {
    const status = button.parentElement.querySelector(".share-status");
    try {
      await copy(location.href);
      status.textContent = "链接已复制。";
    } catch {
      status.textContent = "请复制这个链接：";
      field(status, location.href, "本页链接");
    }
  });
  on("click", ".embed-code", async (event, button) => {
    const figure = button.closest("figure.chart");
    const box = figure && figure.querySelector(".embed-box");
    if (!box) {
      return;
    }
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    box.hidden = !open;
    if (!open) {
      return;
    }
    const title = (figure.querySelector("h3") || {}).textContent || "";
    const code = snippet(button.dataset.embed, title);
    box.replaceChildren();
    const label = document.createElement("p");
    label.textContent = "把下面的代码粘贴到网页中，即可显示这张图表（高度随图表自动调整）：";
    const status = document.createElement("span");
    status.setAttribute("role", "status");
    box.append(label, status);
    field(box, code, "嵌入代码：" + title);
    try {
      await copy(code);
      status.textContent = "嵌入代码已复制。";
    } catch {}
  });
  on("click", ".kiosk-qr", () => {
    showQR().catch((err) => console.warn("年报透视: no QR code", err));
  });
  addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      closeQR();
    }
  });
}
