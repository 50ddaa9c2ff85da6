// loadScript loads a script of the site into the page once; it resolves
// when it ran. (A module of its own: web/js/pack.js, which the
// pre-publication check's worker bundles too, needs it without dom.js.)
const loading = {};
export const loadScript = (src) =>
  loading[src] ||
  (loading[src] = new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = src;
    s.onload = resolve;
    s.onerror = () => {
      delete loading[src];
      s.remove(); // a later try adds its own
      reject(new Error("无法载入 " + src));
    };
    document.head.appendChild(s);
  }));
