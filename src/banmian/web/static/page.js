// Page view: pointing at an article in the list outlines its lines in the original.
document.querySelectorAll(".artitem[data-art]").forEach(function (item) {
  var lines = document.querySelectorAll('.dump [data-art="' + item.dataset.art + '"]');
  item.addEventListener("mouseenter", function () { lines.forEach(function (l) { l.classList.add("hilite"); }); });
  item.addEventListener("mouseleave", function () { lines.forEach(function (l) { l.classList.remove("hilite"); }); });
});
