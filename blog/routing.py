"""Finding an index page's child in one query instead of two."""

from django.http import Http404


class SingleChildTypeRouteMixin:
    """For an index page whose children are all of one page type (``subpage_types``).

    Wagtail's ``Page.route`` loads the child as a base ``Page`` and then its specific row;
    this loads the specific child at once, with its locale (which the language check before
    serving a page reads) and the ``child_related`` relations its template shows. The child
    keeps its (specific) parent cached, so its ``get_parent()`` costs no query either.
    """

    child_related = ()  # e.g. ("series",): foreign keys every child page's template reads

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        [child_model] = self.specific_class.allowed_subpage_models()
        try:
            child = (
                child_model.objects.child_of(self)
                .select_related("locale", *self.child_related)
                .get(slug=path_components[0])
            )
        except child_model.DoesNotExist as error:
            raise Http404 from error
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])
