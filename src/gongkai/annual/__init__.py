"""The national annual-report format (国办公开办函〔2021〕30号), as a plain Python library."""

from .errors import GongkaiError, ParseError, RenderError, SchemaError
from .model import AnnualReport, AppealCounts, DocumentCounts, Table2, Table3, Table4

__all__ = [
    "AnnualReport",
    "AppealCounts",
    "DocumentCounts",
    "GongkaiError",
    "ParseError",
    "RenderError",
    "SchemaError",
    "Table2",
    "Table3",
    "Table4",
]
