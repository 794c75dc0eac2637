"""Fields of the read API (Wagtail API v2) that the plugins' ``api_fields`` use.

Models import this module for their ``api_fields``, so nothing here imports
``wagtail.api.v2`` as the module loads: that package loads models as it is imported.
"""

from rest_framework.fields import Field


def nested_serializer(context, model):
    """A serializer for one ``model`` object as the API nests a foreign key: id, meta and
    the nested default fields of the router's endpoint for ``model``.

    Built once per response and kept in its serializer context, which every nested
    serializer shares.
    """
    serializers = context.setdefault("nested_serializers", {})
    if model not in serializers:
        from wagtail.api.v2.views import BaseAPIViewSet  # see the module docstring

        router = context["router"]
        endpoint = router.get_model_endpoint(model)
        endpoint_class = endpoint[1] if endpoint else BaseAPIViewSet
        # The classmethod Wagtail itself nests foreign keys and child relations with.
        serializer_class = endpoint_class._get_serializer_class(router, model, [], nested=True)
        serializers[model] = serializer_class(context=context)
    return serializers[model]


class NestedListField(Field):
    """Related ``model`` objects, each nested like a foreign key.

    The value is a list, or a manager read through ``all()`` so that a prefetch serves it
    (Wagtail's own tag field orders its query and so ignores one).
    """

    def __init__(self, model, **kwargs):
        self.model = model
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        items = value.all() if hasattr(value, "all") else value
        serializer = nested_serializer(self.context, self.model)
        return [serializer.to_representation(item) for item in items]


class RenderedStreamField(Field):
    """A StreamField as the HTML its page shows, not its block data."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return str(value)
