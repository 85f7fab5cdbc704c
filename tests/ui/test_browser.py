"""The app in a real browser (slow tier): `streamlit run app.py` on loopback, headless
Chromium asks a question, waits for the answer, opens the first citation card, and
saves docs/screenshot.png; on the real index it also clicks the example client's story
and saves the pathway answer (one card per remedy pathway) as docs/screenshot_pathways.png.

Index: $PRAVNI_LEK_INDEX (with $PRAVNI_LEK_CORPUS) when it holds a build, else the
checkout's .index when present, else a small one built from the test corpus.
Needs Debian's chromium and chromium-driver (`apt-get install chromium chromium-driver`).
"""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from core import store
from indexing.pipeline import build_index
from tests.ui_fixtures import make_ui_corpus

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
SCREENSHOT = ROOT / "docs" / "screenshot.png"
SCREENSHOT_PATHWAYS = ROOT / "docs" / "screenshot_pathways.png"
STORY = ("Moja klijentkinja je žrtva trgovine ljudima, prisiljavana je da radi u kafani bez plate. "
         "Kako može da dobije naknadu štete?")
QUESTION_SMALL = "Da li žrtva ima pravo na naknadu nematerijalne štete?"
QUESTION_REAL = "Do kada oštećeni može podneti imovinskopravni zahtev u krivičnom postupku?"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists() or not CHROMEDRIVER.exists(),
                       reason="needs /usr/bin/chromium and /usr/bin/chromedriver "
                              "(apt-get install chromium chromium-driver)"),
]


def _index(tmp_path) -> tuple[Path, Path, str]:
    env_index = os.environ.get("PRAVNI_LEK_INDEX")
    if env_index and store.current_build(Path(env_index)) and os.environ.get("PRAVNI_LEK_CORPUS"):
        return Path(os.environ["PRAVNI_LEK_CORPUS"]), Path(env_index), QUESTION_REAL
    if store.current_build(ROOT / ".index") is not None:
        from core.paths import resolve_corpus

        return resolve_corpus(None, {}), ROOT / ".index", QUESTION_REAL
    corpus = make_ui_corpus(tmp_path / "corpus")
    build_index(corpus, tmp_path / "index", workers=1)
    return corpus, tmp_path / "index", QUESTION_SMALL


@pytest.fixture()
def app_url(tmp_path):
    corpus, index_dir, question = _index(tmp_path)
    yield from _serve(corpus, index_dir, question, tmp_path)


@pytest.fixture()
def real_app_url(tmp_path):
    """The app on the real index (the bundled remedy guide cites the real corpus)."""
    corpus, index_dir, question = _index(tmp_path)
    if question != QUESTION_REAL:
        pytest.skip("needs the real index ($PRAVNI_LEK_INDEX with $PRAVNI_LEK_CORPUS, or the checkout's .index)")
    yield from _serve(corpus, index_dir, question, tmp_path)


def _serve(corpus: Path, index_dir: Path, question: str, tmp_path: Path):
    # The same server the load test starts (evaluation.app_server.serve): loopback, headless,
    # no usage statistics, waited for on its health endpoint and stopped afterwards.
    from evaluation.app_server import serve

    with serve(corpus, index_dir, tmp_path / "moji", tmp_path / "streamlit.log") as url:
        yield url, question


@pytest.fixture()
def browser(tmp_path):
    os.environ.setdefault("SE_AVOID_STATS", "true")  # no Selenium Manager statistics
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                 f"--user-data-dir={tmp_path / 'chrome'}", "--window-size=1440,2000", "--lang=sr-Latn-RS"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)
    try:
        yield driver
    finally:
        driver.quit()


def test_ask_in_a_real_browser_and_save_a_screenshot(app_url, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    url, question = app_url
    wait = WebDriverWait(browser, 90)
    browser.get(url)
    box = wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "[data-testid='stChatInputTextArea']")))
    assert any("Pitanja o naknadi štete" in h.text for h in browser.find_elements(By.TAG_NAME, "h1"))
    box.send_keys(question)
    box.send_keys(Keys.ENTER)
    card = wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "[data-testid='stExpander'] summary")))
    assert "[1] " in card.text
    card.click()
    mark = wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "[data-testid='stExpander'] mark")))
    assert mark.text.strip()
    assert "Izvori" in browser.find_element(By.TAG_NAME, "body").text
    time.sleep(1.0)  # let the expander's animation finish before the picture
    # The chat scrolled to its end; show the question and the answer from the top.
    browser.execute_script("document.querySelectorAll('*').forEach(e => { if (e.scrollTop > 0) e.scrollTop = 0; });")
    time.sleep(0.3)
    SCREENSHOT.parent.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000


def test_story_gets_pathway_cards_in_a_real_browser_and_a_screenshot(real_app_url, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    url, _ = real_app_url
    wait = WebDriverWait(browser, 120)
    browser.get(url)
    # The empty Ask page offers the story as an example; a click asks it.
    example = wait.until(EC.element_to_be_clickable(
        (By.XPATH, "//button[.//p[contains(normalize-space(.), 'prisiljavana je da radi u kafani')]]")))
    example.click()
    first = wait.until(EC.visibility_of_element_located(
        (By.XPATH, "//h4[starts-with(normalize-space(.), '1. ')]")))
    assert "Imovinskopravni zahtev" in first.text
    body = browser.find_element(By.TAG_NAME, "body").text
    assert STORY in body
    assert "Pravni putevi koji odgovaraju ovom slučaju" in body and "Pouzdanost" in body
    assert "u kafani" in body  # the facts that opened a route, in the user's words
    cards = browser.find_elements(By.XPATH, "//h4[starts-with(normalize-space(.), '2. ')]")
    assert cards, "one card per pathway: a second pathway is expected for this story"
    # Open the first source of the first card, so the picture shows a marked quote.
    summary = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "[data-testid='stExpander'] summary")))
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", summary)
    mark = wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "[data-testid='stExpander'] mark")))
    assert mark.text.strip()
    time.sleep(1.0)
    browser.execute_script("document.querySelectorAll('*').forEach(e => { if (e.scrollTop > 0) e.scrollTop = 0; });")
    time.sleep(0.3)
    SCREENSHOT_PATHWAYS.parent.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(SCREENSHOT_PATHWAYS))
    assert SCREENSHOT_PATHWAYS.stat().st_size > 10_000
