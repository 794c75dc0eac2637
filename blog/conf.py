from vocabulary.conf import AppSettings

blog_settings = AppSettings(
    BLOG_POSTS_PER_PAGE=10,
    BLOG_FEED_LENGTH=20,  # entries in every feed
)
