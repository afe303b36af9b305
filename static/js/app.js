// Parley: the one bit of hand-written script. On a phone the timeline's filters fold behind one
// button; without script (or on a wide screen) they are simply shown.
(function () {
  "use strict";
  var narrow = window.matchMedia("(max-width: 40rem)");
  document.querySelectorAll(".filters-toggle").forEach(function (button) {
    var panel = document.getElementById(button.getAttribute("aria-controls"));
    if (!panel) return;
    function show(open) {
      button.setAttribute("aria-expanded", String(open));
      panel.classList.toggle("folded", !open);
    }
    button.hidden = false;
    show(!narrow.matches);
    button.addEventListener("click", function () {
      show(button.getAttribute("aria-expanded") !== "true");
    });
    narrow.addEventListener("change", function (event) {
      show(!event.matches);
    });
  });
})();
