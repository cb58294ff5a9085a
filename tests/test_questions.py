"""What kind of message a patient sent: small talk, a broad question on risks, a yes/no question."""

from __future__ import annotations

import pytest

from bot.questions import checks_claim, is_broad, is_meta, is_small_talk, is_yes_no, reports_low_mood


@pytest.mark.parametrize(
    "text",
    ["Bonjour", "merci", "merci beaucoup !", "ok super, merci", "Thanks a lot!", "bye", "au revoir", "slt", "ok",
     "d'accord merci bcp", "Qui êtes-vous ?", "tu sais quoi ?", "what do you know?", "coucou 👋",
     "Qui êtes-vous ? Vous êtes un médecin ?", "Bonjour ! Merci pour tout.", "Good evening", "Good morning!",
     "ok thanks, I'm calling them now", "ok on appelle, merci", "mrc bcp", "Hello, who am I talking to?",
     "Bonjour, je parle à qui ?", "Hello! Can you help me?", "Bonjour, j'aurais quelques questions sur les médicaments",
     "je peux vous poser une question ?"],
)  # fmt: skip
def test_small_talk_is_recognised(text):
    assert is_small_talk(text)


@pytest.mark.parametrize(
    "text",
    ["merci, et pendant la grossesse ?", "ok mais c'est dangereux ?", "et", "ça",
     "Bonjour, quels sont les risques du tramadol ?", "je suis enceinte", "thanks, what about kids?",
     "Bonjour. Le tramadol fait grossir ?", "ok. et la dose ?", "j'ai une question : c'est dangereux ?",
     "Can you help me? My son swallowed my pills"],
)  # fmt: skip
def test_a_message_with_a_question_of_its_own_is_not_small_talk(text):
    assert not is_small_talk(text)


def test_meta_questions():
    assert is_meta("qui es-tu ?") and is_meta("Who are you?") and not is_meta("qui peut prescrire ?")
    assert is_meta("Hello, what can you help me with?") and is_meta("hi, what kind of questions can you answer?")
    assert is_meta("quel genre de questions je peux poser ?") and not is_meta("quel genre de pilule est sans risque ?")
    assert is_meta("Hello! What is this chatbot exactly?") and not is_meta("What is this medicine for?")


@pytest.mark.parametrize(
    "text",
    ["Quels sont les risques de l'isotrétinoïne ?", "c dangereux l'actifed rhume ?", "What are the risks of codeine?",
     "Is methotrexate a dangerous drug?", "c'est dangereux le tramadol ?", "les dangers du méthotrexate ?",
     "c koi les effets secondaires du tramadol ?", "que dit l'ANSM sur le valproate ?",
     "What did the committee decide about montelukast?", "c'est quoi la codéine ?",
     "ma fille commence le méthotrexate, qu'est-ce qu'on doit surveiller ?"],
)  # fmt: skip
def test_broad_questions_on_risks(text):
    assert is_broad(text)


@pytest.mark.parametrize(
    "text",
    [
        "Combien de jours au maximum ?",
        "Qui peut prescrire ce médicament ?",
        "et pendant la grossesse ?",
        "c'est quoi la dose maximale par jour ?",
        "Est-ce un effet secondaire connu ?",
    ],
)
def test_precise_questions_are_not_broad(text):
    assert not is_broad(text)


def test_yes_no_questions():
    assert is_yes_no("Est-ce que ça fait repousser les cheveux ?") and is_yes_no("Can I drink alcohol?")
    assert not is_yes_no("Combien de temps dure le traitement ?")


@pytest.mark.parametrize(
    ("question", "status"),
    [
        ("merci beaucoup !", "small_talk"),
        ("ok merci je l'appelle", "small_talk"),
        ("hi, who are you?", "small_talk"),
        ("bonjour, je veux mourir", "urgent"),
        ("merci, mais je crois que je vais en finir ce soir", "urgent"),
        ("merci, je suis enceinte sous roaccutane", "urgent"),
    ],
)
def test_small_talk_never_hides_an_emergency(assistant, question, status):
    assert assistant.ask(question).status == status


def test_thanks_after_a_low_mood_is_no_alarm(assistant):
    history = [
        {"role": "user", "content": "je me sens un peu down depuis que je prends du roaccutane"},
        {"role": "assistant", "content": "Parlez-en dès maintenant au médecin qui vous a prescrit ce traitement."},
    ]
    answer = assistant.ask("merci", history)
    assert answer.status == "small_talk" and "3114" not in answer.answer


def test_who_are_you_says_what_the_corpus_covers(assistant):
    answer = assistant.ask("Qui êtes-vous ?")
    assert answer.status == "small_talk" and "mésothérapie" in answer.answer.lower()


@pytest.mark.parametrize("text", ["bonne soirée", "Bonne nuit, merci", "vous savez quoi ?", "vous êtes un robot ?"])
def test_more_small_talk_in_french(text):
    assert is_small_talk(text)


@pytest.mark.parametrize(
    "text",
    ["merciii", "cheers", "a+", "Salut, t'es un robot ?", "merci, j'appelle ma dermato",
     "ok jvais voir un médecin alors, merci", "Thanks, I'll call my GP", "Et vous, vous êtes qui au juste ?"],
)  # fmt: skip
def test_thanks_with_what_comes_next_and_spelling_variants_are_small_talk(text):
    assert is_small_talk(text)


def test_thanks_with_a_plan_naming_a_corpus_topic_gets_the_thanks_reply(assistant):
    assert assistant.ask("ok jvais voir un dermato alors, merci").status == "small_talk"
    assert assistant.ask("merci, je prends de l'isotrétinoïne et je veux mourir").status == "urgent"


@pytest.mark.parametrize(
    "text",
    ["jsuis un peu down en ce moment", "je pleure souvent depuis que j'ai commencé", "He's been really sad and withdrawn",
     "je me sens triste depuis un mois", "je n'ai plus envie de rien depuis des semaines"],
)  # fmt: skip
def test_low_mood_told_in_many_ways(text):
    assert reports_low_mood(text)
    assert not reports_low_mood(f"{text}, je pense à en finir")
    assert not reports_low_mood(f"{text}, je pense à avaler toute ma boîte pour que ça s'arrête")


@pytest.mark.parametrize(
    "text",
    ["Depuis deux jours je fais des cauchemars et je suis très anxieux, c'est lié ?",
     "il fait des cauchemars toutes les nuits", "I feel anxious since I started", "jsuis un peu down en ce moment"],
)  # fmt: skip
def test_changes_of_mood_the_documents_warn_of(text):
    from bot.questions import reports_mood_change

    assert reports_mood_change(text)
    assert not reports_mood_change(f"{text}, je pense à en finir")


def test_feeling_down_under_a_medicine_that_warns_of_mood_gets_its_warning_not_the_emergency(assistant):
    answer = assistant.ask("jsuis sous contracné depuis 3 mois jsuis un peu down en ce moment")
    assert answer.status == "answered"
    assert "humeur" in answer.answer and "3114" in answer.answer and "médecin" in answer.answer
    assert assistant.ask("jsuis sous contracné et j'ai des idées suicidaires").status == "urgent"


@pytest.mark.parametrize(
    "question",
    ["depuis que jsuis sous curacné jai plus envie de rien, des fois jme dis que ce serait plus simple d'en finir",
     "I've been feeling low on isotretinoin, like everyone would be better off without me"],
)  # fmt: skip
def test_low_mood_with_any_hint_of_dark_thoughts_stays_an_emergency(assistant, question):
    answer = assistant.ask(question)
    assert answer.status == "urgent" and "3114" in answer.answer


@pytest.mark.parametrize(
    ("text", "claim"),
    [("Mon voisin dit qu'un antibiotique guérit la grippe. Il a raison ?", True),
     ("Trop d'antibiotiques, c'est notre corps qui devient résistant, c'est bien ça ?", True),
     ("My sister says it works, is she right?", True),
     ("Est-ce que je peux le prendre avec du paracétamol ?", False),
     ("Que faire si j'oublie une dose ?", False)],
)  # fmt: skip
def test_claims_reported_by_someone_are_checks(text, claim):
    assert checks_claim(text) == claim
