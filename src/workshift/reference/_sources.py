"""The registry of raw reference sources: where each lives, its version, licence and attribution.

``../shared/data`` ships no machine-readable index, so this module is the single place
that records what each source is. The bundle build reads the files named here, and the
manifest, ``workshift reference info`` and every report take the licence and
attribution text from here.

Examples
--------
>>> from workshift.reference._sources import SOURCES
>>> SOURCES["onet"].licence
'CC BY 4.0'
>>> sorted(SOURCES)[:3]
['anthropic', 'bls_projections', 'eloundou']
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["SOURCES", "Source"]


@dataclass(frozen=True)
class Source:
    """One raw source: a publisher's release, made of one or more files."""

    key: str
    name: str
    version: str
    publisher: str
    licence: str
    licence_url: str
    attribution: str
    url: str
    files: tuple[str, ...] = field(default_factory=tuple)


_CC_BY = "https://creativecommons.org/licenses/by/4.0/"


def _onet_attribution(database: str) -> str:
    """The attribution O*NET's licence asks for (onetcenter.org/license_db.html)."""
    return (
        f"This product includes information from the {database} by the U.S. "
        "Department of Labor, Employment and Training Administration (USDOL/ETA). Used "
        "under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. workshift has "
        "modified all or some of this information. USDOL/ETA has not approved, endorsed, "
        "or tested these modifications."
    )


_BLS_PD = "https://www.bls.gov/opub/copyright-information.htm"
_ONET_DIR = "onet/db_30_1_text/"

SOURCES: dict[str, Source] = {
    s.key: s
    for s in [
        Source(
            key="onet",
            name="O*NET 30.1 Database",
            version="30.1 (December 2025)",
            publisher="National Center for O*NET Development, USDOL/ETA",
            licence="CC BY 4.0",
            licence_url="https://www.onetcenter.org/license_db.html",
            attribution=_onet_attribution("O*NET 30.1 Database"),
            url="https://www.onetcenter.org/database.html",
            files=tuple(
                _ONET_DIR + f
                for f in (
                    "Occupation Data.txt",
                    "Job Zones.txt",
                    "Task Statements.txt",
                    "Tasks to DWAs.txt",
                    "DWA Reference.txt",
                    "IWA Reference.txt",
                    "Content Model Reference.txt",
                    "Alternate Titles.txt",
                    "Sample of Reported Titles.txt",
                    "Technology Skills.txt",
                    "Education, Training, and Experience.txt",
                    "Education, Training, and Experience Categories.txt",
                )
            ),
        ),
        Source(
            key="onet_skills",
            name="O*NET Skills ratings (database 27.x)",
            version="27.x (skills_v27)",
            publisher="National Center for O*NET Development, USDOL/ETA",
            licence="CC BY 4.0",
            licence_url="https://www.onetcenter.org/license_db.html",
            attribution=_onet_attribution("O*NET 27 Database"),
            url="https://www.onetcenter.org/database.html",
            files=("onet/skills_v27/Skills.txt",),
        ),
        Source(
            key="onet_crosswalk",
            name="O*NET-SOC 2010 to O*NET-SOC 2019 crosswalk",
            version="2019 taxonomy",
            publisher="National Center for O*NET Development, USDOL/ETA",
            licence="CC BY 4.0",
            licence_url="https://www.onetcenter.org/license_db.html",
            attribution=(
                "O*NET-SOC 2010 to 2019 crosswalk by the National Center for O*NET Development "
                "for USDOL/ETA, used under the CC BY 4.0 license. O*NET® is a trademark of "
                "USDOL/ETA."
            ),
            url="https://www.onetcenter.org/taxonomy/2019/walk.html",
            files=("crosswalks/onet_soc_2010_to_2019.csv",),
        ),
        Source(
            key="soc_structure",
            name="SOC 2018 structure with O*NET-SOC 2019 occupations",
            version="SOC 2018 / O*NET-SOC 2019",
            publisher="U.S. Bureau of Labor Statistics; National Center for O*NET Development",
            licence="Public domain (U.S. Government work)",
            licence_url=_BLS_PD,
            attribution="Standard Occupational Classification 2018, U.S. Bureau of Labor "
            "Statistics.",
            url="https://www.bls.gov/soc/2018/",
            files=("labor/soc_structure_2018.csv",),
        ),
        Source(
            key="isco_soc",
            name="ISCO-08 to SOC 2010 crosswalk",
            version="BLS, 2012",
            publisher="U.S. Bureau of Labor Statistics",
            licence="Public domain (U.S. Government work)",
            licence_url=_BLS_PD,
            attribution="ISCO-08 to 2010 SOC crosswalk, U.S. Bureau of Labor Statistics.",
            url="https://www.bls.gov/soc/soccrosswalks.htm",
            files=("crosswalks/isco08_soc2010_bls.tsv",),
        ),
        Source(
            key="oews_2024",
            name="Occupational Employment and Wage Statistics, national, May 2024",
            version="May 2024",
            publisher="U.S. Bureau of Labor Statistics",
            licence="Public domain (U.S. Government work)",
            licence_url=_BLS_PD,
            attribution="Occupational Employment and Wage Statistics, May 2024, U.S. Bureau of "
            "Labor Statistics.",
            url="https://www.bls.gov/oes/tables.htm",
            files=("labor/oews_national_may2024.csv",),
        ),
        Source(
            key="oews_2021",
            name="Occupational Employment and Wage Statistics, national, May 2021",
            version="May 2021",
            publisher="U.S. Bureau of Labor Statistics",
            licence="Public domain (U.S. Government work)",
            licence_url=_BLS_PD,
            attribution="Occupational Employment and Wage Statistics, May 2021, U.S. Bureau of "
            "Labor Statistics.",
            url="https://www.bls.gov/oes/tables.htm",
            files=("labor/oews_national_may2021.csv",),
        ),
        Source(
            key="bls_projections",
            name="Employment Projections 2024-34 (occupation tables 1.2 and 1.10)",
            version="2024-34",
            publisher="U.S. Bureau of Labor Statistics",
            licence="Public domain (U.S. Government work)",
            licence_url=_BLS_PD,
            attribution="Employment Projections 2024-34, U.S. Bureau of Labor Statistics.",
            url="https://www.bls.gov/emp/tables.htm",
            files=("labor/bls_employment_projections_2024_34.xlsx",),
        ),
        Source(
            key="eloundou",
            name="GPTs are GPTs: task exposure labels",
            version="2023 release (O*NET 27.2 tasks)",
            publisher="Eloundou, Manning, Mishkin and Rock (OpenAI)",
            licence="MIT",
            licence_url="https://github.com/openai/GPTs-are-GPTs/blob/main/LICENSE",
            attribution=(
                "Task exposure labels from Eloundou, T., Manning, S., Mishkin, P. and Rock, D. "
                "(2024), 'GPTs are GPTs: Labor market impact potential of LLMs', Science 384. "
                "Data: github.com/openai/GPTs-are-GPTs, Copyright (c) 2024 OpenAI, MIT License."
            ),
            url="https://github.com/openai/GPTs-are-GPTs",
            files=(
                "exposure/eloundou/full_labelset.tsv",
                "exposure/eloundou/automation_gpt4_human_labels.tsv",
                "exposure/eloundou/occ_level.csv",
            ),
        ),
        Source(
            key="microsoft",
            name="Working with AI: AI applicability of occupations",
            version="2025 (arXiv 2507.07935; O*NET 29.0 IWAs)",
            publisher="Tomlinson, Jaffe, Wang, Counts and Suri (Microsoft Research)",
            licence="CC BY 4.0",
            licence_url=_CC_BY,
            attribution=(
                "AI applicability scores from Tomlinson, K., Jaffe, S., Wang, W., Counts, S. and "
                "Suri, S. (2025), 'Working with AI: Measuring the Applicability of Generative AI "
                "to Occupations', arXiv:2507.07935. Used under CC BY 4.0."
            ),
            url="https://github.com/microsoft/working-with-ai",
            files=(
                "exposure/microsoft/soc_ai_applicability_scores.csv",
                "exposure/microsoft/soc_metrics.csv",
                "exposure/microsoft/iwa_metrics.csv",
                "exposure/microsoft/soc_iwa_weights.csv",
                "exposure/microsoft/soc_to_iwas.csv",
            ),
        ),
        Source(
            key="anthropic",
            name="Anthropic Economic Index",
            version="2025 releases (task usage, task penetration, observed exposure)",
            publisher="Anthropic",
            licence="CC BY 4.0",
            licence_url=_CC_BY,
            attribution=(
                "Anthropic Economic Index data by Anthropic (Handa et al. 2025, 'Which Economic "
                "Tasks are Performed with AI? Evidence from Millions of Claude Conversations', "
                "and later releases). Used under CC BY 4.0."
            ),
            url="https://huggingface.co/datasets/Anthropic/EconomicIndex",
            files=(
                "exposure/anthropic/onet_task_mappings.csv",
                "exposure/anthropic/task_penetration.csv",
                "exposure/anthropic/job_exposure.csv",
                "exposure/anthropic/automation_vs_augmentation.csv",
            ),
        ),
        Source(
            key="esco",
            name="ESCO classification: occupations, ISCO-08 groups and skills",
            version="v1.0 (occupations modified up to 2020-06-11)",
            publisher="European Commission",
            licence="European Commission reuse policy (Decision 2011/833/EU)",
            licence_url="https://esco.ec.europa.eu/en/about-esco/data-science-and-esco/download-esco-classification",
            attribution="This product uses the ESCO classification of the European Commission.",
            url="https://esco.ec.europa.eu/",
            files=(
                "esco/occupations_en.csv",
                "esco/ISCOGroups_en.csv",
                "esco/skills_label_description.csv",
            ),
        ),
        Source(
            key="nesta_esco_onet",
            name="ESCO to O*NET occupation crosswalk",
            version="Nesta, 2020",
            publisher="Nesta",
            licence="MIT",
            licence_url="https://github.com/nestauk/mapping-career-causeways/blob/main/LICENSE",
            attribution="ESCO-O*NET crosswalk from Nesta's Mapping Career Causeways project, "
            "Copyright (c) 2021 Nesta, MIT License.",
            url="https://github.com/nestauk/mapping-career-causeways",
            files=("crosswalks/esco_onet_crosswalk_nesta_2020.csv",),
        ),
    ]
}
