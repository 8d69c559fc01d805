"""The public site: 公开目录, 公开指南, item pages, search, feeds and the sitemap."""
