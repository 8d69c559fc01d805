"""主动公开: items with 索引号, three-level review, publication, catalogue, search, table 二."""
