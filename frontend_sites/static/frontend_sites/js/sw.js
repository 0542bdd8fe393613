/*
 * Service worker of the app. Caches the shell on install; keeps an offline copy of the
 * site's pages, synced through /app/sync/ (the hub's `pages(updatedSince:, channel: APP)`):
 * changed pages are fetched again, `removed` ones are dropped.
 * Navigation: network first, then the offline copy, then the offline page.
 */
"use strict";
var VERSION = "v1";
var SHELL = "shell-" + VERSION;
var PAGES = "pages-" + VERSION;
var META = "meta-" + VERSION;
var SHELL_URLS = [
  "/",
  "/offline/",
  "/manifest.webmanifest",
  "/static/frontend_sites/css/site.css",
  "/static/frontend_sites/js/app.js",
  "/static/frontend_sites/icons/icon-192.png"
];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) { return cache.addAll(SHELL_URLS); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  var keep = [SHELL, PAGES, META];
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return keep.indexOf(k) < 0; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function readMeta() {
  return caches.open(META).then(function (cache) {
    return cache.match("/__sync-state__").then(function (r) {
      return r ? r.json() : { since: null, paths: {} };
    });
  });
}

function writeMeta(state) {
  return caches.open(META).then(function (cache) {
    return cache.put("/__sync-state__", new Response(JSON.stringify(state),
      { headers: { "Content-Type": "application/json" } }));
  });
}

function sync() {
  var startedAt = new Date().toISOString();
  return readMeta().then(function (state) {
    var url = "/app/sync/" + (state.since ? "?since=" + encodeURIComponent(state.since) : "");
    return fetch(url, { cache: "no-store" }).then(function (r) {
      if (!r.ok) throw new Error("sync failed: " + r.status);
      return r.json();
    }).then(function (data) {
      return caches.open(PAGES).then(function (cache) {
        var removals = data.removed.map(function (item) {
          var path = state.paths[item.id];
          delete state.paths[item.id];
          return path ? cache.delete(path) : Promise.resolve();
        });
        var fetches = data.pages.map(function (page) {
          state.paths[page.id] = page.path;
          return fetch(page.path, { cache: "no-store" }).then(function (response) {
            if (response.ok) return cache.put(page.path, response);
          }).catch(function () {});
        });
        return Promise.all(removals.concat(fetches));
      }).then(function () {
        state.since = startedAt;
        return writeMeta(state).then(function () { return data.pages.length; });
      });
    });
  });
}

function tellClients(message) {
  return self.clients.matchAll({ includeUncontrolled: true }).then(function (clients) {
    clients.forEach(function (client) { client.postMessage(message); });
  });
}

self.addEventListener("message", function (event) {
  if (event.data && event.data.type === "sync") {
    event.waitUntil(sync().then(function (count) {
      return tellClients({ type: "synced", count: count });
    }).catch(function () { return tellClients({ type: "sync-failed" }); }));
  }
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.indexOf("/app/sync/") === 0) return;
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok && url.search === "") {
        var copy = response.clone();
        caches.open(PAGES).then(function (cache) { cache.put(url.pathname, copy); });
      }
      return response;
    }).catch(function () {
      return caches.match(url.pathname, { ignoreSearch: true }).then(function (cached) {
        return cached || caches.match("/offline/");
      });
    }));
    return;
  }
  if (url.pathname.indexOf("/static/") === 0 || url.pathname === "/manifest.webmanifest") {
    event.respondWith(caches.match(request).then(function (cached) {
      return cached || fetch(request).then(function (response) {
        var copy = response.clone();
        caches.open(SHELL).then(function (cache) { cache.put(request, copy); });
        return response;
      });
    }));
  }
});
