"""Reading a post's comment form out of its HTML, as a browser would fill it in."""

from html.parser import HTMLParser


class FormInputs(HTMLParser):
    """The named inputs of <form id="comment-form"> with their values, as a browser sends."""

    def __init__(self):
        super().__init__()
        self.inside = False
        self.attrs = {}
        self.values = {}
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == "comment-form":
            self.inside, self.attrs = True, attrs
        elif self.inside and tag == "input" and attrs.get("name"):
            if attrs.get("type") != "checkbox" or "checked" in attrs:
                self.values[attrs["name"]] = attrs.get("value") or ""
        elif self.inside and tag == "textarea":
            self.textarea = attrs["name"]
            self.values[self.textarea] = ""

    def handle_data(self, data):
        if self.textarea:
            self.values[self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "form":
            self.inside = False


def comment_form(html):
    parser = FormInputs()
    parser.feed(html)
    return parser
