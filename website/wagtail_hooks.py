from wagtail import hooks

from .page_cache import mark_private


# Before Wagtail's own check, which answers a private page with its password form.
@hooks.register("before_serve_page", order=-1)
def keep_private_pages_out_of_the_cache(page, request, serve_args, serve_kwargs):
    if getattr(request, "page_cache", False) and page.get_view_restrictions():
        mark_private(request)
