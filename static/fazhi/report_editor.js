// The paragraph editor of the annual report: a click on a figure in the list inserts its
// reference ({{key}}) where the cursor is in the text.
(function () {
  const text = document.getElementById("id_text");
  if (!text) return;
  document.querySelectorAll("[data-insert]").forEach(function (button) {
    button.addEventListener("click", function () {
      const reference = "{{" + button.dataset.insert + "}}";
      const start = text.selectionStart ?? text.value.length;
      const end = text.selectionEnd ?? start;
      text.value = text.value.slice(0, start) + reference + text.value.slice(end);
      text.focus();
      text.selectionStart = text.selectionEnd = start + reference.length;
    });
  });
})();
