"""The web chat in a real headless Chromium, against the app served on loopback over the session index."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import free_port

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make browser)")


@pytest.fixture(scope="module")
def web(settings, assistant, tmp_path_factory):
    """The app (chat, documents, staff page) served in a thread on a free loopback port."""
    from bot.web.server import BackgroundServer, create_app

    web_settings = settings.model_copy(
        update={"feedback_db": tmp_path_factory.mktemp("web") / "feedback.sqlite3", "staff_password": "secret-staff"}
    )
    with BackgroundServer(create_app(assistant, web_settings), port=free_port()) as server:
        yield server.url, web_settings


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


# Records every status the conversation shows, to see the answer arrive in steps.
WATCH_STATUSES = """
window.seenStatuses = new Set();
new MutationObserver(() => {
  document.querySelectorAll('#conversation [data-status]').forEach(e => window.seenStatuses.add(e.dataset.status));
}).observe(document.body, {subtree: true, childList: true, characterData: true});
"""


def ask(page, question: str, answers_before: int) -> None:
    page.fill("#question textarea", question)
    page.click("#send")
    page.wait_for_function(
        "n => document.querySelectorAll('#conversation .answer:not(.streaming)').length > n",
        arg=answers_before,
        timeout=120_000,
    )


def test_patient_asks_checks_a_source_follows_up_and_gives_feedback(web, browser, tmp_path):
    url, settings = web
    page = browser.new_page(viewport={"width": 1100, "height": 1400})
    page.goto(url)
    page.wait_for_selector("#question textarea", timeout=60_000)
    assert "15" in page.inner_text(".notice") and "112" in page.inner_text(".notice")
    page.evaluate(WATCH_STATUSES)

    ask(page, "Quels sont les risques de l'isotrétinoïne ?", 0)
    assert "streaming" in page.evaluate("[...window.seenStatuses]")
    first = page.locator("#conversation .answer").nth(0)
    assert first.get_attribute("data-status") == "answered"
    cards = first.locator(".source-card")
    assert cards.count() >= 1

    # A citation marker leads to its card, where the cited sentence is highlighted.
    page.locator("#conversation a.cite").first.click()
    card = page.locator("#src-1-1")
    card.scroll_into_view_if_needed()
    assert card.is_visible()
    highlighted = card.locator("mark").inner_text().strip()
    assert len(highlighted) > 10

    # The follow-up is understood with the first question.
    ask(page, "et pendant la grossesse ?", 1)
    second = page.locator("#conversation .answer").nth(1)
    assert second.get_attribute("data-status") == "answered"
    assert "contre-indiqué pendant la grossesse" in second.inner_text()
    assert "isotr" in second.locator(".source-card").first.inner_text().lower()

    # From a card, the whole document opens scrolled to the passage.
    card = second.locator(".source-card").first
    highlighted = card.locator("mark").inner_text().strip()
    assert "contre-indiqué pendant la grossesse" in highlighted
    with page.context.expect_page() as opened:
        card.locator("a.source-open").click()
    document = opened.value
    document.wait_for_load_state()
    assert document.locator("mark#passage").inner_text().strip() == highlighted
    top = document.evaluate("document.querySelector('mark#passage').getBoundingClientRect().top")
    assert document.evaluate("window.scrollY") > 0
    assert 0 <= top < document.evaluate("window.innerHeight")
    document.close()

    shot = tmp_path / "screenshot.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    if os.environ.get("WEB_SCREENSHOT_DIR"):  # to refresh the one the README shows
        shutil.copy(shot, Path(os.environ["WEB_SCREENSHOT_DIR"]) / "screenshot.png")

    page.fill("#feedback-comment textarea", "Je voulais la durée de la contraception.")
    page.click("#thumbs-down")
    page.wait_for_function("document.querySelector('#feedback-status').innerText.includes('Merci')", timeout=30_000)
    with sqlite3.connect(settings.feedback_db) as db:
        rows = db.execute("SELECT rating, question, comment, status, citations FROM feedback").fetchall()
    assert len(rows) == 1
    rating, question, comment, status, citations = rows[0]
    assert (rating, question, status) == (-1, "et pendant la grossesse ?", "answered")
    assert comment == "Je voulais la durée de la contraception."
    assert "contre-indiqué pendant la grossesse" in citations
    page.close()


def test_html_in_a_question_is_shown_as_text_and_never_runs(web, browser):
    url, _ = web
    page = browser.new_page()
    page.goto(url)
    page.wait_for_selector("#question textarea", timeout=60_000)
    page.evaluate("window.injected = false")
    ask(page, '<img src=x onerror="window.injected=true"><b>gras</b> mésothérapie ?', 0)
    assert page.evaluate("window.injected") is False
    bubble = page.locator("#conversation .msg.user .bubble").first
    assert bubble.inner_text().startswith("<img src=x")
    assert page.locator("#conversation b").count() == 0
    page.close()


def test_staff_page_needs_the_password_then_lists_documents(web, browser):
    url, _ = web
    page = browser.new_page()
    page.goto(url)
    page.get_by_role("tab", name="Espace équipe").click()
    password = page.get_by_label("Mot de passe de l'équipe")
    password.fill("wrong")
    page.get_by_role("button", name="Entrer").click()
    page.get_by_text("Mot de passe incorrect.").wait_for(timeout=30_000)
    assert not page.get_by_text("Réindexer le corpus").is_visible()
    password.fill("secret-staff")
    page.get_by_role("button", name="Entrer").click()
    page.get_by_text("ansm-fiche-patient-mesotherapie.txt").first.wait_for(timeout=30_000)
    assert page.get_by_text("Index construit le").is_visible()
    # what the corpus profile found in each document: its names and terms, its pregnancy warning
    page.wait_for_function(
        "document.body.innerHTML.includes('strictement contre-indiqué pendant la grossesse')", timeout=30_000
    )
    assert "roaccutane" in page.content().lower() and page.get_by_text("Dangereux pendant la grossesse").is_visible()
    page.close()


def test_a_conversation_switches_topic_and_ends_with_thanks(web, browser):
    """Issue 16 in the page: a second topic is answered from its own document, "merci" gets a reply, no alarm."""
    url, _ = web
    page = browser.new_page(viewport={"width": 1100, "height": 1400})
    page.goto(url)
    page.wait_for_selector("#question textarea", timeout=60_000)
    header = page.locator("#page-header").inner_text().lower()
    assert "mésothérapie" in header and "isotrétinoïne" in header  # the title comes from the corpus profile

    ask(page, "Combien de temps dure le traitement par tacrolimus dans le vitiligo ?", 0)
    first = page.locator("#conversation .answer").nth(0)
    assert first.get_attribute("data-status") == "answered"
    assert "comité" in first.locator(".source-card").first.inner_text().lower()

    ask(page, "Et la mésothérapie, c'est efficace ?", 1)
    second = page.locator("#conversation .answer").nth(1)
    assert second.get_attribute("data-status") == "answered"
    sources = " ".join(second.locator(".source-card").all_inner_texts()).lower()
    assert "mésothérapie" in sources and "tacrolimus" not in second.locator(".answer-text").inner_text().lower()

    ask(page, "merci beaucoup !", 2)
    third = page.locator("#conversation .answer").nth(2)
    assert third.get_attribute("data-status") == "small_talk"
    assert "plaisir" in third.inner_text() and page.locator("#conversation .status-urgent").count() == 0
    page.close()
