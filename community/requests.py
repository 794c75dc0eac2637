from .conf import community_settings


def client_ip(request) -> str:
    """The reader's address: REMOTE_ADDR, or the last hop a trusted proxy recorded.

    Only the last entry of a forwarding header is the proxy's own; earlier ones are whatever
    the client claimed.
    """
    header = community_settings.CLIENT_IP_HEADER
    if header:
        forwarded = request.META.get(header, "").split(",")[-1].strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR", "")
