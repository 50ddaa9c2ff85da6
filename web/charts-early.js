// Draws each prerendered chart from the option its page carries
// (data-option, base64 of the JSON), as soon as the page is parsed and long
// before the WebAssembly app arrives. When the app mounts its own charts it
// calls nianbaoDisposeEarly, which disposes these.
(() => {
  const live = [];
  const decode = (s) =>
    new TextDecoder().decode(Uint8Array.from(atob(s), (c) => c.charCodeAt(0)));
  if (window.echarts) {
    for (const el of document.querySelectorAll(".chart-canvas[data-option]")) {
      if (echarts.getInstanceByDom(el)) {
        continue;
      }
      try {
        const chart = echarts.init(el, null, { renderer: "canvas", locale: "ZH" });
        chart.setOption(JSON.parse(decode(el.dataset.option)));
        live.push(chart);
      } catch (err) {
        console.warn("prerendered chart not drawn", err);
      }
    }
  }
  const onResize = () => live.forEach((c) => c.resize());
  window.addEventListener("resize", onResize);
  window.nianbaoDisposeEarly = () => {
    window.removeEventListener("resize", onResize);
    live.splice(0).forEach((c) => c.dispose());
  };
})();
