// 发布前体检 (the page /precheck): a draft of a report is checked on the
// device, by the importer compiled to its own WebAssembly and run in a
// worker (precheck-worker.js). The worker, its WebAssembly and the catalog
// index load when the page opens, before a file is chosen; reading the file
// and checking it make no request. The service worker is asked to keep them
// (and the page), so that the page works offline once visited; a visitor
// who never opens it downloads none of it.
//
// The page's elements come from the app's page (app/precheck.go), which go-app
// may render again when the app starts: what this module shows is kept here
// and shown again on each arrival (nianbao.arrived).
import { root, site, on } from "./dom.js";
import { keep } from "./keep.js";

let worker = null;
let state = { text: "", ready: false }; // the status line, and whether files can be checked
let shown = null; // the last result, with the file's name and the time it took
let pending = null; // a file chosen before the checker was ready
let asked = 0;

const el = (id) => document.getElementById(id);

const setState = (text, ready) => {
  state = { text, ready: ready === undefined ? state.ready : ready };
  const s = el("precheck-state");
  if (s) {
    s.textContent = text;
    s.dataset.ready = String(state.ready);
  }
};

const mb = (n) => (n / 1048576).toFixed(1);

// keepChecker asks the service worker to cache the page and what it loads,
// once they have loaded: they are not among what every visitor's install
// caches.
const keepChecker = (blocks) => {
  const urls = [location.pathname, NIANBAO_PRECHECK.worker, NIANBAO_PRECHECK.exec, NIANBAO_PRECHECK.wasm];
  if (site.index) {
    urls.push(site.index, ...(blocks || []));
  }
  return keep(urls);
};

const start = () => {
  if (worker || typeof WebAssembly !== "object" || typeof Worker !== "function") {
    if (!worker) {
      setState("这个浏览器不能运行检查程序（需要 WebAssembly 和 Web Worker），请换用新版浏览器，或在电脑上用命令行 nianbao import 检查。", false);
    }
    return;
  }
  setState("正在载入检查程序（约 " + mb(NIANBAO_PRECHECK.size) + " MB，只在首次打开本页时下载）……", false);
  worker = new Worker(NIANBAO_PRECHECK.worker);
  worker.onmessage = (event) => {
    const m = event.data;
    if (m.type === "ready") {
      const ready = "检查程序已就绪：请选择或拖入报告草稿。选择文件后，本页不再发出任何网络请求。";
      setState(ready, true);
      keepChecker(m.blocks).then((kept) => {
        if (kept && state.ready) {
          setState(ready + "本页已保存在本机，断网也能使用。", true);
          root.dataset.precheckOffline = "true";
        }
      });
      if (pending) {
        check(pending);
        pending = null;
      }
    } else if (m.type === "failed") {
      setState("检查程序未能载入（" + m.message + "）。请刷新本页再试，或在电脑上用命令行 nianbao import 检查。", false);
    } else if (m.type === "result" && m.id === asked) {
      shown = { ...shown, result: m.result, ms: performance.now() - shown.started };
      render();
      // The time from the choice to the findings on the page.
      const out = el("precheck-results");
      if (out) {
        out.dataset.ms = String(Math.round(performance.now() - shown.started));
      }
    }
  };
  worker.onerror = () => setState("检查程序出错，请刷新本页再试。", false);
  worker.postMessage({ type: "start", base: site.base, exec: NIANBAO_PRECHECK.exec, wasm: NIANBAO_PRECHECK.wasm, index: site.index });
};

const check = async (file) => {
  if (!state.ready) {
    pending = file;
    setState("检查程序还在载入，载入后即检查“" + file.name + "”。", false);
    return;
  }
  asked++;
  shown = { name: file.name, started: performance.now(), result: null };
  render();
  const bytes = await file.arrayBuffer();
  worker.postMessage({ type: "check", id: asked, name: file.name, bytes }, [bytes]);
};

// The groups of notes, in the order of what to fix (importer.NoteKinds).
const groups = [
  ["refused", "无法读取", "先解决这个问题，才能检查其他各项。"],
  ["check", "表格的勾稽关系", "统一格式规定的等式不成立：这些数字必须先改。"],
  ["label", "表格的行名和表头", "与统一格式不符的行名、表头，以及缺少的行。"],
  ["section", "第五、第六部分", "这两部分不能空着或只写“无”。"],
  ["narrative", "正文与表格", "正文所写的数字与表格不同。"],
  ["cross_year", "与上年报告的衔接", "本年的“上年结转”应等于上年报告的“结转下年度继续办理”。"],
  ["recovered", "缺少的数字", "表格中空着、由勾稽关系推算出的数字。"],
  ["warning", "读取时的提示", "文件中其他不完整之处。"],
];

const node = (tag, attrs, ...children) => {
  const e = document.createElement(tag);
  for (const k in attrs || {}) {
    if (k === "class") {
      e.className = attrs[k];
    } else {
      e.setAttribute(k, attrs[k]);
    }
  }
  for (const c of children) {
    e.append(c); // strings become text nodes: nothing from the file is markup
  }
  return e;
};

const render = () => {
  const out = el("precheck-results");
  if (!out) {
    return;
  }
  out.replaceChildren();
  if (!shown) {
    return;
  }
  root.dataset.keep = "true"; // a new version of the site waits: see update.js
  if (!shown.result) {
    out.append(node("p", { class: "status" }, "正在检查“" + shown.name + "”……"));
    return;
  }
  const r = shown.result;
  const notes = r.notes || [];
  const head = node("div", { class: "precheck-head" });
  head.append(node("h2", { id: "precheck-title" }, "检查结果：" + (r.title || shown.name)));
  const facts = ["文件：" + shown.name];
  if (r.form) {
    facts.push("读作：" + formName(r.form));
  }
  if (r.format) {
    facts.push("统一格式：" + r.format + "年版");
  }
  facts.push("检查用时 " + (shown.ms / 1000).toFixed(2) + " 秒，全部在本机完成");
  head.append(node("p", { class: "note" }, facts.join("；") + "。"));
  const problems = notes.filter((n) => n.kind !== "warning" && n.kind !== "recovered").length;
  head.append(
    node(
      "p",
      { class: problems ? "status status-warn" : "status status-ok", id: "precheck-summary" },
      problems ? "⚠ 发现 " + problems + " 处需要修改的问题，按应当先改的顺序列在下面。" : "✓ 没有发现需要修改的问题。"
    )
  );
  if (r.prev) {
    head.append(
      node(
        "p",
        { class: "note" },
        r.prev_full
          ? "已与本站收录的上年报告逐列核对上年结转。"
          : "已用本站目录中上年报告的总计核对上年结转；打开过上年报告的页面后再检查，可逐列核对。"
      )
    );
  }
  out.append(head);
  let i = 0;
  for (const [kind, title, about] of groups) {
    const mine = notes.filter((n) => n.kind === kind);
    if (!mine.length) {
      continue;
    }
    const id = "precheck-" + kind;
    const sec = node("section", { class: "panel precheck-group", "aria-labelledby": id, "data-kind": kind });
    sec.append(node("h3", { id }, title + "（" + mine.length + " 处）"), node("p", { class: "note" }, about));
    const list = node("ol", { class: "precheck-notes" });
    for (const n of mine) {
      i++;
      const where = [n.table ? "表" + n.table : "", n.row, n.column ? n.column + "列" : ""].filter(Boolean).join(" · ");
      const item = node("li", { class: "precheck-note", "data-line": n.line });
      if (where) {
        item.append(node("p", { class: "precheck-where" }, where));
      }
      item.append(node("p", { class: "precheck-text" }, n.text));
      if (n.fix) {
        item.append(node("p", { class: "precheck-fix" }, node("strong", {}, "怎样改："), n.fix));
      }
      list.append(item);
    }
    sec.append(list);
    out.append(sec);
  }
  out.dataset.notes = String(notes.length);
};

const formName = (f) =>
  ({ text: "文本", HTML: "网页", Markdown: "Markdown", PDF: "PDF", "Word .docx": "Word（.docx）", "crawler text": "网页文字（单元格连在一起）" })[f] || f;

// arrivePrecheck follows each page the app enters, and the first: on the
// check's page, it starts the checker (once) and shows what it has.
export function arrivePrecheck() {
  if (!el("precheck")) {
    return;
  }
  start();
  if (state.text) {
    setState(state.text, state.ready);
  }
  render();
}

export function initPrecheck() {
  on("change", "#precheck-file", (event, input) => {
    if (input.files && input.files[0]) {
      check(input.files[0]);
    }
  });
  on("dragover", "#precheck-drop", (event, zone) => {
    event.preventDefault();
    zone.classList.add("dragging");
  });
  on("dragleave", "#precheck-drop", (event, zone) => zone.classList.remove("dragging"));
  on("drop", "#precheck-drop", (event, zone) => {
    event.preventDefault();
    zone.classList.remove("dragging");
    const f = event.dataTransfer && event.dataTransfer.files && event.dataTransfer.files[0];
    if (f) {
      check(f);
    }
  });
  arrivePrecheck();
}
