"""The tiny markup demo bodies are written in, and the StreamField data it stands for.

``blocks()`` turns it into ``(block_type, value)`` pairs for ``blog.blocks.BlogBodyBlock`` (and
the project body, which shares those blocks): blocks are separated by a blank line; ``## `` and
``### `` start a heading, ``> `` a quote (a last line ``-- name`` is its attribution), ``!! ``
a call-out (the rest of that line is its title); anything else is a paragraph.
"""

import re
import textwrap


def blocks(markup):
    """StreamField data from the markup described above."""
    body = []
    for chunk in re.split(r"\n\s*\n", textwrap.dedent(markup).strip()):
        lines = [line.strip() for line in chunk.splitlines()]
        first = lines[0]
        if first.startswith("#"):
            hashes, _, text = first.partition(" ")
            body.append(("heading", {"text": text, "level": f"h{len(hashes)}"}))
        elif first.startswith("> "):
            attribution = lines.pop()[3:] if lines[-1].startswith("-- ") else ""
            body.append(("quote", {"quote": " ".join(lines)[2:], "attribution": attribution}))
        elif first.startswith("!! "):
            text = f"<p>{' '.join(lines[1:])}</p>"
            body.append(("callout", {"title": first[3:], "text": text}))
        else:
            body.append(("paragraph", f"<p>{' '.join(lines)}</p>"))
    return body
