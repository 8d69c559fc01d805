"""Read a published annual report (text, HTML, DOCX, PDF) back into an ``AnnualReport``."""
