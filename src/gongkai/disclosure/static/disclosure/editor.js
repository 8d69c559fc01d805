/* The body editor, progressively enhanced (no inline script: the CSP forbids it).
   Without this file the textarea takes Markdown and the 预览 button shows the result
   after a round trip. With it:
   - the preview beside the textarea follows the typing (the server renders and
     sanitises, exactly as on saving: POST data-preview-url);
   - pasting from Word or a web page keeps paragraphs, headings, lists, tables, bold and
     links, written as Markdown (the browser alone would paste plain text, tables
     flattened into tabs); styles, fonts and Word's own markup are dropped. */
(function () {
  "use strict";

  var area = document.querySelector("textarea.body-editor");
  var preview = document.getElementById("body-preview");
  if (!area) { return; }

  function inline(node) {
    var out = "";
    node.childNodes.forEach(function (child) {
      if (child.nodeType === 3) { out += child.nodeValue.replace(/\s+/g, " "); return; }
      if (child.nodeType !== 1) { return; }
      var tag = child.tagName.toLowerCase();
      var text = inline(child);
      if (tag === "br") { out += "\n"; }
      else if ((tag === "b" || tag === "strong") && text.trim()) { out += "**" + text.trim() + "**"; }
      else if (tag === "a" && /^(https?:|mailto:)/i.test(child.getAttribute("href") || "")) {
        out += "[" + text.trim() + "](" + child.getAttribute("href") + ")";
      }
      else { out += text; }
    });
    return out;
  }

  function cell(node) { return inline(node).replace(/\|/g, "\\|").replace(/\s+/g, " ").trim(); }

  function table(node) {
    var rows = Array.prototype.slice.call(node.querySelectorAll("tr")).map(function (tr) {
      return Array.prototype.slice.call(tr.children).map(cell);
    }).filter(function (r) { return r.length; });
    if (!rows.length) { return ""; }
    var width = Math.max.apply(null, rows.map(function (r) { return r.length; }));
    var line = function (r) {
      while (r.length < width) { r.push(""); }
      return "| " + r.join(" | ") + " |";
    };
    var lines = [line(rows[0]), "|" + new Array(width + 1).join(" --- |")];
    rows.slice(1).forEach(function (r) { lines.push(line(r)); });
    return lines.join("\n");
  }

  function blocks(node, out) {
    node.childNodes.forEach(function (child) {
      if (child.nodeType === 3) {
        var t = child.nodeValue.replace(/\s+/g, " ").trim();
        if (t) { out.push(t); }
        return;
      }
      if (child.nodeType !== 1) { return; }
      var tag = child.tagName.toLowerCase();
      if (tag === "style" || tag === "script" || tag === "meta" || tag === "title") { return; }
      if (/^h[1-6]$/.test(tag)) { out.push("## " + inline(child).trim()); }
      else if (tag === "table") { out.push(table(child)); }
      else if (tag === "ul" || tag === "ol") {
        var n = 0;
        out.push(Array.prototype.slice.call(child.children).map(function (li) {
          n += 1;
          return (tag === "ol" ? n + ". " : "- ") + inline(li).trim();
        }).join("\n"));
      }
      else if (tag === "p" || tag === "li" || tag === "blockquote" || tag === "pre") {
        var text = inline(child).trim();
        // Word writes its list items as paragraphs starting with a bullet character
        text = text.replace(/^[·•▪◦●○]\s*/, "- ");
        if (text) { out.push(text); }
      }
      else { blocks(child, out); }
    });
    return out;
  }

  area.addEventListener("paste", function (event) {
    var data = event.clipboardData;
    var html = data && data.getData("text/html");
    if (!html) { return; }  // plain text pastes as it is
    var doc = new DOMParser().parseFromString(html, "text/html");
    var markdown = blocks(doc.body, []).join("\n\n");
    if (!markdown) { return; }
    event.preventDefault();
    var start = area.selectionStart, end = area.selectionEnd;
    area.value = area.value.slice(0, start) + markdown + area.value.slice(end);
    area.selectionStart = area.selectionEnd = start + markdown.length;
    area.dispatchEvent(new Event("input"));
  });

  if (!preview) { return; }
  var url = preview.getAttribute("data-preview-url");
  var token = area.form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var timer = null;
  function refresh() {
    var body = new FormData();
    body.append("body", area.value);
    fetch(url, { method: "POST", body: body, headers: { "X-CSRFToken": token }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) { preview.innerHTML = html; preview.setAttribute("data-ready", "1"); })
      .catch(function () { preview.textContent = "预览暂时无法显示，保存后可在信息页查看。"; });
  }
  area.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  });
  refresh();
})();
