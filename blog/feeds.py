"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 for any archive of a blog index.

Built on Django's ``feedgenerator`` (https://docs.djangoproject.com/en/stable/ref/contrib/syndication/),
extended for what it lacks: several authors per entry, full content beside the summary, and
JSON Feed. Responses carry ``ETag`` and ``Last-Modified`` and answer a conditional request
with 304 before any post is rendered.

A feed is in the reader's language, as its address says (``/fr/blog/feed/`` is French): the
active language is the feed's ``language`` (RSS ``<language>``, Atom ``xml:lang``, JSON Feed
``language``), its title and description are translated, and its entries' categories are the
themes' names in that language.
"""

import hashlib
import json
import re

from django.conf import settings
from django.http import HttpResponse
from django.utils import feedgenerator
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language, gettext

from vocabulary.sites import site_name

from .conf import blog_settings

FEED_FORMATS = {
    # format: (label, media type, path below the archive)
    "rss": ("RSS", "application/rss+xml", "feed/"),
    "atom": ("Atom", "application/atom+xml", "feed/atom/"),
    "json": ("JSON Feed", "application/feed+json", "feed/json/"),  # names, not translated
}

# href="/..." and src="/..." (not protocol-relative "//host") in rendered body HTML.
RELATIVE_URL = re.compile(r'(\s(?:href|src)=")(/(?!/)[^"]*)"')


def feed_links(archive_url, title, query=""):
    """The <link rel="alternate"> entries for an archive page, and for the follow page.

    ``query`` is a listing's filter query string, which its feeds take too.
    """
    return [
        {
            "format": fmt,
            "label": label,
            "type": media_type,
            "url": archive_url + path + (f"?{query}" if query else ""),
            # "City diplomacy (RSS)"
            "title": gettext("%(title)s (%(format)s)") % {"title": title, "format": label},
        }
        for fmt, (label, media_type, path) in FEED_FORMATS.items()
    ]


class MultiAuthorRssFeed(feedgenerator.Rss201rev2Feed):
    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
            "xmlns:dc": "http://purl.org/dc/elements/1.1/",
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for author in item["authors"]:
            handler.addQuickElement("dc:creator", author["name"])
        handler.addQuickElement("content:encoded", item["content_html"])


class MultiAuthorAtomFeed(feedgenerator.Atom1Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for author in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", author["name"])
            if author.get("url"):
                handler.addQuickElement("uri", author["url"])
            handler.endElement("author")
        handler.addQuickElement("content", item["content_html"], {"type": "html"})


class JsonFeed(feedgenerator.SyndicationFeed):
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/)."""

    content_type = "application/feed+json; charset=utf-8"

    def write(self, outfile, encoding):
        feed = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": self.feed["title"],
            "home_page_url": self.feed["link"],
            "feed_url": self.feed["feed_url"],
            "description": self.feed["description"],
            "language": self.feed["language"],
            "items": [self._item(item) for item in self.items],
        }
        outfile.write(json.dumps(feed, ensure_ascii=False, indent=1).encode(encoding))

    @staticmethod
    def _item(item):
        entry = {
            "id": item["unique_id"],
            "url": item["link"],
            "title": item["title"],
            "content_html": item["content_html"],
            "summary": item["description"],
            "date_published": feedgenerator.rfc3339_date(item["pubdate"]),
            "date_modified": feedgenerator.rfc3339_date(item["updateddate"]),
            "authors": item["authors"],
            "tags": list(item["categories"]),
        }
        if item.get("external_url"):
            entry["external_url"] = item["external_url"]
        return entry


FEED_CLASSES = {"rss": MultiAuthorRssFeed, "atom": MultiAuthorAtomFeed, "json": JsonFeed}


def serve_blog_feed(request, blog_index, archive, feed_format):
    index_url = blog_index.get_full_url(request)
    name = site_name(request)
    return serve_feed(
        request,
        feed_format,
        list(archive.posts.for_feed()[: blog_settings.BLOG_FEED_LENGTH]),
        # "City Forum: City diplomacy"
        title=gettext("%(site)s: %(archive)s") % {"site": name, "archive": archive.title}
        if archive.kind != "all"
        else name,
        link=index_url + archive.path,
        description=archive.description
        or gettext("The latest posts from %(site)s.") % {"site": name},
        item=lambda post: _post_item(post, blog_index, index_url, request),
    )


def serve_feed(request, feed_format, pages, *, title, link, description, item, query=""):
    """A feed of ``pages`` (already ordered and cut) at ``link`` + feed path + ``?query``;
    ``item(page)`` gives the keyword arguments of ``SyndicationFeed.add_item``."""
    feed_url = link + FEED_FORMATS[feed_format][2] + (f"?{query}" if query else "")
    etag, last_modified = _validators(feed_url, pages)
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is not None:
        return not_modified

    feed = FEED_CLASSES[feed_format](
        title=title,
        link=link,
        description=description,
        feed_url=feed_url,
        language=get_language() or settings.LANGUAGE_CODE,
        author_name=site_name(request),
    )
    for page in pages:
        feed.add_item(**item(page))

    response = HttpResponse(content_type=feed.content_type)
    feed.write(response, "utf-8")
    response["ETag"] = etag
    if last_modified:
        response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=300)
    return response


def _post_item(post, blog_index, index_url, request):
    authors = [
        {
            "name": person.name,
            "url": index_url + blog_index.reverse_subpage("author", kwargs={"slug": person.slug}),
        }
        for person in post.authors
    ] or ([{"name": post.byline}] if post.byline else [])
    return {
        "title": post.title,
        "link": post.get_full_url(request),
        "description": post.summary,
        "content_html": absolute_urls(post.rendered_body, request),
        "pubdate": post.date,
        "updateddate": max(post.date, post.last_published_at or post.date),
        "unique_id": f"urn:uuid:{post.translation_key}",
        "unique_id_is_permalink": False,
        "categories": [theme.translated_name for theme in post.themes.all()],
        "authors": authors,
        "external_url": post.source_url,
    }


def absolute_urls(html, request):
    """Make the site-relative links and images in ``html`` absolute, as feed readers need."""
    return RELATIVE_URL.sub(lambda m: f'{m[1]}{request.build_absolute_uri(m[2])}"', html)


def _validators(feed_url, posts):
    stamps = [post.last_published_at for post in posts if post.last_published_at]
    fingerprint = (
        feed_url
        + "|"
        + ",".join(
            f"{post.pk}:{post.last_published_at.timestamp() if post.last_published_at else 0}"
            for post in posts
        )
    )
    etag = '"' + hashlib.sha256(fingerprint.encode()).hexdigest()[:32] + '"'
    last_modified = max(stamps).timestamp() if stamps else None
    return etag, last_modified
