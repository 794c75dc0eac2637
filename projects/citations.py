"""Citations of a research output: BibTeX, RIS and a human-readable reference.

Plain Python over a ``Citation`` record, so each format is tested without a database.
BibTeX follows the btxdoc conventions (https://www.ctan.org/pkg/bibtex); RIS the tag list
of the RIS format as read by Zotero, EndNote and Mendeley.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

# Output kind -> (BibTeX entry type, RIS reference type)
ENTRY_TYPES = {
    "report": ("techreport", "RPRT"),
    "working-paper": ("techreport", "RPRT"),
    "white-paper": ("techreport", "RPRT"),
    "policy-brief": ("techreport", "RPRT"),
    "book": ("book", "BOOK"),
    "article": ("article", "JOUR"),
}

BIBTEX_SPECIALS = re.compile(r"([&%$#_{}~^\\])")
BIBTEX_ESCAPES = {"~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}"}


@dataclass
class Citation:
    title: str
    kind: str  # a key of ENTRY_TYPES
    kind_label: str  # "Working paper"
    authors: list[str] = field(default_factory=list)  # "Family, Given" or an organisation
    published: date | None = None
    publisher: str = ""  # the institution, publisher or journal
    url: str = ""
    doi: str = ""

    @property
    def key(self):
        """A citation key such as ``hambleton2009international``."""
        first = self.authors[0].split(",")[0] if self.authors else self.publisher
        title_word = next((w for w in _ascii(self.title).split() if len(w) > 3), "output")
        year = str(self.published.year) if self.published else ""
        return re.sub(r"[^a-z0-9]", "", f"{_ascii(first)}{year}{title_word}".lower()) or "output"

    @property
    def doi_url(self):
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def reference(self):
        return to_reference(self)


def to_bibtex(citation: Citation) -> str:
    entry_type = ENTRY_TYPES[citation.kind][0]
    fields = [("title", "{" + _bibtex_text(citation.title) + "}")]
    if citation.authors:
        fields.append(("author", " and ".join(_bibtex_author(a) for a in citation.authors)))
    if citation.published:
        fields += [
            ("year", str(citation.published.year)),
            ("month", f"{citation.published:%b}".lower()),
        ]
    if citation.publisher:
        place = {"techreport": "institution", "book": "publisher", "article": "journal"}
        fields.append((place[entry_type], _bibtex_text(citation.publisher)))
    if entry_type == "techreport":
        fields.append(("type", _bibtex_text(citation.kind_label)))
    if citation.doi:
        fields.append(("doi", _bibtex_text(citation.doi)))
    if citation.url:
        fields.append(("url", citation.url.replace("}", "%7D").replace("{", "%7B")))
    body = ",\n".join(
        f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}"
        for name, value in fields
    )
    return f"@{entry_type}{{{citation.key},\n{body}\n}}\n"


def to_ris(citation: Citation) -> str:
    lines = [("TY", ENTRY_TYPES[citation.kind][1]), ("TI", citation.title)]
    lines += [("AU", author) for author in citation.authors]
    if citation.published:
        lines += [("PY", str(citation.published.year)), ("DA", f"{citation.published:%Y/%m/%d}")]
    if citation.publisher:
        lines.append(("JO" if citation.kind == "article" else "PB", citation.publisher))
    if citation.kind != "article":
        lines.append(("M3", citation.kind_label))
    if citation.doi:
        lines.append(("DO", citation.doi))
    if citation.url:
        lines.append(("UR", citation.url))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {_one_line(value)}\r\n" for tag, value in lines)


def to_reference(citation: Citation) -> str:
    """Author-date style: "Hambleton, R. and Howard, J. (2009) Title. Working paper. Publisher."

    In the active language: "et" / "y" between the last two authors, "s. d." / "s. f." for
    no date, and the kind's label as the caller gives it."""
    names = [_initialled(author) for author in citation.authors]
    if len(names) > 1:
        who = _("%(authors)s and %(last)s") % {"authors": ", ".join(names[:-1]), "last": names[-1]}
    else:
        who = "".join(names)
    year = f"({citation.published.year})" if citation.published else "(" + _("n.d.") + ")"
    parts = [f"{who} {year}".strip(), f"{citation.title.rstrip('.')}.", f"{citation.kind_label}."]
    if citation.publisher:
        parts.append(f"{citation.publisher}.")
    if citation.doi:
        parts.append(citation.doi_url)
    elif citation.url:
        parts.append(citation.url)
    return " ".join(parts)


def _initialled(author):
    """ "Hambleton, Robin" -> "Hambleton, R."; an organisation's name stays whole."""
    family, _, given = author.partition(",")
    initials = " ".join(f"{name[0]}." for name in given.split() if name)
    return f"{family.strip()}, {initials}" if initials else family.strip()


def _bibtex_author(author):
    # An organisation as author is braced so BibTeX does not split it into names.
    return _bibtex_text(author) if "," in author else "{" + _bibtex_text(author) + "}"


def _bibtex_text(text):
    text = _one_line(text)
    return BIBTEX_SPECIALS.sub(lambda m: BIBTEX_ESCAPES.get(m[1], "\\" + m[1]), text)


def _one_line(text):
    return " ".join(str(text).split())


def _ascii(text):
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
