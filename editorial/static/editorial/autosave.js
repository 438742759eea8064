// Autosave: while someone types, the form goes to the server every few seconds as their draft (never the
// article itself), and the page says when it was last kept. The texts come translated in data attributes.
(function () {
  "use strict";

  document.addEventListener("DOMContentLoaded", function () {
    const form = document.getElementById("article_form");
    const status = document.querySelector(".desk-autosave[data-autosave-url]");
    if (!form || !status) return;
    let changed = false;
    let sending = false;

    form.addEventListener("input", function () { changed = true; });
    form.addEventListener("change", function () { changed = true; });

    function send() {
      if (!changed || sending) return;
      changed = false;
      sending = true;
      fetch(status.dataset.autosaveUrl, { method: "POST", body: new FormData(form), credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : Promise.reject(response); })
        .then(function (answer) {
          status.textContent = status.dataset.savedTemplate.replace("{time}", answer.saved_at);
          status.classList.remove("desk-autosave--failed");
        })
        .catch(function () {
          changed = true;  // try again with the next round
          status.textContent = status.dataset.failedText;
          status.classList.add("desk-autosave--failed");
        })
        .finally(function () { sending = false; });
    }

    setInterval(send, parseInt(status.dataset.autosaveSeconds, 10) * 1000);
  });
})();
