import json
from datetime import datetime

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from projects import timeline

register = template.Library()


# What json_script escapes: a "</script>" inside a value cannot end the element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """``data`` as a schema.org JSON-LD script element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        JSON_SCRIPT_ESCAPES
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.filter
def obfuscated(email):
    """ "ana@example.org" as "ana [at] example [dot] org" for a script to turn back into a
    link: harvesters that read the HTML find no address."""
    user, _, domain = email.partition("@")
    return f"{user} [at] {domain.replace('.', ' [dot] ')}"


@register.filter
def month_year(day):
    """ "January 2009" in the active language (see ``projects.timeline``)."""
    return timeline.month_year(day) if day else ""


@register.filter
def short_date(day):
    """ "7 Dec 2014" in the active language (see ``projects.timeline``)."""
    if isinstance(day, datetime) and timezone.is_aware(day):
        day = timezone.localtime(day)
    return timeline.short_date(day) if day else ""
