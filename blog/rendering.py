"""A post's body rendered once, not on every view of it.

The post page and every feed holding the post render its StreamField, the largest part of
their work. The HTML is cached under a digest of the body's stored data and the language,
so any edit, a preview's draft included, renders afresh; what the key cannot see (the
current address of a page the body links to) is at most ``BLOG_BODY_CACHE_SECONDS`` old,
and a moved page's old address redirects to it meanwhile.
"""

import hashlib
import json

from django.core.cache import cache
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .conf import blog_settings


def body_cache_key(post):
    data = json.dumps(list(post.body.raw_data), sort_keys=True, default=str)
    digest = hashlib.blake2b(data.encode(), digest_size=16).hexdigest()
    return f"blog:body:{get_language()}:{digest}"


def rendered_body(post):
    key = body_cache_key(post)
    html = cache.get(key)
    if html is None:
        html = str(post.body)
        cache.set(key, html, timeout=blog_settings.BLOG_BODY_CACHE_SECONDS)
    return mark_safe(html)  # the StreamField rendered it
