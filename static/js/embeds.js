// Embeds in article bodies load only when the reader asks: until then the page has the provider's
// address in data attributes alone, which a browser never fetches (templates/articles/embed_placeholder.html).
"use strict";
document.querySelectorAll("figure.embed[data-embed-frame]").forEach(function (placeholder) {
    const consent = placeholder.querySelector(".embed__consent");
    const button = placeholder.querySelector(".embed__load");
    if (!consent || !button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
        const frame = document.createElement("iframe");
        // Restrictions first, the address last: the frame starts loading when it enters the page.
        frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-presentation");
        frame.setAttribute("allow", "fullscreen; picture-in-picture");
        frame.referrerPolicy = "strict-origin-when-cross-origin";
        frame.loading = "lazy";
        frame.title = placeholder.dataset.embedTitle || "";
        frame.className = "embed__frame";
        frame.src = placeholder.dataset.embedFrame;
        const stage = document.createElement("div");
        stage.className = "embed__stage";
        stage.style.aspectRatio = placeholder.dataset.embedRatio || "16 / 9";  // CSSOM, which the CSP allows
        stage.append(frame);
        consent.replaceWith(stage);
        placeholder.classList.add("embed--loaded");
        frame.focus();
    });
});
