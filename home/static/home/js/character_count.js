// Live character count under every textarea with data-max-characters (see home/widgets.py).
(function () {
  "use strict";

  function attach(textarea) {
    if (textarea.dataset.characterCount) return;
    textarea.dataset.characterCount = "on";
    var limit = parseInt(textarea.dataset.maxCharacters, 10);
    var counter = document.createElement("p");
    counter.className = "help character-count";
    counter.setAttribute("aria-live", "polite");
    counter.id = textarea.id + "-character-count";
    textarea.setAttribute("aria-describedby", ((textarea.getAttribute("aria-describedby") || "") + " " + counter.id).trim());
    textarea.insertAdjacentElement("afterend", counter);

    function update() {
      var length = textarea.value.length;
      var over = length - limit;
      counter.textContent = over > 0
        ? length + " / " + limit + " characters: " + over + " too many, shorten the text to save it"
        : length + " / " + limit + " characters";
      counter.style.color = over > 0 ? "#cd4444" : "";
      counter.style.fontWeight = over > 0 ? "bold" : "";
      textarea.setAttribute("aria-invalid", over > 0 ? "true" : "false");
    }

    textarea.addEventListener("input", update);
    update();
  }

  function attachAll() {
    document.querySelectorAll("textarea[data-max-characters]").forEach(attach);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", attachAll);
  } else {
    attachAll();
  }
})();
