// Click on a picture in the media library to set its focal point (kept in view by every crop).
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    const picker = document.querySelector(".focal-picker");
    const inputX = document.getElementById("id_focal_x");
    const inputY = document.getElementById("id_focal_y");
    if (!picker || !inputX || !inputY) return;
    const marker = picker.querySelector(".focal-picker__marker");

    function show(x, y) {
      marker.style.left = (x * 100) + "%";
      marker.style.top = (y * 100) + "%";
    }

    picker.addEventListener("click", function (event) {
      const box = picker.querySelector("img").getBoundingClientRect();
      const x = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
      const y = Math.min(1, Math.max(0, (event.clientY - box.top) / box.height));
      inputX.value = x.toFixed(3);
      inputY.value = y.toFixed(3);
      show(x, y);
    });
    [inputX, inputY].forEach(function (input) {
      input.addEventListener("input", function () { show(parseFloat(inputX.value) || 0, parseFloat(inputY.value) || 0); });
    });
    show(parseFloat(picker.dataset.focalX), parseFloat(picker.dataset.focalY));
  });
})();
