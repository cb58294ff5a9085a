"""The chat's Gradio API through gradio_client, against the app served on loopback over the session index."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.conftest import free_port


@pytest.fixture(scope="module")
def url(settings, assistant, tmp_path_factory):
    from bot.web.server import BackgroundServer, create_app

    web_settings = settings.model_copy(update={"feedback_db": tmp_path_factory.mktemp("api") / "feedback.sqlite3"})
    with BackgroundServer(create_app(assistant, web_settings), port=free_port()) as server:
        yield server.url


def client(url: str):
    from gradio_client import Client

    return Client(url, verbose=False)


def test_chat_endpoint_returns_the_answer_with_its_sources(url):
    reply = client(url).predict("Quelles sont les complications possibles de la mésothérapie ?", api_name="/chat")
    assert "[1]" in reply
    assert "Sources :" in reply
    assert "ansm-fiche-patient-mesotherapie.txt" in reply


def test_two_sessions_keep_their_own_history(url):
    isotretinoin, mesotherapy = client(url), client(url)
    isotretinoin.predict("Quels sont les risques de l'isotrétinoïne ?", api_name="/chat")
    mesotherapy.predict("Qu'est-ce que la mésothérapie ?", api_name="/chat")
    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(isotretinoin.predict, "et pendant la grossesse ?", api_name="/chat")
        second = pool.submit(mesotherapy.predict, "et quels sont ses risques ?", api_name="/chat")
        after_isotretinoin, after_mesotherapy = first.result(timeout=300), second.result(timeout=300)
    assert "contre-indiqué pendant la grossesse" in after_isotretinoin
    assert "mesotherapie" not in after_isotretinoin
    assert "ansm-fiche-patient-mesotherapie.txt" in after_mesotherapy
    assert "isotretinoine-usages-esthetiques" not in after_mesotherapy
    # The page of each session shows only its own conversation.
    page = isotretinoin.predict("Et chez l'homme ?", api_name="/ask")[0]
    assert page.count('class="msg user"') == 3
    assert "mésothérapie ?" not in page


def test_script_in_a_question_comes_back_escaped(url):
    page, *_ = client(url).predict(
        "<script>alert('x')</script> Quels sont les risques de l'isotrétinoïne ?", api_name="/ask"
    )
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "<script" not in page


def test_bad_input_gets_a_clear_message(url):
    session = client(url)
    assert "vide" in session.predict("   ", api_name="/chat")
    assert "trop longue" in session.predict("isotrétinoïne " * 400, api_name="/chat")
    page, *_ = session.predict("", api_name="/ask")
    assert 'data-status="error"' in page and "Question non traitée" in page


def test_staff_page_is_disabled_with_a_message_when_no_password_is_set(url):
    import httpx

    config = httpx.get(f"{url}config", timeout=30).text
    assert "L'espace équipe est désactivé" in config and "BOT_STAFF_PASSWORD" in config
    assert "Mot de passe de l'équipe" not in config
