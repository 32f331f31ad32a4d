"""The Jinja2 environment every HTML report renders with.

Templates live in ``templates/`` (package data): ``_layout.html.j2`` holds the page and
its style, ``_macros.html.j2`` the table and chart macros, and each report extends the
layout. Autoescape is on and undefined names fail, so a typo in a template is an error,
not an empty cell. Jinja2 is imported on first use, not with ``workshift.reports``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2

__all__ = ["environment", "render"]


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The shared environment (built once)."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("workshift.reports", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(template: str, context: dict[str, Any]) -> str:
    """``templates/<template>`` rendered with ``context``."""
    return environment().get_template(template).render(context)
