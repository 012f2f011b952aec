"""The returned document read twice by the ordinary importer: every tracked change
accepted, and every one rejected, with markers (:mod:`.markers`) in the fields."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import PlanDeskError
from ..importer import guarded, package_blocks
from ..importer.container import open_package
from ..importer.document_parser import parse_blocks
from ..limits import check_plan
from ..model import Plan
from . import docx_views, markers, odt_views
from .revision import Revision


@dataclass
class Readings:
    accepted: Plan       # marked: OPEN(k) … CLOSE around insertions, comment points
    rejected: Plan       # marked: OPEN(k) … CLOSE around deletions
    revisions: list[Revision]


class _Edited:
    """A package whose named parts are replaced (the reader sees only these)."""

    def __init__(self, package, parts: dict[str, bytes]):
        self.name, self.infos, self._package, self._parts = package.name, package.infos, package, parts

    def has(self, part: str) -> bool:
        return self._package.has(part)

    def read(self, part: str) -> bytes:
        return self._parts[part] if part in self._parts else self._package.read(part)


def _parse(package, part: str, data: bytes, name: str) -> Plan:
    """One reading: the importer's blocks of the edited part, markers tidied, parsed."""
    blocks = markers.tidy_blocks(package_blocks(_Edited(package, {part: data}), []))
    plan = parse_blocks(blocks, name)[0]
    check_plan(plan, name)  # the importer's limits: a hostile document is refused the same way
    return plan


def read_readings(path: Path) -> Readings:
    """Both readings of a returned .docx/.odt; PlanDeskError for a bad file."""
    path = Path(path)

    def read() -> Readings:
        package = open_package(path)
        views = odt_views if package.has("content.xml") else docx_views
        accepted, rejected, revisions, part = views.readings(package)
        return Readings(_parse(package, part, accepted, path.name), _parse(package, part, rejected, path.name),
                        revisions)
    return guarded(path, read)
