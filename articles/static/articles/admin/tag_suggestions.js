// Suggests existing tags while a journalist types into the comma-separated
// tag field, using the admin's own autocomplete endpoint. New tags can still
// be typed freely.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
    const input = document.querySelector("input[data-tag-suggestions]");
    if (!input) {
        return;
    }
    const list = document.createElement("datalist");
    list.id = input.id + "_suggestions";
    input.after(list);
    input.setAttribute("list", list.id);
    input.setAttribute("autocomplete", "off");

    let pending;
    input.addEventListener("input", function () {
        clearTimeout(pending);
        const parts = input.value.split(",");
        const term = parts.pop().trim();
        if (term.length < 2) {
            return;
        }
        const done = parts.map((part) => part.trim()).filter(Boolean);
        pending = setTimeout(async function () {
            const url = new URL(input.dataset.tagSuggestions, window.location.href);
            url.search = new URLSearchParams({
                term: term, app_label: "articles", model_name: "article", field_name: "tags",
            }).toString();
            const response = await fetch(url, {credentials: "same-origin"});
            if (!response.ok) {
                return;
            }
            const data = await response.json();
            list.replaceChildren(...data.results.map(function (result) {
                const option = document.createElement("option");
                option.value = [...done, result.text].join(", ");
                return option;
            }));
        }, 200);
    });
});
