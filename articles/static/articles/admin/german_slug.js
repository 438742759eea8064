// Django's slug pre-filling turns "ä" into "a"; German readers expect "ae".
// Transliterate umlauts and ß first, then let Django's URLify do the rest.
"use strict";
(function () {
    const djangoURLify = window.URLify;
    if (!djangoURLify) {
        return;
    }
    const german = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"};
    window.URLify = function (text, maxLength, allowUnicode) {
        return djangoURLify(text.replace(/[äöüÄÖÜßẞ]/g, (c) => german[c]), maxLength, allowUnicode);
    };
})();
