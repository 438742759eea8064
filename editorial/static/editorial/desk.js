// The article form as a writing desk: live counters, a warning before unsaved work is left, Ctrl/Cmd+S saves.
// The texts come translated from the server in data attributes (the admin has no JavaScript catalogue of ours).
(function () {
  "use strict";

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, name) { return values[name]; });
  }

  function counter(after) {
    const output = document.createElement("div");
    output.className = "desk-counter";
    output.setAttribute("aria-live", "polite");
    after.insertAdjacentElement("afterend", output);
    return output;
  }

  function countCharacters(field) {
    const limit = parseInt(field.dataset.countLimit, 10);
    const output = counter(field);
    function update() {
      const count = field.value.length;
      output.textContent = fill(field.dataset.countTemplate, { count: count, limit: limit });
      output.classList.toggle("desk-counter--over", count > limit);
    }
    field.addEventListener("input", update);
    update();
  }

  function countWords(textarea, editorElement) {
    const output = counter(editorElement.closest(".prose-editor") || editorElement);
    function update() {
      const words = (editorElement.innerText.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) || []).length;
      const minutes = Math.max(1, Math.floor(words / 200 + 0.5));
      output.textContent = fill(textarea.dataset.countTemplate, { words: words, minutes: minutes });
    }
    editorElement.addEventListener("input", update);
    new MutationObserver(update).observe(editorElement, { childList: true, subtree: true, characterData: true });
    update();
  }

  // Tell the server this form is open, every few seconds, and show who else has the article open.
  function keepPresence(box, form) {
    const url = box.dataset.presenceUrl;
    const token = form.querySelector("[name=csrfmiddlewaretoken]").value;
    function beat() {
      const data = new FormData();
      data.append("csrfmiddlewaretoken", token);
      fetch(url, { method: "POST", body: data, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (answer) {
          if (!answer) return;
          box.replaceChildren.apply(box, answer.others.map(function (sentence) {
            const line = document.createElement("p");
            line.textContent = sentence;
            return line;
          }));
        });
    }
    beat();
    setInterval(beat, parseInt(box.dataset.heartbeatSeconds, 10) * 1000);
    window.addEventListener("pagehide", function () {
      const data = new FormData();
      data.append("csrfmiddlewaretoken", token);
      data.append("leave", "1");
      navigator.sendBeacon(url, data);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    const form = document.getElementById("article_form");
    if (!form) return;

    form.querySelectorAll("[data-count-limit]").forEach(countCharacters);
    const body = form.querySelector("textarea[name=body][data-count-template]");
    if (body) {
      // The rich-text editor starts a moment after the page.
      const start = setInterval(function () {
        const editorElement = form.querySelector(".ProseMirror[contenteditable=true]");
        if (editorElement) {
          clearInterval(start);
          countWords(body, editorElement);
        }
      }, 100);
      setTimeout(function () { clearInterval(start); }, 10000);
    }

    let unsaved = false;
    form.addEventListener("input", function () { unsaved = true; });
    form.addEventListener("change", function () { unsaved = true; });
    form.addEventListener("submit", function () { unsaved = false; });
    window.addEventListener("beforeunload", function (event) {
      if (!unsaved) return;
      event.preventDefault();
      event.returnValue = "";  // the browser shows its own question
    });

    const presence = document.querySelector(".desk-presence[data-presence-url]");
    if (presence) keepPresence(presence, form);

    document.addEventListener("keydown", function (event) {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        const save = form.querySelector("[name=_continue]");
        if (save) save.click();
      }
    });
  });
})();
