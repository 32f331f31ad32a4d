"""TaskExposureModel: probabilities, group hold-out, free text vs known tasks, pickling."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshift.exposure import OTHER_GROUP, TaskExposureModel, score_tasks, task_groups
from workshift.reference import ReferenceStore
from workshift.text import HashingEmbedder


@pytest.fixture(scope="module")
def store() -> ReferenceStore:
    return ReferenceStore()


@pytest.fixture(scope="module")
def model(store: ReferenceStore) -> TaskExposureModel:
    return TaskExposureModel(embedder=HashingEmbedder(), k=5).fit(store, max_tasks=600)


def test_probabilities_are_a_distribution_per_text(model: TaskExposureModel) -> None:
    proba = model.predict_proba(
        ["Answer customer e-mails", "Kundenanfragen beantworten", "Load trucks"],
        ["43-4051.00", None, "not-a-code"],
    )
    assert proba.shape == (3, 3)
    assert np.allclose(proba.sum(axis=1), 1.0)
    assert (proba >= 0).all()


@settings(max_examples=15, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=4))
def test_any_text_gets_a_distribution(texts: list[str]) -> None:
    model = _SHARED["model"]
    proba = model.predict_proba(texts)
    assert np.allclose(proba.sum(axis=1), 1.0)


_SHARED: dict[str, TaskExposureModel] = {}


@pytest.fixture(autouse=True)
def _share(model: TaskExposureModel) -> None:
    _SHARED["model"] = model


def test_scores_follow_the_rubric(model: TaskExposureModel) -> None:
    scores = model.score(["Answer customer e-mails"], ["43-4051.00"])
    row = scores.iloc[0]
    assert row["alpha"] == pytest.approx(row["p_e1"])
    assert row["beta"] == pytest.approx(row["p_e1"] + 0.5 * row["p_e2"])
    assert row["zeta"] == pytest.approx(row["p_e1"] + row["p_e2"])
    assert row["source"] == "model"
    assert row["label"] == ["E0", "E1", "E2"][int(np.argmax([row.p_e0, row.p_e1, row.p_e2]))]


def test_held_out_groups_leave_the_pool(store: ReferenceStore) -> None:
    held = TaskExposureModel(embedder=HashingEmbedder(), k=5).fit(
        store, exclude_groups=["43", "15"], max_tasks=800
    )
    assert held._pool is not None
    assert not set(held._pool.groups) & {"43", "15"}


def test_training_rows_never_read_their_own_groups_labels(model: TaskExposureModel) -> None:
    pool = model._pool
    assert pool is not None
    group = pool.groups[0]
    # Relabel every task of that group: its neighbourhood features must not change.
    before = model._neighbourhood(pool.vectors[:1], pool.groups[:1])
    original = pool.onehot.copy()
    pool.onehot[pool.groups == group] = np.roll(pool.onehot[pool.groups == group], 1, axis=1)
    try:
        after = model._neighbourhood(pool.vectors[:1], pool.groups[:1])
    finally:
        pool.onehot[:] = original
    assert np.array_equal(before, after)


def test_mismatched_codes_and_unfitted_model_are_errors(model: TaskExposureModel) -> None:
    with pytest.raises(ValueError, match="2 texts but 1 occupation codes"):
        model.predict_proba(["a", "b"], ["43-4051.00"])
    with pytest.raises(RuntimeError, match="not fitted"):
        TaskExposureModel(embedder=HashingEmbedder()).predict_proba(["a"])


def test_pickles_and_predicts_the_same(model: TaskExposureModel) -> None:
    again = pickle.loads(pickle.dumps(model))
    texts = ["Prepare invoices", "Rechnungen erstellen"]
    assert np.allclose(again.predict_proba(texts), model.predict_proba(texts))


def test_known_tasks_take_published_labels_and_every_row_stays(
    model: TaskExposureModel, store: ReferenceStore
) -> None:
    published = store.table("eloundou_tasks").dropna(subset=["human_label"]).iloc[0]
    scored = score_tasks(
        ["  " + published["task"].upper() + " ", "Eigene Aufgabe", ""], model=model, store=store
    )
    assert scored["input_row"].tolist() == [0, 1, 2]
    assert scored.loc[0, "label"] == published["human_label"]
    assert scored["source"].tolist() == ["human", "model", None]
    assert scored.loc[2, "reason"] == "empty task"
    assert np.isnan(scored.loc[2, "beta"])


def test_task_groups_for_known_and_free_text_tasks(store: ReferenceStore) -> None:
    task_id = int(store.table("task_dwas")["task_id"].iloc[0])
    groups = task_groups(
        store, [task_id, None], ["whatever", "Rechnungen buchen"], HashingEmbedder()
    )
    names = set(store.table("work_activities")["name"]) | {OTHER_GROUP}
    assert set(groups) <= names
    assert groups[0] != OTHER_GROUP


def test_task_groups_for_free_text_only(store: ReferenceStore) -> None:
    groups = task_groups(
        store, [None, None], ["Rechnungen buchen", "Pakete packen"], HashingEmbedder()
    )
    assert len(groups) == 2
    assert all(isinstance(group, str) and group for group in groups)
