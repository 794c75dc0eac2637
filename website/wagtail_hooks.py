from django.shortcuts import redirect
from django.utils import translation
from wagtail import hooks

from .page_cache import mark_private


# Before Wagtail's own check, which answers a private page with its password form.
@hooks.register("before_serve_page", order=-1)
def keep_private_pages_out_of_the_cache(page, request, serve_args, serve_kwargs):
    if getattr(request, "page_cache", False) and page.get_view_restrictions():
        mark_private(request)


@hooks.register("before_serve_page")
def send_to_the_language_of_the_page(page, request, serve_args, serve_kwargs):
    """A language without its own home page is served its default's: ``/fr/`` then finds
    the English pages, which are sent to their own (English) address rather than shown
    under a French one."""
    if page.locale.language_code != translation.get_language():
        return redirect(page.get_url(request))
