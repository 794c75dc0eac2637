"""The demo site's name, its home page and the themes the home page features."""

SITE_NAME = "City Forum"

# Laid out by hand, one record per few lines.
# fmt: off

HOME = {
    "title": SITE_NAME,
    "slug": "home",
    "intro": "<p>A meeting place for city leaders, researchers and local governments: debate, "
             "research and news on how cities are run and how they work together across "
             "borders.</p>",
}

# Shown on the home page, in this order.
FEATURED_THEMES = [
    "urbansdg", "city-diplomacy", "world-cities-day",
    "city-leadership", "urban-innovation", "local-governance",
]

# fmt: on
