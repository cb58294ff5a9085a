from bot.chunking import Chunk, chunk_document, section_leads
from bot.documents import load_corpus
from tests.conftest import CORPUS


def _chunks() -> dict[str, list[Chunk]]:
    return {d.source: chunk_document(d) for d in load_corpus(CORPUS).documents}


def test_chunks_carry_metadata_and_offsets_into_the_cleaned_text():
    documents = {d.source: d for d in load_corpus(CORPUS).documents}
    for source, chunks in _chunks().items():
        assert chunks
        for chunk in chunks:
            assert chunk.source == source and chunk.title == documents[source].title
            assert documents[source].text[chunk.start : chunk.end] == chunk.text
            assert len(chunk.text) <= 1000  # about 800 characters, a long sentence may overflow a little


def test_chunk_ids_are_stable_content_hashes():
    first, second = _chunks(), _chunks()
    assert [c.chunk_id for cs in first.values() for c in cs] == [c.chunk_id for cs in second.values() for c in cs]
    ids = [c.chunk_id for cs in first.values() for c in cs]
    assert len(ids) == len(set(ids))


def test_chunks_follow_sections():
    chunks = _chunks()
    risks = [c for c in chunks["ansm-fiche-patient-mesotherapie.txt"] if "abcès à mycobactéries" in c.text]
    assert risks and risks[0].section == "Quels sont les risques ?"
    minutes = chunks["ansm-2022-05-13-csp-dermatologie-compte-rendu.txt"]
    vitiligo = next(c for c in minutes if "à partir de 2 ans" in c.text)
    assert vitiligo.section.startswith("2.2 CPC du Tacrolimus") and "Conclusions du CSP" in vitiligo.section
    alert = chunks["ansm-2026-03-12-isotretinoine-usages-esthetiques.txt"]
    dermatologists = next(c for c in alert if "seuls les dermatologues" in c.text)
    assert dermatologists.section == "Un usage encadré pour une prise en charge sécurisée"


def test_the_first_chunk_of_each_section_is_its_lead():
    chunks = [c for cs in _chunks().values() for c in cs]
    leads = section_leads(chunks)
    risks = [c for c in chunks if c.section == "Quels sont les risques ?"]
    assert len(risks) >= 2  # the section runs over several chunks; only its opening one leads
    assert {c.chunk_id for c in risks} & leads == {min(risks, key=lambda c: c.start).chunk_id}
    assert len(leads) == len({(c.source, c.section) for c in chunks if c.section})


def test_metadata_round_trip():
    chunk = _chunks()["ansm-fiche-patient-mesotherapie.txt"][0]
    assert Chunk.from_metadata(chunk.chunk_id, chunk.text, chunk.metadata()) == chunk
