/* Live B1 feedback in the page editor: after a short pause in typing, the text of the field is
   checked by the hub, in the page's language (Dutch B1 or plain English), and the verdict and
   points are shown under the field. No page reload. */
(function () {
  "use strict";
  var DEBOUNCE_MS = 600;
  var MIN_WORDS = 3;
  var endpoint = (document.querySelector("[data-hub-b1-endpoint]") || {}).dataset;
  var url = (endpoint && endpoint.hubB1Endpoint) || "/admin/b1/check/";
  var timers = new WeakMap();

  // The page's language, from the B1 panel of the edit form; without it the hub checks the
  // default language.
  function pageLanguage() {
    var holder = document.querySelector("[data-hub-b1-language]");
    return (holder && holder.dataset.hubB1Language) || null;
  }

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function textOf(el) {
    return el.isContentEditable ? el.innerText : el.value || "";
  }

  function isChecked(el) {
    if (!el.closest("form")) return false;
    if (el.isContentEditable) return true;
    if (el.tagName === "TEXTAREA") return true;
    return el.tagName === "INPUT" && el.type === "text" && !/slug|url|ref|color|keywords/i.test(el.name || "");
  }

  function holderFor(el) {
    var field = el.closest(".w-field, [data-field], .Draftail-Editor") || el.parentElement;
    var next = field.nextElementSibling;
    if (next && next.classList.contains("hub-b1-feedback")) return next;
    var holder = document.createElement("div");
    holder.className = "hub-b1-feedback";
    holder.setAttribute("role", "status");
    holder.setAttribute("aria-live", "polite");
    field.parentNode.insertBefore(holder, field.nextSibling);
    return holder;
  }

  function render(holder, report) {
    holder.textContent = "";
    var verdict = document.createElement("p");
    verdict.className = "hub-b1-verdict " + (report.b1 ? "hub-b1-ok" : "hub-b1-not-ok");
    var english = report.language === "en";
    var label = report.b1 ? (english ? "Eenvoudig Engels: in orde" : "B1: in orde")
                          : (english ? "Nog niet eenvoudig genoeg" : "Nog niet B1");
    verdict.textContent = label + " — score " + Math.round(report.score) + " van 100";
    holder.appendChild(verdict);
    if (report.verdict_reason && !report.b1) {
      var reason = document.createElement("p");
      reason.className = "hub-b1-reason";
      reason.textContent = report.verdict_reason;
      holder.appendChild(reason);
    }
    var hinted = (report.sentences || []).filter(function (s) { return s.hint; });
    hinted.sort(function (a, b) { return (a.severity === "serious" ? 0 : 1) - (b.severity === "serious" ? 0 : 1); });
    if (hinted.length) {
      var title = document.createElement("p");
      title.className = "hub-b1-hints-title";
      title.textContent = "Zo maakt u het eenvoudiger:";
      holder.appendChild(title);
      var hints = document.createElement("ul");
      hints.className = "hub-b1-hints";
      hinted.slice(0, 5).forEach(function (sentence) {
        var item = document.createElement("li");
        item.dataset.severity = sentence.severity;
        var quote = document.createElement("q");
        quote.textContent = sentence.text.length > 80 ? sentence.text.slice(0, 79) + "…" : sentence.text;
        item.appendChild(quote);
        item.appendChild(document.createTextNode(" " + sentence.hint));
        hints.appendChild(item);
      });
      holder.appendChild(hints);
    }
    if (!report.issues || !report.issues.length) return;
    var list = document.createElement("ul");
    list.className = "hub-b1-issues";
    report.issues.slice(0, 8).forEach(function (issue) {
      var item = document.createElement("li");
      item.dataset.code = issue.code;
      var mark = document.createElement("mark");
      mark.textContent = issue.text;
      item.appendChild(mark);
      item.appendChild(document.createTextNode(" " + issue.message));
      if (issue.suggestion) {
        var better = document.createElement("span");
        better.className = "hub-b1-suggestion";
        better.textContent = " Beter: " + issue.suggestion;
        item.appendChild(better);
      }
      list.appendChild(item);
    });
    holder.appendChild(list);
  }

  function check(el) {
    var text = textOf(el).trim();
    var holder = holderFor(el);
    var language = pageLanguage();
    if (text.split(/\s+/).length < MIN_WORDS) {
      holder.textContent = "";
      return;
    }
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify(language ? { text: text, language: language } : { text: text }),
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (report) { if (report) render(holder, report); })
      .catch(function () { holder.textContent = "De B1-controle werkt nu even niet."; });
  }

  document.addEventListener("input", function (event) {
    var el = event.target.isContentEditable ? event.target.closest("[contenteditable=true]") : event.target;
    if (!el || !isChecked(el)) return;
    clearTimeout(timers.get(el));
    timers.set(el, setTimeout(function () { check(el); }, DEBOUNCE_MS));
  }, true);
})();
