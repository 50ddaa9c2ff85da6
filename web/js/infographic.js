// 一图读懂: a report's overview made into one long image, 1080 px wide, for
// a portal and its WeChat account: the key figures with their rates, the
// outcome distribution, the applicant mix, review and litigation results,
// the consistency status and the source line, in the site's colours and
// the report's own labels; saved as PNG and SVG, with its text beside it.
//
// It is drawn in the browser from what the page shows (the key figures, the
// consistency status, the title) and from the report's pack, which the page
// names (data-pack) and the app has fetched already: the tables of its
// charts, whose numbers were computed once, by the build. Every text from a
// report is drawn as text (canvas fillText, SVG text nodes), never parsed as
// markup. Nothing is sent anywhere.
import { on } from "./dom.js";
import { inflatedJSON } from "./pack.js";

const W = 1080; // the image's width, in CSS pixels and in the PNG's
const PAD = 60;
const INNER = W - 2 * PAD;
// The site's colours (web/style.css, light scheme: an image is a card).
const C = { brand: "#0b3d91", brandInk: "#ffffff", ink: "#1a1a1a", muted: "#4a4a4a", wash: "#f3f5f9", line: "#b8bfcc", ok: "#0a6b2b", warn: "#8a3b00", paper: "#ffffff" };

// A drawing: a list of shapes, laid out once, drawn on a canvas (PNG) or
// written as SVG elements.
class Drawing {
  constructor(font) {
    this.font = font;
    this.ops = [];
    this.y = 0;
    this.measure = document.createElement("canvas").getContext("2d");
  }
  fontOf(size, bold) {
    return (bold ? "bold " : "") + size + "px " + this.font;
  }
  width(text, size, bold) {
    this.measure.font = this.fontOf(size, bold);
    return this.measure.measureText(text).width;
  }
  // wrap cuts text into lines no wider than max (any character may end a
  // line, as Chinese text does; a line does not start with a closing mark).
  wrap(text, size, max, bold) {
    const lines = [];
    let line = "";
    for (const ch of String(text)) {
      if (line && this.width(line + ch, size, bold) > max && !"，。；：、）”》".includes(ch)) {
        lines.push(line);
        line = "";
      }
      line += ch;
    }
    if (line) {
      lines.push(line);
    }
    return lines.length ? lines : [""];
  }
  rect(x, y, w, h, fill) {
    this.ops.push({ t: "rect", x, y, w, h, fill });
  }
  text(x, y, text, size, fill, opts = {}) {
    this.ops.push({ t: "text", x, y, text: String(text), size, fill, bold: !!opts.bold, anchor: opts.anchor || "start" });
  }
  // para writes wrapped text from the current height and moves below it.
  para(text, size, fill, opts = {}) {
    const lh = Math.round(size * 1.5);
    const x = opts.x === undefined ? PAD : opts.x;
    for (const l of this.wrap(text, size, opts.max || INNER, opts.bold)) {
      this.text(x, this.y + size, l, size, fill, opts);
      this.y += lh;
    }
  }
  toCanvas(height) {
    const canvas = document.createElement("canvas");
    canvas.width = W;
    canvas.height = height;
    const g = canvas.getContext("2d");
    g.fillStyle = C.paper;
    g.fillRect(0, 0, W, height);
    g.textBaseline = "alphabetic";
    for (const o of this.ops) {
      g.fillStyle = o.fill;
      if (o.t === "rect") {
        g.fillRect(o.x, o.y, o.w, o.h);
      } else {
        g.font = this.fontOf(o.size, o.bold);
        g.textAlign = o.anchor === "end" ? "right" : o.anchor === "middle" ? "center" : "left";
        g.fillText(o.text, o.x, o.y);
      }
    }
    return canvas;
  }
  toSVG(height, title) {
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    const set = (e, attrs) => {
      for (const k in attrs) {
        e.setAttribute(k, attrs[k]);
      }
      return e;
    };
    set(svg, { xmlns: ns, width: W, height, viewBox: "0 0 " + W + " " + height, role: "img" });
    const t = document.createElementNS(ns, "title");
    t.textContent = title;
    svg.appendChild(t);
    svg.appendChild(set(document.createElementNS(ns, "rect"), { width: W, height, fill: C.paper }));
    for (const o of this.ops) {
      if (o.t === "rect") {
        svg.appendChild(set(document.createElementNS(ns, "rect"), { x: o.x, y: o.y, width: o.w, height: o.h, fill: o.fill }));
      } else {
        const e = set(document.createElementNS(ns, "text"), {
          x: o.x,
          y: o.y,
          fill: o.fill,
          "font-size": o.size,
          "font-family": this.font,
          "text-anchor": o.anchor,
        });
        if (o.bold) {
          e.setAttribute("font-weight", "bold");
        }
        e.textContent = o.text;
        svg.appendChild(e);
      }
    }
    return new XMLSerializer().serializeToString(svg);
  }
}

// cellNumber is a table cell's count ("1,234" → 1234), 0 for a blank.
const cellNumber = (c) => (c && !c.blank ? Number(String(c.text).replace(/,/g, "")) || 0 : 0);
const cellText = (c) => (c && !c.blank && c.text !== "" ? c.text : "空白");

// What the image shows, from the page and the pack.
const gather = (pack) => {
  const text = (sel) => {
    const e = document.querySelector(sel);
    return e ? e.textContent.trim() : "";
  };
  const figures = [...document.querySelectorAll(".figures .figure")].map((li) => ({
    label: text("#" + li.id + " .figure-label"),
    value: (li.querySelector(".figure-value") || {}).firstChild ? li.querySelector(".figure-value").firstChild.textContent : "",
    unit: text("#" + li.id + " .figure-unit"),
    note: text("#" + li.id + " .figure-note"),
  }));
  const chart = (id) => (pack.charts && pack.charts[id]) || null;
  const outcomes = chart("outcomes");
  let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];
  if (outcomes && outcomes.option && Array.isArray(outcomes.option.color)) {
    palette = outcomes.option.color;
  }
  return {
    title: text("#page-title"),
    site: text(".brand-name"),
    figures,
    outcomes: outcomes && outcomes.table,
    applicants: chart("applicants") && chart("applicants").table,
    appeals: chart("appeals") && chart("appeals").table,
    status: text('[aria-labelledby="consistency-title"] .status'),
    statusWarn: !!document.querySelector('[aria-labelledby="consistency-title"] .status-warn'),
    source: outcomes && outcomes.table && outcomes.table.source ? "数据来源：《" + outcomes.table.source + "》，经年报透视整理" : "",
    palette,
  };
};

const heading = (d, text) => {
  d.y += 30;
  d.rect(PAD, d.y, 8, 40, C.brand);
  d.text(PAD + 24, d.y + 32, text, 34, C.ink, { bold: true });
  d.y += 64;
};

// bars draws a table's rows as horizontal bars: label, bar, count and share.
const bars = (d, rows, palette) => {
  const labelW = 340;
  const barMax = INNER - labelW - 200;
  const max = Math.max(1, ...rows.map((r) => cellNumber(r.cells[0])));
  rows.forEach((r, i) => {
    const lines = d.wrap(r.head, 26, labelW - 16);
    const h = Math.max(44, lines.length * 34);
    lines.forEach((l, k) => d.text(PAD, d.y + 30 + k * 34, l, 26, C.ink));
    const w = Math.round((cellNumber(r.cells[0]) / max) * barMax);
    d.rect(PAD + labelW, d.y + 6, Math.max(w, 2), 32, palette[i % palette.length]);
    const label = cellText(r.cells[0]) + " 件" + (r.cells[1] ? " · " + cellText(r.cells[1]) : "");
    d.text(PAD + labelW + Math.max(w, 2) + 14, d.y + 32, label, 26, C.ink, { bold: true });
    d.y += h + 14;
  });
};

// appealBars draws each group of table 四 as one bar split by result, with
// its total and share corrected, and a legend.
const appealBars = (d, table, palette) => {
  const parts = table.head.slice(1, 5); // 结果维持, 结果纠正, 其他结果, 尚未审结
  let x = PAD;
  parts.forEach((p, i) => {
    d.rect(x, d.y + 4, 26, 26, palette[i % palette.length]);
    d.text(x + 36, d.y + 27, p, 24, C.ink);
    x += 36 + d.width(p, 24) + 36;
  });
  d.y += 52;
  const max = Math.max(1, ...table.rows.map((r) => cellNumber(r.cells[4])));
  for (const r of table.rows) {
    const total = cellNumber(r.cells[4]);
    d.text(PAD, d.y + 30, r.head, 28, C.ink, { bold: true });
    d.text(W - PAD, d.y + 30, "总计 " + cellText(r.cells[4]) + " 件" + (total ? "，" + table.head[6] + " " + cellText(r.cells[5]) : ""), 26, C.muted, { anchor: "end" });
    d.y += 46;
    let bx = PAD;
    for (let i = 0; i < 4; i++) {
      const w = Math.round((cellNumber(r.cells[i]) / max) * INNER);
      if (w > 0) {
        d.rect(bx, d.y, w, 36, palette[i % palette.length]);
        if (w > 40) {
          d.text(bx + w / 2, d.y + 27, cellText(r.cells[i]), 24, "#ffffff", { anchor: "middle", bold: true });
        }
        bx += w;
      }
    }
    if (total === 0) {
      d.rect(PAD, d.y, INNER, 36, C.wash);
      d.text(PAD + 16, d.y + 27, "无", 24, C.muted);
    }
    d.y += 56;
  }
};

// layout lays out the whole image; it returns its height.
const layout = (d, g) => {
  // The masthead.
  const titleLines = d.wrap(g.title, 46, INNER, true);
  const headH = 150 + titleLines.length * 64;
  d.rect(0, 0, W, headH, C.brand);
  d.text(PAD, 80, "一图读懂", 36, C.brandInk, { bold: true });
  titleLines.forEach((l, i) => d.text(PAD, 160 + i * 64, l, 46, C.brandInk, { bold: true }));
  d.y = headH + 10;

  heading(d, "关键数字");
  const colW = (INNER - 30) / 2;
  for (let i = 0; i < g.figures.length; i += 2) {
    const row = g.figures.slice(i, i + 2);
    const notes = row.map((f) => d.wrap(f.note, 24, colW - 48));
    const h = 150 + Math.max(...notes.map((n) => n.length)) * 34;
    row.forEach((f, k) => {
      const x = PAD + k * (colW + 30);
      d.rect(x, d.y, colW, h, C.wash);
      d.rect(x, d.y, 8, h, C.brand);
      d.text(x + 32, d.y + 48, f.label, 28, C.muted);
      d.text(x + 32, d.y + 118, f.value, 60, C.brand, { bold: true });
      if (f.unit) {
        d.text(x + 32 + d.width(f.value, 60, true) + 10, d.y + 118, f.unit, 28, C.ink);
      }
      notes[k].forEach((l, j) => d.text(x + 32, d.y + 160 + j * 34, l, 24, C.ink));
    });
    d.y += h + 24;
  }

  if (g.outcomes) {
    heading(d, "办理结果");
    d.para(g.outcomes.caption, 24, C.muted);
    d.y += 10;
    bars(d, g.outcomes.rows, g.palette);
  }
  if (g.applicants) {
    heading(d, "申请人构成");
    d.para(g.applicants.caption, 24, C.muted);
    d.y += 10;
    bars(
      d,
      g.applicants.rows.filter((r) => r.head !== "总计"),
      g.palette
    );
  }
  if (g.appeals) {
    heading(d, "行政复议和行政诉讼");
    d.para(g.appeals.caption, 24, C.muted);
    d.y += 10;
    appealBars(d, g.appeals, g.palette);
  }
  heading(d, "数据校验");
  d.para(g.status, 28, g.statusWarn ? C.warn : C.ok, { bold: true });

  d.y += 30;
  d.rect(PAD, d.y, INNER, 2, C.line);
  d.y += 24;
  d.para(g.source, 22, C.muted);
  const maker = g.site && g.site !== "年报透视" ? g.site + "（年报透视）" : "年报透视";
  d.para("制图：" + maker + "。图中数字均按报告原样，报告自身的不一致之处见“数据校验”。", 22, C.muted);
  return Math.ceil(d.y + 40);
};

// alternative is the image's text: every figure and result it shows.
const alternative = (g) => {
  const parts = [];
  parts.push(g.title + "：一图读懂。");
  parts.push("关键数字：" + g.figures.map((f) => f.label + " " + f.value + (f.unit || "") + "（" + f.note + "）").join("；") + "。");
  const rows = (t, skip) =>
    t.rows
      .filter((r) => r.head !== skip)
      .map((r) => r.head + " " + cellText(r.cells[0]) + " 件" + (r.cells[1] ? "（" + cellText(r.cells[1]) + "）" : ""))
      .join("；");
  if (g.outcomes) {
    parts.push("办理结果：" + rows(g.outcomes) + "。");
  }
  if (g.applicants) {
    parts.push("申请人构成：" + rows(g.applicants, "总计") + "。");
  }
  if (g.appeals) {
    parts.push(
      "行政复议和行政诉讼：" +
        g.appeals.rows
          .map((r) => r.head + " 总计 " + cellText(r.cells[4]) + " 件（" + g.appeals.head.slice(1, 5).map((h, i) => h + " " + cellText(r.cells[i])).join("，") + "）")
          .join("；") +
        "。"
    );
  }
  parts.push("数据校验：" + g.status);
  parts.push(g.source);
  return parts;
};

const download = (href, name, label) => {
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  a.className = "button";
  a.textContent = label;
  return a;
};

const make = async (button) => {
  const panel = button.closest(".infographic-panel");
  const out = panel && panel.querySelector(".infographic");
  const holder = document.querySelector("[data-pack]");
  if (!out) {
    return;
  }
  const say = (text) => {
    out.replaceChildren();
    const p = document.createElement("p");
    p.className = "status";
    p.setAttribute("role", "status");
    p.textContent = text;
    out.appendChild(p);
  };
  if (!holder) {
    say("这一页没有报告的数据，无法生成。");
    return;
  }
  say("正在生成……");
  let pack;
  try {
    const res = await fetch(holder.dataset.pack);
    pack = await inflatedJSON(res);
  } catch {
    say("报告的数据未能读取（离线且本机没有保存这份报告），无法生成。");
    return;
  }
  const g = gather(pack);
  const font = getComputedStyle(document.body).fontFamily;
  const d = new Drawing(font);
  const height = layout(d, g);
  const png = d.toCanvas(height).toDataURL("image/png");
  // A data: address, as the PNG's: it lives as long as the link.
  const svg = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(d.toSVG(height, g.title + "：一图读懂"));
  const name = (g.title || "报告").replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_") + "-一图读懂";

  out.replaceChildren();
  const fig = document.createElement("figure");
  fig.className = "infographic-figure";
  const img = document.createElement("img");
  img.src = png;
  img.width = W;
  img.height = height;
  img.alt = g.title + "：一图读懂（文字说明见图下）";
  img.className = "infographic-image";
  fig.appendChild(img);
  const links = document.createElement("p");
  links.className = "infographic-save";
  links.append(download(png, name + ".png", "保存 PNG 图片"), " ", download(svg, name + ".svg", "保存 SVG 图片"));
  const details = document.createElement("details");
  details.className = "infographic-text";
  const summary = document.createElement("summary");
  summary.textContent = "图片的文字说明";
  details.appendChild(summary);
  for (const t of alternative(g)) {
    const p = document.createElement("p");
    p.textContent = t;
    details.appendChild(p);
  }
  out.append(fig, links, details);
};

export function initInfographic() {
  on("click", ".infographic-make", (event, button) => {
    event.preventDefault();
    make(button);
  });
}
