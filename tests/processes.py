"""The site in processes of its own (``manage.py``, gunicorn) on a database the tests share
with them, and a reader posting comments to it over real HTTP.

An in-memory SQLite test database is invisible to other processes: give them a SQLite file,
or a PostgreSQL database on the test server (see ``postgres_url``).
"""

import os
import re
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, urljoin

from tests.comment_forms import comment_form

ROOT = Path(__file__).resolve().parents[1]
LISTENING = re.compile(r"Listening at: (http://\S+)")


def postgres_url(settings_dict, name=None):
    """The URL of database ``name`` (the connection's own by default) on its server."""
    user = quote(settings_dict["USER"] or "", safe="")
    password = quote(settings_dict["PASSWORD"] or "", safe="")
    credentials = f"{user}:{password}" if password else user
    host, port = settings_dict["HOST"] or "127.0.0.1", settings_dict["PORT"] or 5432
    return f"postgres://{credentials}@{host}:{port}/{name or settings_dict['NAME']}"


def child_environment(database_url, settings_module, **variables):
    """The environment of a child process running the site on ``database_url``."""
    # pytest-django allows async-unsafe calls in the test process only.
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE=settings_module, **variables)
    return env


@contextmanager
def gunicorn(env, log_path, workers=4, start_timeout=60):
    """Serve the site with gunicorn on a free port of 127.0.0.1; yields its base URL.

    Its log goes to ``log_path`` (a pipe nobody reads would fill up and block it).
    """
    # STATIC_ROOT is only filled by collectstatic, which tests do not run.
    env = {**env, "PYTHONWARNINGS": "ignore:No directory at:UserWarning"}
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            # The gunicorn installed beside this Python, wherever its virtualenv is.
            [sys.executable, "-m", "gunicorn", "website.wsgi", "--bind", "127.0.0.1:0"]
            + ["--workers", str(workers), "--graceful-timeout", "10", "--timeout", "120"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        yield _base_url(process, log_path, start_timeout)
    finally:
        process.terminate()  # graceful: workers finish the request they are answering
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _base_url(process, log_path, timeout):
    """The address gunicorn says it listens at, once its workers have booted."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = Path(log_path).read_text()
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}:\n{text[-3000:]}")
        match = LISTENING.search(text)
        if match and "Booting worker" in text:
            return match.group(1)
        time.sleep(0.1)
    raise RuntimeError(f"gunicorn did not start in {timeout} s:\n{Path(log_path).read_text()}")


def wait_until_served(client, url, timeout=60):
    """GET ``url`` until it answers 200 (workers load Django on their first request)."""
    deadline = time.monotonic() + timeout
    while True:
        response = client.get(url)
        if response.status_code == 200 or time.monotonic() > deadline:
            return response
        time.sleep(0.2)


def post_comment(client, page_url, name, email, text, honeypot=""):
    """A reader's comment, as a browser sends it: GET the post page (a fresh security hash and
    the CSRF cookie, kept by ``client``), then POST the form. Returns the POST's response."""
    page = client.get(page_url)
    page.raise_for_status()
    form = comment_form(page.text)
    if "action" not in form.attrs:
        raise AssertionError(f'{page_url} has no <form id="comment-form">')
    data = {
        **form.values,
        "name": name,
        "email": email,
        "url": "",
        "comment": text,
        "honeypot": honeypot,
    }
    # Referer: Django's CSRF check wants one on HTTPS; browsers send it anyway.
    action = urljoin(page_url, form.attrs["action"])
    return client.post(action, data=data, headers={"Referer": page_url})
