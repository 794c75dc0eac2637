"""The demo site's content: plain data, no database access.

The facts (names, organisations, dates, partners) come from the seed documents the product is
built around; every sentence here is our own. Everything is keyed by slug so the loader can tell
what already exists. French and Spanish (``fr.py``, ``es.py``) translate the English pages and
vocabulary.
"""

from . import blog, community, es, fr, home, projects, vocabulary

# The demo in the other content languages, each as a module laid out like ``fr.py``.
TRANSLATIONS = [fr, es]

__all__ = ["TRANSLATIONS", "blog", "community", "es", "fr", "home", "projects", "vocabulary"]
