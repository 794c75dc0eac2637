from vocabulary.conf import AppSettings

discussion_settings = AppSettings(
    COMMENTS_CLOSE_AFTER_DAYS=30,  # after a post's first publication
    # Comments accepted per address / per email ("5/10m": five in ten minutes; s, m, h, d).
    COMMENTS_RATE_PER_IP="5/10m",
    COMMENTS_RATE_PER_EMAIL="3/10m",
    COMMENTS_MAX_LINKS=2,  # links allowed in one comment
)
