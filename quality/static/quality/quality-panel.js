// Opened from the quality report at "#kwaliteit-<block id>": scroll to that block in the editor
// and mark it, so the editor sees at once where the problem is.
(function () {
  "use strict";
  function show() {
    var match = /^#kwaliteit-([\w-]+)$/.exec(window.location.hash);
    if (!match) return;
    var block = document.querySelector('[data-contentpath="' + match[1] + '"]');
    if (!block) return;
    block.scrollIntoView({ block: "center" });
    block.style.outline = "3px solid #9b1b30";
    block.setAttribute("tabindex", "-1");
    block.focus({ preventScroll: true });
  }
  if (document.readyState === "complete") show();
  else window.addEventListener("load", function () { setTimeout(show, 300); });
})();
