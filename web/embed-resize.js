/* 年报透视: include this script in a page that frames the site's embed
   pages (<iframe src="…/embed/r/ID?chart=…">): each frame then takes the
   height of its chart, as the embed page tells it. It listens to messages
   from the frames' own origins only, and sets a height, nothing else. */
(function () {
  "use strict";
  addEventListener("message", function (event) {
    var d = event.data;
    if (!d || d.nianbao !== "embed-height" || typeof d.height !== "number" || !isFinite(d.height)) {
      return;
    }
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (f.contentWindow === event.source && f.src.indexOf(event.origin + "/") === 0) {
        f.style.height = Math.max(120, Math.min(4000, Math.round(d.height))) + "px";
      }
    }
  });
})();
