// The QR encoder of a kiosk's 扫码带走, bundled apart into web/qr.js and
// loaded only when a visitor asks for a code (web/js/share.js): no other
// page or visitor pays for it. The code is made on the device (uqr, a port
// of Nayuki's QR Code generator), drawn as SVG elements, never as markup.
import { encode } from "uqr";

const ns = "http://www.w3.org/2000/svg";

window.nianbaoQR = {
  // svg(text) is an <svg> of text's QR code (error correction M, a quiet
  // zone of 4 modules), dark modules as one path.
  svg(text) {
    const { data, size } = encode(text, { ecc: "M", border: 4 });
    let d = "";
    data.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark) {
          d += "M" + x + " " + y + "h1v1h-1z";
        }
      })
    );
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + size + " " + size);
    svg.setAttribute("class", "qr-code");
    svg.setAttribute("shape-rendering", "crispEdges");
    const bg = document.createElementNS(ns, "rect");
    bg.setAttribute("width", size);
    bg.setAttribute("height", size);
    bg.setAttribute("fill", "#fff");
    const path = document.createElementNS(ns, "path");
    path.setAttribute("d", d);
    path.setAttribute("fill", "#000");
    svg.append(bg, path);
    return svg;
  },
};
