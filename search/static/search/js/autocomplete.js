/*
 * Search box suggestions (WAI-ARIA 1.2 combobox with a listbox popup).
 * Progressive enhancement: without this script the box is an ordinary GET search form.
 * Loaded as a static file, so the strict Content Security Policy needs no exception.
 */
(function () {
  "use strict";

  var DELAY = 200;
  var MIN_LENGTH = 2;
  var counter = 0;

  function enhance(input) {
    var url = input.getAttribute("data-autocomplete-url");
    if (!url || input.getAttribute("role") === "combobox") {
      return;
    }
    counter += 1;
    var listId = "search-suggestions-" + counter;
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.getAttribute("data-suggestions-label") || "Suggestions");
    list.hidden = true;
    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    input.parentNode.appendChild(list);
    input.parentNode.appendChild(status);
    input.parentNode.classList.add("search-suggestions-host");

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    var timer = null;
    var active = -1;
    var items = [];
    var lastQuery = "";
    var pending = null;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function setActive(index) {
      var options = list.querySelectorAll("[role=option]");
      if (!options.length) {
        return;
      }
      active = (index + options.length) % options.length;
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({ block: "nearest" });
    }

    function render(suggestions) {
      items = suggestions;
      list.textContent = "";
      suggestions.forEach(function (suggestion, i) {
        var option = document.createElement("li");
        option.id = listId + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        var title = document.createElement("span");
        title.textContent = suggestion.title;
        var type = document.createElement("span");
        type.className = "search-suggestions__type";
        type.textContent = suggestion.type_label;
        option.appendChild(title);
        option.appendChild(type);
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          go(i);
        });
        list.appendChild(option);
      });
      if (suggestions.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      } else {
        close();
      }
      var template = input.getAttribute("data-count-template") || "%s";
      status.textContent = template.replace("%s", String(suggestions.length));
    }

    function go(index) {
      var suggestion = items[index];
      if (suggestion && suggestion.url) {
        window.location.assign(suggestion.url);
      }
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query.length < MIN_LENGTH) {
        close();
        return;
      }
      if (query === lastQuery && !list.hidden) {
        return;
      }
      lastQuery = query;
      if (pending && pending.abort) {
        pending.abort();
      }
      pending = window.AbortController ? new AbortController() : null;
      fetch(url + "?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: pending ? pending.signal : undefined,
      })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          if (input.value.trim() === query) {
            render(data.suggestions || []);
          }
        })
        .catch(function () {
          /* Suggestions are optional: the form still submits normally. */
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        if (list.hidden) {
          fetchSuggestions();
        } else {
          event.preventDefault();
          setActive(active + 1);
        }
      } else if (event.key === "ArrowUp" && !list.hidden) {
        event.preventDefault();
        setActive(active - 1);
      } else if (event.key === "Enter" && !list.hidden && active >= 0) {
        event.preventDefault();
        go(active);
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", function () {
      window.setTimeout(close, 150);
    });
  }

  function init() {
    document.querySelectorAll("input[data-autocomplete-url]").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
