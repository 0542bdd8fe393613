// The app: register the service worker and ask it to sync the offline copy.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) return;
  var root = document.documentElement;
  navigator.serviceWorker.addEventListener("message", function (event) {
    if (event.data && event.data.type === "synced") {
      root.dataset.synced = String(event.data.count);
    }
  });
  navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(function () {
    return navigator.serviceWorker.ready;
  }).then(function (registration) {
    root.dataset.serviceWorker = "ready";
    if (navigator.onLine && registration.active) {
      registration.active.postMessage({ type: "sync" });
    }
  }).catch(function () {});
})();
