"""Finding an index page's child in one query instead of two."""

from django.http import Http404


class SingleChildTypeRouteMixin:
    """For an index page whose children are all of one page type (``subpage_types``).

    Wagtail's ``Page.route`` loads the child as a base ``Page`` and then its specific row;
    this loads the specific child at once. The child keeps its (specific) parent cached, so
    its ``get_parent()`` costs no query either.
    """

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        [child_model] = self.specific_class.allowed_subpage_models()
        try:
            child = child_model.objects.child_of(self).get(slug=path_components[0])
        except child_model.DoesNotExist as error:
            raise Http404 from error
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])
