from vocabulary.conf import AppSettings

blog_settings = AppSettings(
    BLOG_POSTS_PER_PAGE=10,
    BLOG_FEED_LENGTH=20,  # entries in every feed
    BLOG_BODY_CACHE_SECONDS=60 * 60,  # a rendered body kept (see blog.rendering)
)
