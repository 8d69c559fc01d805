"""The officer's body editor in a real browser: the preview follows the typing, and a
paste from Word keeps its paragraphs, list and table as Markdown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.test_login import log_in
from tests.browser.test_public_form import shots

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORD_HTML = """<html><head><style>p.MsoNormal{font-family:宋体}</style></head><body>
<p class=MsoNormal style='text-indent:2em'><span style='font-size:16pt'>各街道：</span></p>
<p class=MsoNormal><b>一、</b>补贴标准<o:p></o:p></p>
<p class=MsoListParagraph>·<span>&nbsp;</span>城市居民</p>
<table class=MsoTableGrid border=1><tr><td><p>类别</p></td><td><p>金额</p></td></tr>
<tr><td><p>城市</p></td><td><p>1206</p></td></tr></table>
</body></html>"""

PASTE = """(html) => {
  const area = document.querySelector('textarea.body-editor');
  area.focus();
  const data = new DataTransfer();
  data.setData('text/html', html);
  data.setData('text/plain', '各街道：');
  area.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
  return area.value;
}"""


def test_an_officer_sees_the_preview_and_pastes_from_word(site: Any, tmp_path: Path) -> None:
    log_in(site, "fgj_officer", "Gongkai-Demo-2025")
    site.goto("/office/disclosure/new/fgj/")
    area = site.locator("textarea.body-editor")
    area.fill("第一段\n\n## 小标题\n\n- 甲\n- 乙")
    preview = site.locator("#body-preview")
    expect(preview.locator("h2")).to_have_text("小标题")
    expect(preview.locator("li")).to_have_count(2)

    area.fill("")
    typed = site.evaluate(PASTE, WORD_HTML)
    assert typed.split("\n\n") == [
        "各街道：",
        "**一、**补贴标准",
        "- 城市居民",
        "| 类别 | 金额 |\n| --- | --- |\n| 城市 | 1206 |",
    ]
    expect(preview.locator("td").last).to_have_text("1206")
    assert "宋体" not in typed and "Mso" not in typed
    site.screenshot(path=str(shots(tmp_path) / "editor.png"), full_page=True)
