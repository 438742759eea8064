// "Link kopieren" in the share bar: copies the article's canonical address, no third-party code.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("button[data-copy-url]").forEach(function (button) {
        const label = button.textContent;
        button.hidden = false;
        button.addEventListener("click", async function () {
            try {
                await navigator.clipboard.writeText(button.dataset.copyUrl);
            } catch (error) {
                const field = document.createElement("textarea");
                field.value = button.dataset.copyUrl;
                document.body.append(field);
                field.select();
                document.execCommand("copy");
                field.remove();
            }
            button.textContent = button.dataset.copied;
            setTimeout(function () { button.textContent = label; }, 2500);
        });
    });
});
