from vocabulary.conf import AppSettings

subscription_settings = AppSettings(
    SUBSCRIPTIONS_CONFIRM_DAYS=3,  # how long a confirmation link works
    # Requests per IP address / per email address ("10/h": ten an hour; s, m, h, d).
    SUBSCRIPTIONS_RATE_PER_IP="10/h",
    SUBSCRIPTIONS_RATE_PER_EMAIL="3/h",
    # Posts listed in one digest; more are counted, with links to the themes on the site.
    SUBSCRIPTIONS_DIGEST_MAX_POSTS=20,
)
