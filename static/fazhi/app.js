// Page behaviours declared in the markup with data- attributes, so no page needs an inline
// script or event handler (the Content-Security-Policy allows scripts from this site only).
(function () {
  "use strict";

  // <form data-confirm="…">: ask before submitting.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  }, true);

  // <select data-autosubmit>: submit its form on change.
  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field.dataset && "autosubmit" in field.dataset && field.form) field.form.submit();
  });

  // <button data-formset-add="party">: one more form from <template id="party-template">,
  // counted in the management form's party-TOTAL_FORMS.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-formset-add]");
    if (!button) return;
    var prefix = button.dataset.formsetAdd;
    var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
    var n = parseInt(total.value, 10);
    var html = document.getElementById(prefix + "-template").innerHTML
      .replace(/__prefix__/g, n).replace("__n__", n + 1);
    button.insertAdjacentHTML("beforebegin", html);
    total.value = n + 1;
  });

  // <select data-narrow-by="id_committee">: only the options whose data-parent is the other
  // select's value are offered (a lead mediator of the chosen committee).
  function narrow(target) {
    var by = document.getElementById(target.dataset.narrowBy);
    if (!by) return;
    Array.prototype.forEach.call(target.options, function (option) {
      var other = option.dataset.parent && by.value && option.dataset.parent !== by.value;
      option.hidden = other; option.disabled = other;
      if (other && option.selected) target.value = "";
    });
  }
  function narrowAll() {
    document.querySelectorAll("select[data-narrow-by]").forEach(narrow);
  }
  document.addEventListener("change", function (event) {
    document.querySelectorAll("select[data-narrow-by]").forEach(function (target) {
      if (target.dataset.narrowBy === event.target.id) narrow(target);
    });
  });
  document.addEventListener("DOMContentLoaded", narrowAll);

  // A#export follows a filtered list's filters as htmx pushes them into the address.
  document.addEventListener("htmx:pushedIntoHistory", function () {
    var link = document.getElementById("export");
    if (!link) return;
    var params = new URLSearchParams(location.search);
    params.delete("page"); params.set("export", "xlsx");
    link.href = "?" + params.toString();
  });

  // <button data-toggle-filters>: on a phone a list shows its search box only, until the
  // button opens the other filters (the form's fz-filters-open class).
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-toggle-filters]");
    if (!button) return;
    var form = button.closest("form");
    var open = form.classList.toggle("fz-filters-open");
    button.setAttribute("aria-expanded", open ? "true" : "false");
  });

  // <button data-print>: the page on paper (the print style drops the menu and controls).
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-print]")) window.print();
  });
})();
