/*
 * Title suggestions for the portal search box (progressive enhancement).
 *
 * Any <form data-search-autocomplete="URL"> with an <input name="q"> gets a list of
 * page titles from URL?q=… (JSON {"results": [{"title", "url"}]}), fetched after the
 * user stops typing for DEBOUNCE_MS. The input becomes an ARIA combobox: arrows move
 * through the suggestions, Enter opens the chosen one, Escape closes the list.
 * Without JavaScript the form is a plain GET search form.
 */
(function () {
  "use strict";

  var DEBOUNCE_MS = 250;
  var MIN_LENGTH = 2;
  var counter = 0;

  function enhance(form) {
    var input = form.querySelector('input[name="q"]');
    var endpoint = form.getAttribute("data-search-autocomplete");
    if (!input || !endpoint || !window.fetch) {
      return;
    }
    counter += 1;
    var listId = "search-suggestions-" + counter;
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "autocomplete-list search-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.getAttribute("placeholder") || "");
    // Below the input, dark text on white, whatever the colours of the header around it.
    list.style.top = "100%";
    list.style.zIndex = "1050";
    list.style.color = "#1a1a1a";
    list.style.maxHeight = "22rem";
    list.style.overflowY = "auto";
    form.appendChild(list);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var timer = null;
    var controller = null;
    var items = [];
    var active = -1;

    function close() {
      list.classList.remove("autocomplete-list-show");
      list.innerHTML = "";
      items = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      items.forEach(function (item, i) {
        var selected = i === index;
        item.setAttribute("aria-selected", selected ? "true" : "false");
        item.classList.toggle("bg-primary", selected);
        item.classList.toggle("text-white", selected);
        item.style.color = selected ? "" : "#1a1a1a";
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", items[index].id);
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function show(results) {
      close();
      if (!results.length) {
        return;
      }
      results.forEach(function (result, i) {
        var item = document.createElement("li");
        item.id = listId + "-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.className = "px-3 py-2";
        item.style.cursor = "pointer";
        item.style.color = "#1a1a1a";
        item.textContent = result.title;
        item.dataset.url = result.url;
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();
          window.location.href = result.url;
        });
        list.appendChild(item);
        items.push(item);
      });
      list.classList.add("autocomplete-list-show");
      input.setAttribute("aria-expanded", "true");
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query.length < MIN_LENGTH) {
        close();
        return;
      }
      if (controller) {
        controller.abort();
      }
      controller = window.AbortController ? new AbortController() : null;
      var url = endpoint + (endpoint.indexOf("?") === -1 ? "?" : "&") + "q=" + encodeURIComponent(query);
      fetch(url, { headers: { Accept: "application/json" }, signal: controller ? controller.signal : undefined })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          // Ignore answers to a query the user has already changed.
          if (input.value.trim() === query) {
            show(data.results || []);
          }
        })
        .catch(function () {
          /* Aborted or offline: the form still works without suggestions. */
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DEBOUNCE_MS);
    });

    input.addEventListener("keydown", function (event) {
      if (!items.length) {
        return;
      }
      if (event.key === "ArrowDown") {
        event.preventDefault();
        highlight((active + 1) % items.length);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = items[active].dataset.url;
      } else if (event.key === "Escape") {
        close();
      }
    });

    input.addEventListener("blur", function () {
      window.setTimeout(close, 150);
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-search-autocomplete]"), enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
