from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site's content and ``manage.py load_demo``, which loads it into this host."""

    name = "demo"
    label = "demo"
    verbose_name = "Demo content"
