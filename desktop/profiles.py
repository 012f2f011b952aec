"""Layout profiles: data files in ``templates/profiles/*.json`` read by every exporter
and by numbering. A plan stores its profile's name."""
from __future__ import annotations

import json
from functools import lru_cache

from .errors import PlanDeskError
from .paths import data_dir


def profile_names() -> list[str]:
    """Names of all shipped profiles, sorted."""
    return sorted(p.stem for p in (data_dir("templates") / "profiles").glob("*.json"))


@lru_cache(maxsize=None)
def load_profile(name: str) -> dict:
    """The profile called ``name`` as a dict (cached; treat as read-only)."""
    path = data_dir("templates") / "profiles" / f"{name}.json"
    if not path.is_file():
        raise PlanDeskError(f"找不到版面設定「{name}」，請改選 {', '.join(profile_names())} 其中之一。")
    return json.loads(path.read_text(encoding="utf-8"))
