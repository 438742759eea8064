// The article form as a writing desk: live counters, search and social previews, the unsaved text in a
// frame beside the form, a warning before unsaved work is left, Ctrl/Cmd+S saves.
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
      const template = words === 1 ? textarea.dataset.countTemplateOne : textarea.dataset.countTemplate;
      output.textContent = fill(template, { words: words, minutes: minutes });
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

  // Shorten as search engines do: at a word boundary when one is near, with an ellipsis.
  function cut(text, limit) {
    text = text.trim().replace(/\s+/g, " ");
    if (text.length <= limit) return text;
    const short = text.slice(0, limit - 1);
    const space = short.lastIndexOf(" ");
    return (space > limit * 0.7 ? short.slice(0, space) : short).replace(/[\s,;:–-]+$/, "") + "…";
  }

  // What a field shows now: its input's value, or the text of a read-only field.
  function current(form, name) {
    const input = form.elements.namedItem(name);
    if (input) return input.value.trim();
    const shown = form.querySelector(".field-" + name + " .readonly");
    const text = shown ? shown.textContent.trim() : "";
    return text === "-" ? "" : text;  // the admin's sign for an empty read-only field
  }

  // The search result and the social card as the page's meta tags will make them, updated while typing.
  function showSnippets(box, form) {
    const picture = form.querySelector(".field-image_preview .readonly");
    function show(name, text) { box.querySelector(".desk-" + name).textContent = text; }
    function update() {
      const title = current(form, "seo_title") || current(form, "title") || box.dataset.emptyTitle;
      const text = current(form, "seo_description") || current(form, "teaser") || box.dataset.emptyText;
      const slug = current(form, "slug") || (window.URLify ? window.URLify(current(form, "title"), 220) : "");
      show("serp__address", box.dataset.address + (slug ? slug + "/" : ""));
      show("serp__title", cut(title, 60));
      show("serp__text", cut(text, 155));
      show("card__title", cut(title, 90));
      show("card__text", cut(text, 110));
      const thumbnail = current(form, "image") && picture && picture.querySelector("img");
      const frame = box.querySelector(".desk-card__image");
      if (!thumbnail) frame.replaceChildren();
      else if (!frame.firstChild || frame.firstChild.src !== thumbnail.src) {
        const image = document.createElement("img");
        image.src = thumbnail.src;
        image.alt = "";
        frame.replaceChildren(image);
      }
    }
    // keyup too: the slug follows the headline only then
    ["input", "change", "keyup"].forEach(function (type) { form.addEventListener(type, update); });
    if (picture) new MutationObserver(update).observe(picture, { childList: true, subtree: true });
    update();
  }

  // The unsaved text beside the form: its buttons post the form into the frame (formaction, formtarget).
  function previewBeside(panel, form) {
    const desk = panel.closest(".desk");
    form.querySelectorAll("[formtarget=desk-preview]").forEach(function (button) {
      button.addEventListener("click", function () {
        panel.hidden = false;
        desk.classList.add("desk--previewing");
        panel.scrollIntoView({ block: "nearest" });
      });
    });
    panel.querySelector(".desk-preview-close").addEventListener("click", function () {
      panel.hidden = true;
      desk.classList.remove("desk--previewing");
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
    form.addEventListener("submit", function (event) {
      if (!(event.submitter && event.submitter.formTarget)) unsaved = false;  // a preview saves nothing
    });
    window.addEventListener("beforeunload", function (event) {
      if (!unsaved) return;
      event.preventDefault();
      event.returnValue = "";  // the browser shows its own question
    });

    const snippets = form.querySelector(".desk-snippets");
    if (snippets) showSnippets(snippets, form);
    const preview = form.querySelector(".desk-preview");
    if (preview) previewBeside(preview, form);

    const presence = document.querySelector(".desk-presence[data-presence-url]");
    if (presence) keepPresence(presence, form);

    // After a conflict, choosing a side of a text field puts that text into the field.
    form.addEventListener("change", function (event) {
      const choice = event.target;
      if (!choice.matches(".desk-conflict input[type=radio][data-value]")) return;
      const field = form.querySelector("#id_" + choice.closest(".desk-conflict").dataset.field);
      if (!field) return;
      field.value = choice.dataset.value;
      field.dispatchEvent(new Event("input", { bubbles: true }));
    });

    // A button that takes an article offline asks first.
    form.addEventListener("submit", function (event) {
      const question = event.submitter && event.submitter.dataset.confirm;
      if (question && !window.confirm(question)) event.preventDefault();
    });

    // Enter in a one-line field does not send the form (on a published article that would put it live):
    // saving is the button's or Ctrl/Cmd+S's.
    form.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target.matches("input:not([type=submit]):not([type=button])")) event.preventDefault();
    });

    document.addEventListener("keydown", function (event) {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        const save = form.querySelector("[name=_continue]");
        if (save) save.click();
      }
    });
  });
})();
