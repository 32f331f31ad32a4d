"""Course catalogues (errors name file, row and column) and training plans (exact set cover)."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshift.exceptions import DocumentError, InputDataError
from workshift.reskilling import _training_plan
from workshift.reskilling._courses import (
    COURSE_COLUMNS,
    FORMATS,
    Courses,
    parse_skill_levels,
    read_courses,
)
from workshift.reskilling._emerging import emerging_roles
from workshift.reskilling._training_plan import PLAN_COLUMNS, training_plan, training_plans
from workshift.reskilling._vocabulary import resolve_skill, skill_vocabulary

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "courses.csv"
HEADER = "module_id,title,skills,hours,cost,format,language\n"


@pytest.fixture(scope="module")
def vocabulary() -> pd.DataFrame:
    return skill_vocabulary()


@pytest.fixture(scope="module")
def example(vocabulary: pd.DataFrame) -> Courses:
    return read_courses(EXAMPLE, vocabulary=vocabulary)


# -- the example catalogue ------------------------------------------------------------


def test_the_example_catalogue_is_a_realistic_bilingual_mix(example: Courses) -> None:
    modules = example.modules
    assert 30 <= len(modules) <= 60
    assert modules["module_id"].is_unique
    assert set(modules["language"]) == {"en", "de"}
    # Enough German modules for the German openings' gaps (people in DE take only German).
    assert (modules["language"] == "de").sum() >= len(modules) / 3
    assert {"e-learning", "classroom", "on-the-job", "bootcamp"} <= set(modules["format"])
    assert (modules["hours"] > 0).all() and (modules["cost"] >= 0).all()
    assert "provider" in modules.columns  # extra columns are carried along


def test_the_example_teaches_every_emerging_role_skill_to_its_level(
    example: Courses, vocabulary: pd.DataFrame
) -> None:
    for role_id, skills in emerging_roles()[["role_id", "skills"]].itertuples(index=False):
        gaps = [(skill_id, 0.0, level) for skill_id, level in skills.items()]
        plan = training_plan(gaps, example)
        assert plan.uncovered == (), role_id
        assert set(plan.gaps["status"]) == {"covered"}, role_id


def test_the_example_covers_the_skills_the_brief_names(
    example: Courses, vocabulary: pd.DataFrame
) -> None:
    named = ["Programming", "Mathematics", "Systems Analysis", "Quality Control Analysis"]
    named += ["Writing", "Active Learning", "Critical Thinking", "python", "sql", "tensorflow"]
    taught = set(example.teaches["skill_id"])
    for name in named:
        assert resolve_skill(name, vocabulary) in taught, name


# -- reading ----------------------------------------------------------------------------


def test_parse_skill_levels() -> None:
    assert parse_skill_levels("Programming=4; python=3") == [("Programming", 4.0), ("python", 3.0)]
    assert parse_skill_levels(" sql = 2,5 ;") == [("sql", 2.5)]
    with pytest.raises(ValueError, match="'python' is not skill=level"):
        parse_skill_levels("Programming=4; python")
    with pytest.raises(ValueError, match="level 'high' of 'python' is not a number"):
        parse_skill_levels("python=high")


def test_reads_german_excel_csv_with_aliases_and_decimal_commas(
    tmp_path: Path, vocabulary: pd.DataFrame
) -> None:
    path = tmp_path / "kurse.csv"
    path.write_text(
        "module_id;title;skills;hours;cost;format;language;anbieter\n"
        'PY-DE;Python-Grundlagen;"Programmieren=3; python=3,5";24;1.450,50;Classroom;DE;IHK\n'
        ";;;;;;;\n"
        "AI-DE;KI im Alltag;Kritisches Denken=3;6;0;e-learning;de;intern\n",
        encoding="utf-8",
    )
    courses = read_courses(path, vocabulary=vocabulary)
    modules = courses.modules
    assert modules["module_id"].tolist() == ["PY-DE", "AI-DE"]
    assert modules["input_row"].tolist() == [0, 2]  # the blank line is a row, skipped
    assert modules["cost"].tolist() == [1450.5, 0.0]
    assert modules["format"].tolist() == ["classroom", "e-learning"]
    assert modules["language"].tolist() == ["de", "de"]
    assert modules["skills"].iloc[0] == "onet:2.B.3.e=3; tech:python=3.5"
    assert modules["anbieter"].tolist() == ["IHK", "intern"]
    implied = courses.teaches[courses.teaches["implied"]]
    assert implied[["module_id", "skill_id", "level"]].values.tolist() == [
        ["PY-DE", "tech:object or component oriented development software", 3.5]
    ]


def test_reads_yaml_with_skill_mappings(tmp_path: Path, vocabulary: pd.DataFrame) -> None:
    path = tmp_path / "courses.yaml"
    path.write_text(
        "currency: USD\n"
        "modules:\n"
        "  - module_id: py\n"
        "    title: Python\n"
        "    skills: {Programming: 3, python: 3}\n"
        "    hours: 40\n"
        "    cost: 900\n"
        "    format: e-learning\n"
        "    language: en\n"
        "    url: https://example.org/py\n"
        "  - {module_id: sql, title: SQL, skills: 'sql=3', hours: 16, cost: 400,"
        " format: classroom, language: en}\n",
        encoding="utf-8",
    )
    courses = read_courses(path, vocabulary=vocabulary)
    assert courses.modules["module_id"].tolist() == ["py", "sql"]
    assert courses.modules["skills"].tolist() == [
        "onet:2.B.3.e=3; tech:python=3",
        "tech:structured query language sql=3",
    ]
    assert courses.modules["url"].iloc[0] == "https://example.org/py"


ROW = "py,Python,Programming=3; python=3,40,900,e-learning,en\n"


@pytest.mark.parametrize(
    ("line", "column", "message"),
    [
        (
            "py,Python,Programming=3; Pyhton=3,40,900,e-learning,en\n",
            "skills",
            "unknown skill 'Pyhton'; closest known skills: 'Python'",
        ),
        ("py,Python,Programming=9,40,900,e-learning,en\n", "skills", "level 9 of 'Programming'"),
        ("py,Python,Programming,40,900,e-learning,en\n", "skills", "is not skill=level"),
        ("py,Python,,40,900,e-learning,en\n", "skills", "no skills"),
        ("py,Python,python=3; Python=2,40,900,e-learning,en\n", "skills", "listed twice"),
        ("py,Python,python=3,0,900,e-learning,en\n", "hours", "hours must be a positive number"),
        ("py,Python,python=3,40,-5,e-learning,en\n", "cost", "cost must be a number of at least"),
        ("py,Python,python=3,40,lots,e-learning,en\n", "cost", "not 'lots'"),
        ("py,Python,python=3,40,900,webinar,en\n", "format", "'webinar' is not one of"),
        ("py,Python,python=3,40,900,e-learning,english\n", "language", "two-letter code"),
        ("py,,python=3,40,900,e-learning,en\n", "title", "empty title"),
        (",Python,python=3,40,900,e-learning,en\n", "module_id", "empty module_id"),
    ],
)
def test_csv_errors_name_file_row_and_column(
    tmp_path: Path, vocabulary: pd.DataFrame, line: str, column: str, message: str
) -> None:
    path = tmp_path / "courses.csv"
    path.write_text(HEADER + ROW.replace("py,", "ok,", 1) + line, encoding="utf-8")
    with pytest.raises(InputDataError) as caught:
        read_courses(path, vocabulary=vocabulary)
    err = caught.value
    assert (err.file, err.row, err.column) == (str(path), 2, column)
    assert str(err).startswith(f"{path}, row 2, column {column!r}: ")
    assert message in str(err)


def test_duplicate_ids_missing_columns_and_empty_catalogues(
    tmp_path: Path, vocabulary: pd.DataFrame
) -> None:
    path = tmp_path / "courses.csv"
    path.write_text(HEADER + ROW + ROW, encoding="utf-8")
    with pytest.raises(InputDataError, match=r"row 2, column 'module_id': duplicate module_id "):
        read_courses(path, vocabulary=vocabulary)
    path.write_text(HEADER.replace(",language", "") + ROW.rsplit(",", 1)[0], encoding="utf-8")
    with pytest.raises(InputDataError, match="no column 'language'"):
        read_courses(path, vocabulary=vocabulary)
    path.write_text(HEADER, encoding="utf-8")
    with pytest.raises(InputDataError, match="the catalogue has no modules"):
        read_courses(path, vocabulary=vocabulary)


def test_yaml_errors_name_line_and_field(tmp_path: Path, vocabulary: pd.DataFrame) -> None:
    path = tmp_path / "courses.yaml"
    text = (
        "modules:\n"
        "  - module_id: py\n"
        "    title: Python\n"
        "    skills:\n"
        "      Programming: 3\n"
        "      Pyhton: 3\n"
        "    hours: 40\n"
        "    cost: 900\n"
        "    format: e-learning\n"
        "    language: en\n"
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        read_courses(path, vocabulary=vocabulary)
    assert (caught.value.line, caught.value.field) == (6, "modules[0].skills.Pyhton")
    path.write_text(text.replace("Pyhton: 3", "python: 3").replace("40", "-1"), encoding="utf-8")
    with pytest.raises(DocumentError, match=r"line 7: modules\[0\]\.hours: -1 is less than"):
        read_courses(path, vocabulary=vocabulary)


def test_formats_are_the_documented_ones() -> None:
    assert set(FORMATS) == {
        "e-learning",
        "virtual-classroom",
        "classroom",
        "on-the-job",
        "bootcamp",
    }
    assert COURSE_COLUMNS == ["module_id", "title", "skills", "hours", "cost", "format", "language"]


# -- training plans ---------------------------------------------------------------------

# Small catalogues use O*NET skill ids through a tiny vocabulary of their own.
SKILLS = ["onet:2.A.1.a", "onet:2.A.1.c", "onet:2.B.3.e", "onet:2.B.4.g"]
TINY = pd.DataFrame({"skill_id": SKILLS, "name": ["a", "b", "c", "d"], "kind": "skill"})


def _catalogue(
    *modules: tuple[str, str, float, float] | tuple[str, str, float, float, str],
) -> Courses:
    records = [
        {
            "module_id": m[0],
            "title": m[0],
            "skills": m[1],
            "hours": m[2],
            "cost": m[3],
            "format": "e-learning",
            "language": m[4] if len(m) > 4 else "en",
        }
        for m in modules
    ]
    return Courses.from_records(records, vocabulary=TINY)


def _greedy(courses: Courses, skills: set[str]) -> float:
    """The textbook greedy: repeatedly the module with the least cost per new skill."""
    left, total = set(skills), 0.0
    taught = courses.teaches.groupby("module_id")["skill_id"].apply(set)
    cost = courses.modules.set_index("module_id")["cost"]
    while left:
        best = min(
            (m for m in taught.index if taught[m] & left),
            key=lambda m: cost[m] / len(taught[m] & left),
        )
        total += float(cost[best])
        left -= taught[best]
    return total


@pytest.mark.parametrize("enumerate_up_to", [12, 0], ids=["enumeration", "milp"])
def test_the_cheapest_plan_is_not_the_greedy_one(
    monkeypatch: pytest.MonkeyPatch, enumerate_up_to: int
) -> None:
    monkeypatch.setattr(_training_plan, "_ENUMERATE_UP_TO", enumerate_up_to)
    courses = _catalogue(
        ("wide", "a=3; b=3; c=3", 30, 2.7),  # least cost per skill: greedy takes it first
        ("ab", "a=3; b=3", 20, 2.0),
        ("cd", "c=3; d=3", 20, 2.0),
        ("d", "d=3", 10, 1.9),
    )
    gaps = [(s, 0.0, 3.0) for s in SKILLS]
    assert _greedy(courses, set(SKILLS)) == pytest.approx(4.6)
    plan = training_plan(gaps, courses)
    assert plan.module_ids == ("ab", "cd")
    assert (plan.cost, plan.hours, plan.uncovered) == (4.0, 40.0, ())
    assert plan.gaps["covered_by"].tolist() == ["ab", "ab", "cd", "cd"]
    assert plan.modules["covers"].tolist() == [
        "onet:2.A.1.a; onet:2.A.1.c",
        "onet:2.B.3.e; onet:2.B.4.g",
    ]


def test_equal_cost_goes_to_fewer_hours() -> None:
    courses = _catalogue(
        ("long", "a=3; b=3", 80, 500),
        ("a", "a=3", 10, 250),
        ("b", "b=3", 20, 250),
    )
    plan = training_plan([(SKILLS[0], 1, 3), (SKILLS[1], 1, 3)], courses)
    assert plan.module_ids == ("a", "b")
    assert (plan.cost, plan.hours) == (500.0, 30.0)


def test_uncovered_skills_are_listed_with_the_best_level_taught() -> None:
    courses = _catalogue(("a2", "a=2", 10, 100), ("b4", "b=4", 10, 100))
    gaps = pd.DataFrame(
        {
            "skill_id": [SKILLS[0], SKILLS[1], SKILLS[2], SKILLS[3]],
            "from_level": [1.0, 1.0, 0.0, 4.0],
            "to_level": [3.0, 3.5, 2.0, 3.0],
        }
    )
    plan = training_plan(gaps, courses)
    assert plan.module_ids == ("b4",)
    assert plan.uncovered == (SKILLS[0], SKILLS[2])
    table = plan.gaps.set_index("skill_id")
    assert table["status"].tolist() == ["uncovered", "covered", "uncovered", "met"]
    assert table["best_level"].tolist() == [2.0, 4.0, 0.0, 0.0]
    assert table["covered_by"].tolist() == ["", "b4", "", ""]


def test_languages_restrict_the_modules() -> None:
    courses = _catalogue(("en", "a=3", 10, 100, "en"), ("de", "a=3", 12, 300, "de"))
    assert training_plan([(SKILLS[0], 0, 3)], courses).module_ids == ("en",)
    assert training_plan([(SKILLS[0], 0, 3)], courses, languages="de").module_ids == ("de",)
    only_fr = training_plan([(SKILLS[0], 0, 3)], courses, languages=["fr"])
    assert (only_fr.module_ids, only_fr.uncovered) == ((), (SKILLS[0],))


def test_no_gap_no_plan_and_a_skill_twice_counts_at_its_highest_level() -> None:
    courses = _catalogue(("a2", "a=2", 10, 100), ("a4", "a=4", 30, 400))
    empty = training_plan(pd.DataFrame(columns=["skill_id", "from_level", "to_level"]), courses)
    assert (empty.module_ids, empty.hours, empty.cost, empty.uncovered) == ((), 0.0, 0.0, ())
    twice = training_plan([(SKILLS[0], 0, 2), (SKILLS[0], 1, 4)], courses)
    assert twice.module_ids == ("a4",)
    assert twice.gaps[["from_level", "to_level"]].values.tolist() == [[0.0, 4.0]]


def test_many_pairs_at_once_agree_with_one_by_one_and_share_solves() -> None:
    courses = _catalogue(
        ("wide", "a=3; b=3; c=3", 30, 2.7),
        ("ab", "a=3; b=3", 20, 2.0),
        ("cd", "c=3; d=3", 20, 2.0),
        ("d", "d=3", 10, 1.9),
        ("a5", "a=5", 40, 9.0),
    )
    rows = []
    for person in range(50):
        to_a = 2.5 + (person % 3) * 0.2  # 2.5, 2.7, 2.9: all need a module with a=3
        rows += [(f"p{person}", "t1", SKILLS[0], 1.0, to_a), (f"p{person}", "t1", SKILLS[3], 0, 3)]
        rows += [(f"p{person}", "t2", SKILLS[0], 0.0, 6.0), (f"p{person}", "t2", SKILLS[2], 0, 3)]
    gaps = pd.DataFrame(rows, columns=["person", "target", "skill_id", "from_level", "to_level"])
    plans = training_plans(gaps, courses, by=["person", "target"])
    assert list(plans.columns) == ["person", "target", *PLAN_COLUMNS]
    assert len(plans) == 100
    assert plans[["person", "target"]].iloc[:2].values.tolist() == [["p0", "t1"], ["p0", "t2"]]
    assert len(courses._solutions) == 2  # two distinct needs, one solve each
    for (person, target), group in gaps.groupby(["person", "target"]):
        one = training_plan(group, courses)
        row = plans[(plans["person"] == person) & (plans["target"] == target)].iloc[0]
        assert row["module_ids"] == "; ".join(one.module_ids)
        assert (row["cost"], row["hours"]) == (one.cost, one.hours)
        assert row["uncovered"] == "; ".join(one.uncovered)
        assert row["covers_all"] == (not one.uncovered)
    t2 = plans[plans["target"] == "t2"].iloc[0]
    assert (t2["module_ids"], t2["uncovered"], t2["n_gap_skills"]) == ("cd", SKILLS[0], 2)


def test_many_pairs_with_no_rows() -> None:
    courses = _catalogue(("a", "a=3", 10, 100))
    empty = pd.DataFrame(
        columns=["origin_code", "target_code", "skill_id", "from_level", "to_level"]
    )
    plans = training_plans(empty, courses)
    assert plans.empty
    assert list(plans.columns) == ["origin_code", "target_code", *PLAN_COLUMNS]


# -- property: exact against brute force on tiny catalogues ------------------------------

_module = st.tuples(
    st.dictionaries(st.sampled_from(SKILLS), st.integers(1, 3), min_size=1, max_size=3),
    st.integers(1, 10),  # hours
    st.integers(0, 20),  # cost
)
_gap = st.dictionaries(st.sampled_from(SKILLS), st.integers(1, 4), min_size=1, max_size=4)


@settings(max_examples=75, deadline=None)
@given(modules=st.lists(_module, min_size=1, max_size=6), gap=_gap)
def test_plans_cover_every_coverable_gap_at_least_cost(
    modules: list[tuple[dict[str, int], int, int]], gap: dict[str, int]
) -> None:
    records: list[dict[str, Any]] = [
        {
            "module_id": f"m{i}",
            "title": "t",
            "skills": "; ".join(f"{s}={lv}" for s, lv in skills.items()),
            "hours": hours,
            "cost": cost,
            "format": "classroom",
            "language": "en",
        }
        for i, (skills, hours, cost) in enumerate(modules)
    ]
    courses = Courses.from_records(records, vocabulary=TINY)
    plan = training_plan([(s, 0.0, float(level)) for s, level in gap.items()], courses)
    # The same with HiGHS for every part that is not trivial, on a fresh cache.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_training_plan, "_ENUMERATE_UP_TO", 0)
        fresh = Courses.from_records(records, vocabulary=TINY)
        milp = training_plan([(s, 0.0, float(level)) for s, level in gap.items()], fresh)
    assert (milp.cost, milp.hours, milp.uncovered) == (plan.cost, plan.hours, plan.uncovered)

    def covers(chosen: tuple[int, ...], skill: str, level: int) -> bool:
        return any(modules[i][0].get(skill, 0) >= level for i in chosen)

    everything = tuple(range(len(modules)))
    coverable = {s for s, level in gap.items() if covers(everything, s, level)}
    assert set(plan.uncovered) == set(gap) - coverable
    chosen = tuple(int(m[1:]) for m in plan.module_ids)
    for skill in coverable:
        assert covers(chosen, skill, gap[skill])
        row = plan.gaps.set_index("skill_id").loc[skill]
        assert row["status"] == "covered"
        assert modules[int(row["covered_by"][1:])][0][skill] >= gap[skill]

    best: tuple[float, float] | None = None
    for size in range(len(modules) + 1):
        for subset in itertools.combinations(everything, size):
            if all(covers(subset, s, gap[s]) for s in coverable):
                score = (
                    float(sum(modules[i][2] for i in subset)),
                    float(sum(modules[i][1] for i in subset)),
                )
                best = score if best is None else min(best, score)
    assert best is not None
    assert (plan.cost, plan.hours) == best

    batch = training_plans(
        pd.DataFrame(
            [("x", s, 0.0, float(level)) for s, level in gap.items()],
            columns=["pair", "skill_id", "from_level", "to_level"],
        ),
        courses,
        by="pair",
    )
    assert (batch["cost"].iloc[0], batch["hours"].iloc[0]) == best
