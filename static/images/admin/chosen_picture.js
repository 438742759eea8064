// The article form: once a picture is chosen (magnifier) or uploaded (plus), show it with its warnings.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    const input = document.getElementById("id_image");
    const preview = document.querySelector(".field-image_preview .readonly");
    if (!input || !preview) return;

    function show(data) {
      preview.replaceChildren();
      if (data.thumbnail) {
        const img = document.createElement("img");
        img.src = data.thumbnail;
        img.alt = "";
        img.width = 240;
        img.height = 135;
        img.className = "image-thumbnail";
        preview.append(img);
      }
      const name = document.createElement("p");
      name.textContent = data.name;
      preview.append(name);
      if (data.warnings.length) {
        const list = document.createElement("ul");
        list.className = "messagelist";
        data.warnings.forEach(function (text) {
          const item = document.createElement("li");
          item.className = "warning";
          item.textContent = text;
          list.append(item);
        });
        preview.append(list);
      }
    }

    function update() {
      const id = input.value.trim();
      if (!/^\d+$/.test(id)) return;
      fetch(input.dataset.summaryUrl.replace("/0/summary/", "/" + id + "/summary/"), { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) { if (data) show(data); });
    }

    input.addEventListener("change", update);
    if (window.django && window.django.jQuery) window.django.jQuery(input).on("change", update); // the admin's popups say so through jQuery
  });
})();
