from vocabulary.conf import AppSettings

contribution_settings = AppSettings(
    # Every attempt, checked or not, counts against the first; only complete posts against
    # the next two.
    GUEST_POST_ATTEMPTS_PER_IP="20/h",
    GUEST_POST_RATE_PER_IP="3/h",
    GUEST_POST_RATE_PER_EMAIL="3/d",
    GUEST_POST_MAX_IMAGE_BYTES=5 * 1024 * 1024,
    # Width x height: a small file can declare a huge picture (a decompression bomb).
    GUEST_POST_MAX_IMAGE_PIXELS=25_000_000,
    GUEST_POST_MAX_DOCUMENT_BYTES=10 * 1024 * 1024,
    # The slug of the blog guest posts go to; empty, the first live blog.
    GUEST_POST_BLOG_SLUG="",
)
