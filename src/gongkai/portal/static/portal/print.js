// 打印本页: the button is hidden until this script runs (without script, the browser's own
// print command still uses the print stylesheet).
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
