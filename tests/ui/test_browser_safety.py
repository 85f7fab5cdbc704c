"""A hostile user document in a real browser (slow tier, issue 10 item 10): headless
Chromium asks a question whose answer and citation cards carry the document's
`<style>`, `<iframe>`, `<form>`, look-alike link and remote images. Nothing of it may
render or load, and the "✓ navod proveren" caption must stay visible.

Needs Debian's chromium and chromium-driver, like tests/ui/test_browser.py (whose browser
set-up this reuses); the app runs on its own small index, never the real one.
"""
from __future__ import annotations

import time

import pytest

from evaluation.app_server import serve, small_index
from tests.hostile_fixtures import EVIL, HOSTILE_QUESTION, HOSTILE_TEXT
from tests.ui.test_browser import CHROMEDRIVER, CHROMIUM, browser  # noqa: F401 (fixture)
from ui.upload import save_and_ingest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists() or not CHROMEDRIVER.exists(),
                       reason="needs /usr/bin/chromium and /usr/bin/chromedriver"),
]
# Everything the hostile text could have put on the page or fetched.
PROBE = f"""
const evil = "{EVIL}";
const out = [];
for (const el of document.querySelectorAll('iframe, form, img, input, object, embed, script, link')) {{
  for (const a of ['src', 'action', 'href', 'data']) {{
    if ((el.getAttribute(a) || '').includes(evil)) out.push(el.tagName + ' ' + a);
  }}
}}
for (const a of document.querySelectorAll('a')) if ((a.href || '').includes(evil)) out.push('A ' + a.href);
for (const s of document.querySelectorAll('style')) if (s.textContent.includes('display:none')) out.push('STYLE');
for (const r of performance.getEntriesByType('resource')) if (r.name.includes(evil)) out.push('LOADED ' + r.name);
return out;
"""


def test_a_hostile_document_does_not_alter_the_page(tmp_path, browser):  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    corpus, index_dir = small_index(tmp_path)
    assert save_and_ingest("beleska.txt", HOSTILE_TEXT.encode(), corpus, index_dir, tmp_path / "moji").ok
    # The real app.py, answering with hostile_answer (tests/fakes/hostile_app.py installs it).
    with serve(corpus, index_dir, tmp_path / "moji", tmp_path / "streamlit.log",
               script="tests/fakes/hostile_app.py") as url:
        wait = WebDriverWait(browser, 90)
        browser.get(url)
        box = wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "[data-testid='stChatInputTextArea']")))
        box.send_keys(HOSTILE_QUESTION)
        box.send_keys(Keys.ENTER)
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "[data-testid='stExpander'] summary")) >= 2)
        for summary in browser.find_elements(By.CSS_SELECTOR, "[data-testid='stExpander'] summary"):
            browser.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", summary)
        time.sleep(2.0)  # let anything the page would load, load
        assert browser.execute_script(PROBE) == []
        verified = [e for e in browser.find_elements(By.XPATH, "//*[contains(text(), 'navod proveren')]")]
        assert verified and all(e.is_displayed() for e in verified)
        body = browser.find_element(By.TAG_NAME, "body").text
        assert "<style>" in body and "Sl. glasnik RS" in body  # shown, as text
