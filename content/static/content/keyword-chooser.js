// Keyword chooser on the page edit form: the chosen keywords as removable chips and a search
// field that finds keywords by term, synonym or spelling variant (content/keyword_chooser.py).
(function () {
  "use strict";
  var DEBOUNCE_MS = 200;

  function init(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "1";
    var select = root.querySelector("select");
    var chosen = root.querySelector("[data-chosen]");
    var input = root.querySelector("[data-search]");
    var list = root.querySelector("[data-results]");
    var status = root.querySelector("[data-status]");
    var timer = null;
    var active = -1;

    function changed() {
      select.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function renderChosen() {
      chosen.textContent = "";
      Array.prototype.forEach.call(select.options, function (option) {
        if (!option.selected) return;
        var item = document.createElement("li");
        item.appendChild(document.createTextNode(option.textContent));
        var remove = document.createElement("button");
        remove.type = "button";
        remove.textContent = "×";
        remove.setAttribute("aria-label", "Verwijder trefwoord " + option.textContent);
        remove.addEventListener("click", function () {
          option.remove();
          renderChosen();
          changed();
          status.textContent = "Trefwoord " + item.firstChild.textContent + " verwijderd.";
          input.focus();
        });
        item.appendChild(remove);
        chosen.appendChild(item);
      });
    }

    function close() {
      list.hidden = true;
      list.textContent = "";
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function choose(result) {
      var exists = Array.prototype.some.call(select.options, function (o) { return o.value === String(result.id); });
      if (!exists) {
        var option = new Option(result.term, String(result.id), true, true);
        select.appendChild(option);
        renderChosen();
        changed();
      }
      status.textContent = "Trefwoord " + result.term + " toegevoegd.";
      input.value = "";
      close();
      input.focus();
    }

    function highlight(index) {
      var items = list.querySelectorAll("li[role=option]");
      if (!items.length) return;
      active = (index + items.length) % items.length;
      items.forEach(function (item, i) { item.setAttribute("aria-selected", i === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    function show(results) {
      list.textContent = "";
      active = -1;
      if (!results.length) {
        status.textContent = "Geen trefwoord gevonden.";
        close();
        return;
      }
      results.forEach(function (result, i) {
        var item = document.createElement("li");
        item.id = input.id + "-optie-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.dataset.id = result.id;
        item.appendChild(document.createTextNode(result.term));
        if (result.also.length) {
          var also = document.createElement("small");
          also.textContent = "(ook: " + result.also.join(", ") + ")";
          item.appendChild(also);
        }
        item.addEventListener("mousedown", function (event) { event.preventDefault(); choose(result); });
        list.appendChild(item);
      });
      list._results = results;
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      status.textContent = results.length + (results.length === 1 ? " trefwoord" : " trefwoorden") + " gevonden.";
    }

    function search() {
      var q = input.value.trim();
      if (!q) { close(); return; }
      var url = root.dataset.searchUrl + "?q=" + encodeURIComponent(q);
      if (select.dataset.locale) url += "&locale=" + encodeURIComponent(select.dataset.locale);
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (input.value.trim() === q) show(data.results); })
        .catch(function () { status.textContent = "Zoeken lukt nu even niet."; });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(search, DEBOUNCE_MS);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
      else if (event.key === "Enter") {
        if (!list.hidden && list._results) {
          event.preventDefault();
          choose(list._results[active >= 0 ? active : 0]);
        }
      } else if (event.key === "Escape") { close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
    renderChosen();
  }

  function initAll() {
    document.querySelectorAll("[data-hub-keyword-chooser]").forEach(init);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initAll);
  else initAll();
})();
