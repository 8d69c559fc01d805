/* The public form and its confirmation, progressively enhanced (no inline script: the
   Content-Security-Policy forbids it). Without this file everything still works: the
   organisation fields stay visible and the server validates them regardless. */
(function () {
  "use strict";

  var form = document.getElementById("apply-form");
  if (form) {
    // 法定代表人 and 联系人 only for 法人或其他组织, who identify by 统一社会信用代码.
    var kind = form.querySelector("[name=applicant_type]");
    var idType = form.querySelector("[name=id_type]");
    var organisation = document.getElementById("fieldset-organisation");
    if (kind && organisation) {
      var toggle = function () {
        var person = kind.value === "natural_person";
        organisation.hidden = person;
        organisation.disabled = person;
      };
      kind.addEventListener("change", function () {
        toggle();
        if (!idType) { return; }
        var person = kind.value === "natural_person";
        if (!person && idType.value !== "uscc") { idType.value = "uscc"; }
        if (person && idType.value === "uscc") { idType.value = "resident_id"; }
      });
      toggle();
    }

    // 网上查看 by default; 电子邮件 once an address is given, unless the applicant chose.
    var email = form.querySelector("[name=email]");
    var method = form.querySelector("[name=delivery_method]");
    if (email && method) {
      var chosen = false;
      method.addEventListener("change", function () { chosen = true; });
      email.addEventListener("input", function () {
        if (chosen) { return; }
        var given = email.value.trim() !== "";
        if (given && method.value === "online") { method.value = "email"; }
        if (!given && method.value === "email") { method.value = "online"; }
      });
    }
  }

  // 打印本页: shown only when it can work.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
