// The media library's picture chooser for the rich-text editor (a popup window).
// It answers the editor the way its figure dialog expects: CKEditor's callFunction protocol.
(function () {
  "use strict";
  const picker = document.getElementById("picker");
  if (!picker) return;
  const callback = picker.dataset.callback;

  function choose(data) {
    const editor = window.opener && window.opener.CKEDITOR && window.opener.CKEDITOR.tools;
    if (!editor || !callback) return;
    editor.callFunction(callback, data.url, { id: data.id, alternative_text: data.alt, caption: data.caption });
    window.close();
  }

  picker.addEventListener("click", function (event) {
    const button = event.target.closest(".image-picker__choice");
    if (button) choose(button.dataset);
  });

  // Just uploaded: insert it at once.
  if (picker.dataset.chosenId) {
    choose({
      id: picker.dataset.chosenId,
      url: picker.dataset.chosenUrl,
      alt: picker.dataset.chosenAlt,
      caption: picker.dataset.chosenCaption,
    });
  }
})();
