"""The demo site's content: plain data, no database access.

The facts (names, organisations, dates, partners) come from the seed documents the product is
built around; every sentence here is our own. Everything is keyed by slug so the loader can tell
what already exists.
"""

from . import blog, community, home, projects, vocabulary

__all__ = ["blog", "community", "home", "projects", "vocabulary"]
