"""Year roll-over for next year's plan: read the source's real year
(:mod:`.evidence`), propose each change with its reason (:mod:`.proposals`;
past events such as 「自108年元月起」 proposed as "keep", :mod:`.past`), apply
the accepted ones."""
from __future__ import annotations

from .evidence import SourceYear, source_year
from .proposals import DATE, LETTER, YEAR, Proposal, apply_proposals, propose

__all__ = ["DATE", "LETTER", "YEAR", "Proposal", "SourceYear", "apply_proposals", "propose", "source_year"]
