from vocabulary.conf import AppSettings

importer_settings = AppSettings(
    # Sent with every feed request: name the site and a contact page.
    IMPORTER_USER_AGENT="CityForumFeedImporter/1.0 (+https://cityforum.example.org/)",
    # A feed larger than this, counted after decompression, is refused.
    IMPORTER_MAX_BYTES=10 * 1024 * 1024,
    # Hosts resolving to private, loopback or link-local addresses are refused unless allowed.
    IMPORTER_ALLOW_PRIVATE_HOSTS=False,
)
