"""Year roll-over for a plan cloned into next year: which year the source really
stands for (:mod:`.source_year`), which mentions are past events to keep
(:mod:`.past_events`), and the reviewable proposals (:mod:`.proposals`)."""
from .proposals import DATE, LETTER, YEAR, Proposal, apply_proposals, propose
from .source_year import SourceYear, source_year

__all__ = ["DATE", "LETTER", "YEAR", "Proposal", "SourceYear", "apply_proposals", "propose", "source_year"]
