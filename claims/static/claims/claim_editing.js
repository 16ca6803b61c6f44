/* The editors' claim-repair helpers: a live character guide for ClaimReview's summary, and adding a
   claim from text selected on the article page (its offsets in the article's cleaned text). */
(function () {
  "use strict";

  function guide(input) {
    var limit = parseInt(input.getAttribute("data-fc-guide"), 10);
    var note = document.createElement("span");
    note.className = "fc-guide";
    input.insertAdjacentElement("afterend", note);
    function update() {
      var length = input.value.trim().length;
      note.textContent = length + " / " + limit + (length >= limit ? " — longer than the guide; nothing will cut it" : "");
      note.classList.toggle("fc-guide-over", length >= limit);
    }
    input.addEventListener("input", update);
    update();
  }

  /* Characters of the article before (node, offset), counting only the text of the article itself:
     the small numbered links after a highlighted sentence are not part of it. */
  function offsetIn(container, node, offset) {
    var walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        return n.parentElement && n.parentElement.closest(".fc-mark-more") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var total = 0, current;
    if (node.nodeType !== Node.TEXT_NODE) {  // a boundary between elements: count the text before that child
      var range = document.createRange();
      range.setStart(container, 0);
      range.setEnd(node, offset);
      var fragment = range.cloneContents();
      fragment.querySelectorAll(".fc-mark-more").forEach(function (el) { el.remove(); });
      return fragment.textContent.length;
    }
    while ((current = walker.nextNode())) {
      if (current === node) { return total + offset; }
      total += current.data.length;
    }
    return null;
  }

  function selectionForm(container) {
    var form = document.getElementById("fc-add-claim");
    if (!form) { return; }
    var start = document.getElementById("fc-add-start"), end = document.getElementById("fc-add-end");
    var text = document.getElementById("fc-add-text"), preview = document.getElementById("fc-add-preview");
    var button = document.getElementById("fc-add-button");
    function update() {
      var selection = window.getSelection();
      if (!selection.rangeCount || selection.isCollapsed) { return; }
      var range = selection.getRangeAt(0);
      if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) { return; }
      var from = offsetIn(container, range.startContainer, range.startOffset);
      var to = offsetIn(container, range.endContainer, range.endOffset);
      if (from === null || to === null || to <= from) { return; }
      var fragment = range.cloneContents();
      fragment.querySelectorAll(".fc-mark-more").forEach(function (el) { el.remove(); });
      var selected = fragment.textContent;
      // Leading and trailing spaces are not part of the claim.
      var lead = selected.length - selected.replace(/^\s+/, "").length;
      var trail = selected.length - selected.replace(/\s+$/, "").length;
      start.value = from + lead;
      end.value = to - trail;
      text.value = selected.trim().replace(/\s+/g, " ");
      preview.textContent = "“" + text.value + "” (characters " + start.value + "–" + end.value + ")";
      button.disabled = false;
    }
    container.addEventListener("mouseup", update);
    container.addEventListener("keyup", update);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-fc-guide]").forEach(guide);
    var article = document.querySelector(".fc-article-text[data-fc-select]");
    if (article) { selectionForm(article); }
  });
})();
