"""Under load, every comment the site accepts is stored exactly once, and none is lost.

500 readers' posts from 20 concurrent clients against gunicorn (4 workers) on the test
database, as a browser sends them: GET the post page, then POST its comment form. One post
in 20 comes from a bot that fills the honeypot, which must be refused and stored nowhere.
Counts and markers are checked, never times (``bench/bench_comments.py`` measures those).

PostgreSQL only: gunicorn's workers need a database they can share with the test, and the
in-memory SQLite test database is the test process's alone. CI runs it on PostgreSQL.
"""

import re
import uuid
from concurrent.futures import ThreadPoolExecutor, wait

import django_comments
import httpx
import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from tests.factories import make_post, make_site
from tests.processes import child_environment, gunicorn, post_comment, postgres_url

POSTS = 500
CLIENTS = 20
BOT_EVERY = 20  # one post in 20 fills the honeypot
DEADLINE = 600  # seconds for the whole load: a bound against a hang, not a speed goal
ACCEPTED = {302, 303}
REFUSED = {400, 429}
MARKER = re.compile(r"load-([0-9a-f]{32})")


@pytest.fixture
def site(transactional_db, tmp_path):
    """A live post with comments open, served by gunicorn; yields (post, its URL, log)."""
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL: gunicorn cannot share the in-memory SQLite test database "
            "(CI runs this test again on PostgreSQL)"
        )
    _, blog = make_site()
    post = make_post(blog, title="A post many readers answer", days_ago=0, comments_enabled=True)
    env = child_environment(
        postgres_url(connection.settings_dict),
        "website.settings.test",  # local-memory email: notifications cannot fail
        COMMENTS_RATE_PER_IP="100000/m",  # every client is 127.0.0.1
    )
    log = tmp_path / "gunicorn.log"
    with gunicorn(env, log, workers=4) as base_url:
        yield post, base_url + post.url, log


def send(page_url, numbers):
    """One client's share of the posts: [(number, marker, is_bot, status or error)]."""
    outcomes = []
    with httpx.Client(timeout=60) as client:  # its own cookies: the CSRF cookie
        for n in numbers:
            marker, is_bot = f"load-{uuid.uuid4().hex}", n % BOT_EVERY == 0
            try:
                response = post_comment(
                    client,
                    page_url,
                    name=f"Reader {n}",
                    email=f"reader-{n}@example.org",
                    text=f"Comment {n} under load ({marker}).",
                    honeypot="http://spam.example.com/" if is_bot else "",
                )
                outcome = response.status_code
            except (httpx.HTTPError, AssertionError) as error:
                outcome = f"{type(error).__name__}: {error}"
            outcomes.append((n, marker.removeprefix("load-"), is_bot, outcome))
    return outcomes


def test_every_accepted_comment_is_stored_exactly_once(site):
    post, page_url, log = site
    with ThreadPoolExecutor(CLIENTS) as pool:
        futures = [pool.submit(send, page_url, range(c, POSTS, CLIENTS)) for c in range(CLIENTS)]
        done, not_done = wait(futures, timeout=DEADLINE)
        for future in not_done:
            future.cancel()
    assert not not_done, f"{len(not_done)} clients still posting after {DEADLINE} s"
    outcomes = [outcome for future in done for outcome in future.result()]
    assert len(outcomes) == POSTS

    unexpected = [o for o in outcomes if o[3] not in ACCEPTED | REFUSED]
    assert not unexpected, (
        f"{len(unexpected)} posts neither accepted nor refused (5xx, errors), e.g. "
        f"{unexpected[:5]}\ngunicorn log:\n{log.read_text()[-3000:]}"
    )
    honest_refused = [o for o in outcomes if not o[2] and o[3] in REFUSED]
    assert not honest_refused, f"valid posts refused: {honest_refused[:5]}"
    bots_accepted = [o for o in outcomes if o[2] and o[3] in ACCEPTED]
    assert not bots_accepted, f"honeypot posts accepted: {bots_accepted[:5]}"

    accepted = sorted(marker for _, marker, _, status in outcomes if status in ACCEPTED)
    assert len(accepted) == POSTS - POSTS // BOT_EVERY
    comments = django_comments.get_model().objects.filter(
        content_type=ContentType.objects.get_for_model(post), object_pk=str(post.pk)
    )
    assert comments.count() == len(accepted)
    texts = comments.values_list("comment", flat=True)
    stored = sorted(marker for text in texts for marker in MARKER.findall(text))
    assert stored == accepted  # each accepted marker once: none lost, none twice, no bot's
    assert not comments.filter(is_public=True).exists(), "published before moderation"
