from vocabulary.conf import AppSettings

community_settings = AppSettings(
    # The request header holding the client's address when a proxy stands in front (e.g.
    # HTTP_X_FORWARDED_FOR; its last entry is used); empty, REMOTE_ADDR is the client.
    CLIENT_IP_HEADER="",
    # The site's address in emails when no Wagtail site is the default one.
    WAGTAILADMIN_BASE_URL="http://localhost",
)
