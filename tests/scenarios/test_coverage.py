"""Task coverage: O*NET task ids, DWA/IWA ids, free text, scope, 1/k shares, unresolved items."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest
import yaml

from tests.scenarios.synthetic import BOOKS, CSR, make_tasks, portfolio_data
from workshift.reference import ReferenceStore
from workshift.scenarios import COVERAGE_COLUMNS, CoverageResult, parse_portfolio, task_coverage
from workshift.text import HashingEmbedder

NOTHING: dict[str, Any] = {"tasks": [], "activities": [], "descriptions": []}
RECORDS = "Keep records of customer interactions"  # close to task 2578 (row 0)


def _cover(
    store: ReferenceStore,
    embedder: HashingEmbedder,
    tasks: pd.DataFrame | None = None,
    min_similarity: float = 0.55,
    **covers: dict[str, Any],
) -> CoverageResult:
    """Coverage of the synthetic tasks by the two services with these ``covers``."""
    data = portfolio_data()
    for raw in data["services"]:
        raw["covers"] = {**NOTHING, **covers.get(raw["id"], {})}
    portfolio = parse_portfolio(yaml.safe_dump(data), "portfolio.yaml")
    frame = make_tasks() if tasks is None else tasks
    return task_coverage(portfolio, frame, store, embedder, min_similarity)


def _rows(found: CoverageResult, service: str) -> list[int]:
    return found.coverage.loc[found.coverage["service_id"] == service, "task_row"].tolist()


def test_task_ids(store: ReferenceStore, embedder: HashingEmbedder) -> None:
    found = _cover(store, embedder, chat={"tasks": [2581, 2578]})
    chat = found.coverage[found.coverage["service_id"] == "chat"]
    assert list(found.coverage.columns) == COVERAGE_COLUMNS
    assert chat["task_row"].tolist() == [0, 1]
    assert chat["task_id"].tolist() == [2578, 2581]
    assert chat["matched_by"].tolist() == ["task 2578", "task 2581"]
    assert chat["similarity"].tolist() == [1.0, 1.0]
    assert chat["share"].tolist() == [1.0, 1.0]
    assert (chat["onet_soc_code"] == CSR).all()
    assert (chat["occupation"] == "Customer Service Representatives").all()
    assert chat["task"].iloc[0].startswith("Keep records of customer interactions")


def test_dwa_ids(store: ReferenceStore, embedder: HashingEmbedder) -> None:
    # DWA 4.A.3.b.6.I10.D03 links task 2578 (customer service) and 2489, 2490, 2504 (books).
    found = _cover(store, embedder, ledger={"activities": ["4.A.3.b.6.I10.D03"]})
    ledger = found.coverage[found.coverage["service_id"] == "ledger"]
    assert ledger["task_row"].tolist() == [0, 5, 6, 7]
    assert (ledger["matched_by"] == "activity 4.A.3.b.6.I10.D03").all()


def test_iwa_ids_cover_the_tasks_of_every_dwa_under_them(
    store: ReferenceStore, embedder: HashingEmbedder
) -> None:
    # IWA 4.A.3.b.6.I13 (via DWA ...I13.D05): no synthetic task; IWA ...I10: as the DWA above.
    found = _cover(store, embedder, ledger={"activities": ["4.A.3.b.6.I10"]})
    assert _rows(found, "ledger") == [0, 5, 6, 7]
    assert set(found.coverage["matched_by"]) == {"activity 4.A.3.b.6.I10"}


def test_occupations_limit_the_scope(store: ReferenceStore, embedder: HashingEmbedder) -> None:
    found = _cover(
        store, embedder, ledger={"activities": ["4.A.3.b.6.I10"], "occupations": ["43-3031"]}
    )
    assert _rows(found, "ledger") == [5, 6, 7]
    assert (found.coverage["onet_soc_code"] == BOOKS).all()
    by_onet_code = _cover(
        store, embedder, ledger={"activities": ["4.A.3.b.6.I10"], "occupations": [CSR]}
    )
    assert _rows(by_onet_code, "ledger") == [0]


def test_free_text_descriptions(store: ReferenceStore, embedder: HashingEmbedder) -> None:
    found = _cover(store, embedder, chat={"descriptions": [RECORDS]})
    chat = found.coverage[found.coverage["service_id"] == "chat"]
    assert chat["task_row"].tolist() == [0]
    assert chat["matched_by"].tolist() == [f"description: {RECORDS}"]
    similarity = chat["similarity"].iloc[0]
    assert 0.55 <= similarity < 1.0
    expected = float(embedder.encode([RECORDS])[0] @ embedder.encode([chat["task"].iloc[0]])[0])
    assert similarity == pytest.approx(expected, abs=1e-4)


def test_long_descriptions_are_shortened_in_matched_by(
    store: ReferenceStore, embedder: HashingEmbedder
) -> None:
    text = RECORDS + " or transactions, recording details of inquiries"
    found = _cover(store, embedder, chat={"descriptions": [text]})
    matched_by = found.coverage.loc[found.coverage["service_id"] == "chat", "matched_by"]
    assert matched_by.iloc[0] == "description: " + text[:37] + "..."


def test_the_threshold_decides(store: ReferenceStore, embedder: HashingEmbedder) -> None:
    strict = _cover(store, embedder, min_similarity=0.9, chat={"descriptions": [RECORDS]})
    assert _rows(strict, "chat") == []
    loose = _cover(store, embedder, min_similarity=0.3, chat={"descriptions": [RECORDS]})
    assert len(_rows(loose, "chat")) > 1


def test_a_service_threshold_wins_over_the_scenario_one(
    store: ReferenceStore, embedder: HashingEmbedder
) -> None:
    stricter = _cover(store, embedder, chat={"descriptions": [RECORDS], "min_similarity": 0.9})
    assert _rows(stricter, "chat") == []
    # Hashed n-gram vectors are non-negative: at 0, every task of the analysis is covered.
    everything = _cover(store, embedder, chat={"descriptions": [RECORDS], "min_similarity": 0.0})
    assert _rows(everything, "chat") == list(range(len(make_tasks())))


def test_a_task_covered_by_k_services_counts_one_kth_for_each(
    store: ReferenceStore, embedder: HashingEmbedder
) -> None:
    found = _cover(
        store,
        embedder,
        chat={"tasks": [2578, 2581]},
        ledger={"activities": ["4.A.3.b.6.I10.D03"]},
    )
    share = found.coverage.set_index(["service_id", "task_row"])["share"]
    assert share[("chat", 0)] == 0.5
    assert share[("ledger", 0)] == 0.5
    assert share[("chat", 1)] == 1.0
    assert share[("ledger", 5)] == 1.0
    assert found.coverage.groupby("task_row")["share"].sum().eq(1.0).all()


def test_one_row_per_service_and_task_however_often_it_is_named(
    store: ReferenceStore, embedder: HashingEmbedder
) -> None:
    found = _cover(
        store,
        embedder,
        chat={"tasks": [2578], "activities": ["4.A.3.b.6.I10.D03"], "descriptions": [RECORDS]},
    )
    chat = found.coverage[found.coverage["service_id"] == "chat"]
    assert chat["task_row"].tolist() == [0, 5, 6, 7]
    assert chat.loc[chat["task_row"] == 0, "share"].tolist() == [1.0]
    # The strongest reason is kept: an exact id, not the weaker text match.
    assert chat.loc[chat["task_row"] == 0, "similarity"].tolist() == [1.0]


def test_unresolved_items_say_why(store: ReferenceStore, embedder: HashingEmbedder) -> None:
    found = _cover(
        store,
        embedder,
        chat={
            "tasks": [2578, 99999999, 3211],
            "activities": ["4.A.9.z.9.I99.D99", "4.A.1.b.1.I01.D03"],
            "descriptions": ["Quantum chromodynamics lattice gauge simulations"],
        },
        ledger={"tasks": [2578], "occupations": ["43-3031"]},
    )
    reasons = {(r.service_id, r.item): r.reason for r in found.unresolved.itertuples()}
    assert list(found.unresolved.columns) == ["service_id", "item", "reason"]
    assert reasons[("chat", "task 99999999")] == "not an O*NET task id"
    # 3211 is a packers' task the analysis does not list.
    assert reasons[("chat", "task 3211")] == (
        "no task of the analysed occupations has this O*NET task id"
    )
    assert reasons[("chat", "activity 4.A.9.z.9.I99.D99")] == "not an O*NET DWA or IWA id"
    assert reasons[("chat", "activity 4.A.1.b.1.I01.D03")] == (
        "no task of the analysed occupations has this work activity"
    )
    reason = reasons[("chat", "description: Quantum chromodynamics lattice gauge simulations")]
    assert reason.startswith("no task at similarity 0.55 or above (best 0.")
    # Outside the service's occupations.
    assert reasons[("ledger", "task 2578")] == (
        "no task of the analysed occupations has this O*NET task id"
    )
    assert len(found.unresolved) == 6
    assert _rows(found, "chat") == [0]
    assert _rows(found, "ledger") == []


def test_own_tasks_are_covered_through_their_nearest_onet_task(
    store: ReferenceStore, embedder: HashingEmbedder
) -> None:
    tasks = pd.concat(
        [
            make_tasks(),
            pd.DataFrame(
                {
                    "onet_soc_code": [CSR, CSR],
                    "occupation": ["Customer Service Representatives"] * 2,
                    "task_id": pd.array([None, None], dtype="Int64"),
                    "task": [
                        "Keep records of customer interactions, transactions, inquiries, "
                        "complaints and actions taken",
                        "Water the office plants",
                    ],
                }
            ),
        ],
        ignore_index=True,
    )
    found = _cover(store, embedder, tasks, chat={"tasks": [2578]})
    chat = found.coverage[found.coverage["service_id"] == "chat"]
    assert chat["task_row"].tolist() == [0, 11]
    assert chat["matched_by"].tolist() == [
        "task 2578",
        "task 2578 (own task, via its nearest O*NET task)",
    ]
    assert pd.isna(chat["task_id"].iloc[1])
    # Activities reach own tasks the same way.
    by_activity = _cover(store, embedder, tasks, chat={"activities": ["4.A.3.b.6.I10.D03"]})
    assert 11 in _rows(by_activity, "chat")
    assert 12 not in _rows(by_activity, "chat")


def test_no_coverage_at_all(store: ReferenceStore, embedder: HashingEmbedder) -> None:
    found = _cover(store, embedder)
    assert found.coverage.empty
    assert list(found.coverage.columns) == COVERAGE_COLUMNS
    assert found.unresolved.empty
