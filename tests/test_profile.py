"""The corpus profile: what each document covers, found in the document itself (tests/conftest.py `seed_profile`
for the seed corpus; evals/corpora/second for documents the code was never written for)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import asdict
from pathlib import Path

import pytest

from bot.documents import load_corpus
from bot.profile import CorpusProfile, build_profile, defined_acronyms
from tests.conftest import PROJECT, seed_profile

SECOND = PROJECT / "evals" / "corpora" / "second"
# The seed documents' medicines, brands and practices: none of them may appear in bot/ (code and data).
SEED_NAMES = (
    r"isotr[eé]tino|roacc?utane|accutane|curacn[eé]|procuta|contracn[eé]|acn[eé]trait|thalidomid|tacrolimus|"
    r"protopic|m[eé]soth[eé]rap|\bm[eé]so\w*|vitiligo"
)


@pytest.fixture(scope="module")
def seed():
    return seed_profile()


@pytest.fixture(scope="module")
def second():
    documents = {d.source: asdict(d) for d in load_corpus(SECOND).documents}
    return build_profile(documents)


def test_the_code_and_its_data_name_no_medicine_or_practice_of_the_seed_corpus():
    files = [p for p in (PROJECT / "bot").rglob("*") if p.is_file() and p.suffix in (".py", ".yaml", ".json", ".md")]
    found = [
        f"{p.relative_to(PROJECT)}:{n}: {line.strip()[:80]}"
        for p in files
        for n, line in enumerate(p.read_text(encoding="utf-8", errors="replace").splitlines(), start=1)
        if re.search(SEED_NAMES, line, re.IGNORECASE)
    ]
    assert files and not found, "\n".join(found)


def test_grep_agrees():
    """The same check as the README's command, with grep itself."""
    result = subprocess.run(
        ["grep", "-rniE", SEED_NAMES.replace(r"\b", r"\<").replace(r"\w", "[a-z]"), "bot/"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and not result.stdout, result.stdout[:2000]


def test_each_document_names_its_medicines_and_brands(seed, second):
    assert seed.documents_named("isotrétinoïne")[0] == "ansm-2026-03-12-isotretinoine-usages-esthetiques.txt"
    assert {"isotretinoine", "roaccutane", "curacne"} <= set(seed.documents[_named(seed, "isotretinoine")].terms)
    valproate = second.documents["valproate-grossesse.pdf"]
    assert {"valproate", "depakine", "depakote"} <= set(valproate.terms)
    assert "pseudoephedrine" in second.documents["decongestionnants-vasoconstricteurs.md"].terms


def test_a_document_without_metadata_is_profiled_from_its_text(second):
    opioids = second.documents["opioides-codeine-tramadol.txt"]
    assert not opioids.topics and {"tramadol", "codeine", "naloxone"} <= set(opioids.terms)
    assert opioids.names and opioids.examples


def test_warnings_for_pregnancy_are_found_where_the_document_states_them(seed, second):
    assert second.dangerous_in_pregnancy("je suis enceinte sous Dépakine") == ["valproate-grossesse.pdf"]
    assert second.dangerous_in_pregnancy("enceinte et je prends du tramadol") == []
    assert seed.dangerous_in_pregnancy("enceinte sous roaccutane")
    assert not seed.dangerous_in_pregnancy("enceinte, une séance de mésothérapie ?")


def test_emergency_instructions_are_the_documents_own_sentences(second):
    valproate = second.documents["valproate-grossesse.pdf"]
    assert any("arrêter" in s for s in valproate.instructions["pregnancy"])
    stroke = second.documents["decongestionnants-vasoconstricteurs.md"].instructions["stroke"]
    assert any("15" in s for s in stroke) and any("parler" in s for s in stroke)


def test_the_opening_of_a_section_on_an_emergency_is_its_instruction():
    """Under "5. VOUS ÊTES ENCEINTE OU PENSEZ L'ÊTRE", "N'arrêtez jamais votre traitement de vous-même" names no
    pregnancy, but it is what a pregnant patient under the medicine must read."""
    fourth = PROJECT / "evals" / "corpora" / "fourth"
    profile = build_profile({d.source: asdict(d) for d in load_corpus(fourth).documents})
    pregnancy = profile.documents["topiramate-grossesse-contraception.txt"].instructions["pregnancy"]
    assert pregnancy[0].startswith("N'arrêtez jamais votre traitement de vous-même")
    assert len(pregnancy) == len(set(pregnancy))


def test_an_instruction_the_document_flags_is_quoted_beside_its_sections_opening():
    """A section's opening ("Grossesse : ..." then three sentences on the risk and contraception) scores first, and
    one of its sentences must not take the second place again: the flagged "ATTENTION : Si vous découvrez que vous
    êtes enceinte, n'arrêtez pas..." is what the patient must read."""
    text = (
        "Grossesse : la préparer\n"
        "Ce médicament pris pendant la grossesse augmente le risque de malformations chez l'enfant. "
        "Les données chez l'animal sont limitées. "
        "Si vous envisagez une grossesse, parlez-en à votre médecin avant d'arrêter votre contraception : il pourra "
        "adapter votre traitement, et un supplément de vitamine est recommandé au début de la grossesse. "
        "ATTENTION : Si vous découvrez que vous êtes enceinte, n'arrêtez pas votre traitement de vous-même. "
        "Contactez immédiatement votre médecin.\n"
    )
    profile = build_profile({"med.txt": {"title": "Un médicament", "text": text}})
    pregnancy = profile.documents["med.txt"].instructions["pregnancy"]
    assert any(s.startswith("ATTENTION : Si vous découvrez") for s in pregnancy)


def test_misspellings_abbreviations_and_english_names_find_the_term(seed, second):
    assert seed.terms_named("c koi les effets du roacutan ?") == {"roaccutane"}
    assert seed.terms_named("isotretinoin and pregnancy") == {"isotretinoine"}
    assert second.terms_named("jai oublié mon metho") == {"methotrexate"}
    assert "ciprofloxacine" in second.terms_named("la cipro et les tendons")
    assert second.terms_named("les médicaments contre la toux") == set()  # an ordinary word is no misspelling


def test_an_ordinary_title_word_that_one_document_uses_often_names_it(second):
    """ "Rhume" is ordinary French (no term of its own by wordfreq), but the decongestants sheet's title names it and
    the sheet uses it far more than the rest of the corpus: it is that document's term. A situation word of a title
    ("grossesse" in "Valproate et grossesse") never is: patients ask it of any medicine."""
    assert second.terms_named("les médicaments contre le rhume") == {"rhume"}
    assert second.documents_of("rhume") == ("decongestionnants-vasoconstricteurs.md",)
    assert second.terms_named("et pendant la grossesse ?") == set()


def test_a_headline_word_is_a_term_only_where_it_is_distinctive():
    text = "Le lithium se prend chaque jour. Le lithium demande des prises de sang. Le lithium et l'eau. " * 3
    other = (
        "Un autre texte sur le sommeil, le sommeil des enfants, leurs rêves et leurs nuits. " * 30 + "Et le lithium."
    )
    alone = build_profile({"lithium.txt": {"title": "Lithium : la fiche", "text": text}})
    assert alone.documents_of("lithium") == ("lithium.txt",)
    both = build_profile(
        {
            "lithium.txt": {"title": "Lithium : la fiche", "text": text},
            "sommeil.txt": {"title": "Sommeil et lithium", "text": other},
        }
    )
    assert both.documents_of("lithium") == ("lithium.txt",)  # the second one names it in its title, but uses it once
    spread = build_profile(
        {
            "lithium.txt": {"title": "Lithium : la fiche", "text": text},
            "autre.txt": {"title": "Lithium encore", "text": text.replace("prend", "garde")},
        }
    )
    assert spread.documents_of("lithium") == ()  # as frequent in both: it tells neither apart


def test_a_class_that_staff_name_in_title_topics_and_file_name_is_a_term_though_other_documents_mention_it():
    """ "Antidépresseurs" is ordinary French; an anticoagulant sheet warns of them too, so the word is less distinctive
    of the antidepressant sheet than a headline word must be. Staff name it in its title, its topics and its file
    name: that is what the sheet is about. Named in the title only, it stays no term."""
    sheet = "Les antidépresseurs soignent la dépression. Un antidépresseur agit en quelques semaines. " * 3
    other = (
        "Un anticoagulant fluidifie le sang et demande des contrôles réguliers. " * 12
        + "Attention aux antidépresseurs."
    )
    documents = {
        "antidepresseurs_fiche.md": {"title": "Antidépresseurs : bien les utiliser", "text": sheet},
        "anticoagulants.md": {"title": "Anticoagulants", "text": other},
    }
    assert build_profile(documents).terms_named("les antidépresseurs chez les ados ?") == set()
    documents["antidepresseurs_fiche.md"]["topics"] = ["antidépresseurs", "dépression"]
    named = build_profile(documents)
    assert named.documents_named("un antidépresseur chez les ados ?") == ["antidepresseurs_fiche.md"]


def test_an_article_glued_to_a_medicines_first_letters_names_it(seed):
    """SMS spelling glues the elided article to a word and cuts it short: "liso", "l'iso" are the leading term whose
    first letters they hold; an ordinary word after an article ("l'eau", "l'ado") names nothing."""
    iso = seed.terms_named("isotrétinoïne")
    assert iso
    assert seed.terms_named("on ma dit ke liso rend sterile c vrai ?") == iso
    assert seed.terms_named("l'iso c risqué ?") == iso
    assert seed.terms_named("l'eau, l'ado, l'air et j'ai lu") == set()


def test_an_acronym_a_document_defines_names_it():
    """Patients name a class by its acronym ("les IPP"): a document that defines it in parentheses after the words it
    abbreviates has it as a term; a frequent acronym (AVC, also SMS for "avec") is not, nor one whose letters are not
    the initials of the words before it."""
    text = (
        "Les inhibiteurs de la pompe à protons (IPP) réduisent l'acidité. Un accident vasculaire cérébral (AVC) est "
        "rare. Voir le site de l'agence (ANSM). Les IPP se prennent le matin. " * 2
    )
    profile = build_profile({"estomac.txt": {"title": "Brûlures d'estomac", "text": text}})
    assert profile.documents_named("les IPP c'est pour combien de temps ?") == ["estomac.txt"]
    assert profile.terms_named("je peux prendre avc mon traitement ? un AVC ?") == set()
    assert defined_acronyms(text) == ["ipp", "avc"]  # "(ANSM)" after "du site de l'agence" is no definition


def test_a_verb_of_a_leading_terms_family_names_its_document():
    """ "Je me suis fait tatouer" names the sheet on tattoos ("tatouage", "tatoueur"): the verb's stem starts a leading
    term; an ordinary verb whose stem starts none ("traiter") names nothing."""
    text = (
        "Le tatouage n'est pas un geste anodin. Choisissez un tatoueur déclaré. Après un tatouage, une rougeur légère "
        "est habituelle. Les encres de tatouage peuvent provoquer des allergies. " * 3
    )
    profile = build_profile({"tatouages.html": {"title": "Tatouages : les bons réflexes", "text": text}})
    assert profile.documents_named("je me suis fait tatouer hier, c'est rouge") == ["tatouages.html"]
    assert profile.documents_named("comment traiter une crampe ?") == []


def test_an_english_name_finds_the_french_term_by_its_ending():
    """Patients writing in English name a medicine or practice by its English spelling ("zoledronic acid",
    "statins", "mesotherapy"): the French term with the matching ending is found; an ordinary English word whose
    French form is no term ("pain") finds none."""
    text = (
        "L'acide zolédronique se donne en perfusion une fois par an. Les statines peuvent donner des douleurs "
        "musculaires. La mésothérapie consiste en injections. " * 3
    )
    profile = build_profile({"os.txt": {"title": "Perfusions et statines", "text": text}})
    assert "zoledronique" in profile.terms_named("is zoledronic acid given once a year?")
    assert profile.documents_named("do statins cause muscle pain?") == ["os.txt"]
    assert "mesotherapie" in profile.terms_named("is mesotherapy safe?")
    assert profile.terms_named("the pain of the injection") <= {"injections"}


def test_medicines_the_corpus_does_not_know_are_told_apart(second):
    assert second.unknown_terms("et le spasfon pour mes regles ?", "et le Spasfon pour mes règles ?") == ["spasfon"]
    assert second.unknown_terms("l'omeprazole avec le tramadol ?") == ["omeprazole"]  # the shape of a drug name
    assert second.unknown_terms("la depakine pendant la grossesse ?") == []
    assert second.unknown_terms("vu sur tiktok, c'est vrai ?") == []
    # English: a drug's English form has its shape; two ordinary words written as one are no drug
    assert second.unknown_terms("does ketoprofen help?") == ["ketoprofen"]
    assert second.unknown_terms("a burning feeling behind my breastbone, heartburn?") == []


def test_the_profile_is_stored_with_the_index_and_reused_for_unchanged_documents(tmp_path, second):
    second.save(tmp_path)
    loaded = CorpusProfile.load(tmp_path)
    assert loaded.documents == second.documents and loaded.vocabulary == second.vocabulary
    documents = {d.source: asdict(d) for d in load_corpus(SECOND).documents}
    changed = dict(documents)
    name = "montelukast-neuropsychiatrique.txt"
    changed[name] = {**documents[name], "text": documents[name]["text"] + " Rupture.", "content_hash": "new"}
    rebuilt = build_profile(changed, loaded)
    assert all(rebuilt.documents[s] is loaded.documents[s] for s in documents if s != name)
    assert rebuilt.documents[name] is not loaded.documents[name]


def test_page_texts_come_from_the_profile(second):
    from bot.web.render import page_texts

    texts = page_texts(second)
    assert texts["title"].endswith(", ".join(second.covered(6))) and texts["examples"]
    assert any(name in texts["title"] for name in ("valproate", "méthotrexate", "pseudoéphédrine"))
    assert set(texts["examples"]) <= {q for d in second.documents.values() for q in d.examples}


def _named(profile: CorpusProfile, term: str) -> str:
    return profile.documents_named(term)[0]


def test_an_index_without_profile_knows_no_medicine(tmp_path):
    empty = CorpusProfile.load(Path(tmp_path))
    assert not empty.documents and empty.unknown_terms("le doliprane ?") == []


def test_a_pregnancy_warning_may_put_an_adverb_in_its_negation():
    document = {
        "source": "x.txt",
        "title": "Prégabaline",
        "text": "GROSSESSE\nLa prégabaline ne doit donc pas être utilisée pendant la grossesse, sauf nécessité absolue.\n",
        "metadata": {},
    }
    profile = build_profile({"x.txt": document})
    assert profile.documents["x.txt"].pregnancy_warning.startswith("La prégabaline ne doit donc pas")


def test_a_brand_listed_as_a_topic_is_a_name_even_when_an_ordinary_word_shares_its_stem():
    from bot.profile import profile_document

    text = "Le méthylphénidate (Ritaline, Concerta) est prescrit aux enfants. Le concert de l'école est annulé."
    document = profile_document("m.txt", "Méthylphénidate", text, topics=["méthylphénidate", "Concerta", "Grossesse"])
    assert "concerta" in document.terms  # "concert" is ordinary French; the brand is not
    assert "grossesse" not in document.terms  # an ordinary word with a capital stays ordinary


def test_a_headline_term_is_found_in_any_inflection_or_english_and_a_word_family_used_elsewhere_is_none():
    oils = "Les huiles essentielles sont actives. Une huile essentielle pure brûle. Diluez les huiles. " * 3
    other = "La dose de ce médicament. Une dose par jour, jamais deux doses. " * 10
    profile = build_profile(
        {
            "huiles.md": {"title": "Huiles essentielles et enfants", "text": oils},
            "doses.md": {"title": "Respecter les doses", "text": other},
            "autre.md": {"title": "Un autre médicament", "text": "Prenez la dose prescrite. " * 10},
        }
    )
    assert profile.documents_named("une huile essentielle de lavande ?") == ["huiles.md"]
    assert profile.documents_named("tea tree oil while pregnant?") == ["huiles.md"]  # bot/synonyms.yaml: oil
    # "doses" is in a title, but its family ("dose") is as frequent in the other documents: it names none
    assert profile.documents_named("quelle dose ?") == []


def test_an_ordinary_word_written_after_an_elided_pronoun_is_no_unknown_medicine():
    profile = CorpusProfile(vocabulary={"risques"})
    assert profile.unknown_terms("quels risques ? jhesite pour mon genou") == []


def test_a_sentence_that_denies_a_risk_in_pregnancy_is_no_warning():
    document = {
        "source": "x.md",
        "title": "Contraception d'urgence",
        "text": "Les données ne montrent pas de risque de malformation lorsque la contraception d'urgence a été prise "
        "alors qu'une grossesse avait commencé.\n",
        "metadata": {},
    }
    assert build_profile({"x.md": document}).documents["x.md"].pregnancy_warning == ""


def test_the_signs_a_document_calls_ordinary_are_told_from_those_it_calls_an_emergency():
    text = (
        "Rougeurs, gonflement, petits bleus ou douleur au point d'injection sont fréquents et disparaissent en "
        "quelques jours. Les produits sont injectés pour augmenter le volume des lèvres. Un gonflement important de la "
        "gorge, avec une gêne pour respirer, doit faire appeler le 15. Ce n'est pas normal d'avoir de la fièvre.\n"
    )
    document = {"source": "f.md", "title": "Produits de comblement", "text": text, "metadata": {}}
    profile = build_profile({"f.md": document})
    assert profile.calls_ordinary("f.md", ["levres gonflees"])  # swelling: ordinary; lips: spoken of outside a call
    assert not profile.calls_ordinary("f.md", ["gorge gonflee"])  # the throat: only in its call for help
    assert not profile.calls_ordinary("f.md", ["fievre apres les injections"])  # "pas normal": no ordinary sign
    assert not profile.calls_ordinary("other.md", ["levres gonflees"])


def test_a_short_ordinary_word_its_title_and_file_name_both_give_names_the_document():
    """An iron sheet with no metadata: "fer" is three letters and ordinary French, yet the title the document marks
    and its file name both give it and the other documents never use it: it is the sheet's term. A hyphenated brand
    is a term written joined too ("neomercazole")."""
    iron = "Le fer se prend à distance du thé. Un comprimé de fer avalé par un enfant est dangereux. " * 3
    other = "Le Néo-Mercazole soigne la thyroïde. Le Néo-Mercazole demande des prises de sang. " * 3
    profile = build_profile(
        {
            "fer-oral-enfant.txt": {"title": "Médicaments à base de fer : attention", "text": iron},
            "thyroide.txt": {"title": "Thyroïde", "text": other},
        }
    )
    assert profile.documents_named("je prends du fer, et le café ?") == ["fer-oral-enfant.txt"]
    assert profile.documents["fer-oral-enfant.txt"].names[0] == "fer"  # what the page and messages call it
    assert profile.documents_named("le neomercazole ca donne quoi") == ["thyroide.txt"]
    assert profile.unknown_terms("le neomercazole ca donne quoi", "le neomercazole ca donne quoi") == []
    ordinary = build_profile({"note.txt": {"title": "Une note sur le fer", "text": iron}})
    assert ordinary.documents_named("et le fer ?") == []  # named in the title only


def test_an_english_common_noun_names_the_document_whose_french_word_the_glossary_gives():
    text = (
        "Cabines de bronzage : les UV artificiels ne sont pas sans danger\n\nLes cabines de bronzage exposent la peau "
        "aux UV artificiels. Le bronzage en cabine augmente le risque de mélanome. Les cabines de bronzage sont "
        "interdites aux mineurs. Portez des lunettes pendant chaque séance de bronzage.\n"
    )
    profile = build_profile({"c.md": {"source": "c.md", "title": "Cabines de bronzage", "text": text, "metadata": {}}})
    assert profile.documents_named("Can sunbeds damage my eyes?") == ["c.md"]  # sunbed -> cabine de bronzage
    assert profile.documents_named("Do tanning beds make your skin age faster?") == ["c.md"]
    assert profile.documents_named("Can I take paracetamol with food?") == []
