#!/usr/bin/env python3
"""Render a JATS article as HTML for wkhtmltopdf: title, authors, abstract, the body's section tree,
block quotes, figure and table captions where they occur, acknowledgements and the reference list.

Usage: jats2html.py ARTICLE.xml OUT.html (one|two)
"""
import html
import html.entities
import re
import sys
import xml.etree.ElementTree as ET

EXTRA_ENTITIES = {"lsqb": "[", "rsqb": "]", "equals": "=", "percnt": "%", "plus": "+", "Thetas": "\u0398"}

CSS = """
body { font-family: 'DejaVu Serif', serif; font-size: 10pt; line-height: 1.25; margin: 0; }
h1 { font-family: 'DejaVu Sans', sans-serif; font-size: 17pt; }
h2 { font-family: 'DejaVu Sans', sans-serif; font-size: 12pt; margin: 10pt 0 4pt 0; }
h3 { font-family: 'DejaVu Sans', sans-serif; font-size: 10.5pt; margin: 8pt 0 3pt 0; }
h4, h5 { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; font-style: italic; margin: 6pt 0 2pt 0; }
p { margin: 0 0 4pt 0; text-align: justify; }
p.authors { font-size: 11pt; }
p.caption { font-size: 8pt; }
blockquote { margin: 4pt 18pt; font-style: italic; }
table { font-size: 7pt; border-collapse: collapse; }
ol.refs { font-size: 8pt; }
.two { -webkit-column-count: 2; column-count: 2; -webkit-column-gap: 18pt; column-gap: 18pt; }
"""


def entity(match):
    name = match.group(1)
    if name in ("amp", "lt", "gt", "quot", "apos"):
        return match.group(0)
    if name in html.entities.name2codepoint:
        return "&#%d;" % html.entities.name2codepoint[name]
    return EXTRA_ENTITIES.get(name, "")


def local(tag):
    return tag.rsplit("}", 1)[-1]


def text(element):
    """Inline text of an element, skipping math, figures and tables."""
    if element is None:
        return ""
    parts = [element.text or ""]
    for child in element:
        if local(child.tag) not in ("fig", "table-wrap", "disp-formula", "math", "disp-quote", "list",
                                   "supplementary-material", "graphic"):
            parts.append(text(child))
        parts.append(child.tail or "")
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def first(element, name):
    for child in element:
        if local(child.tag) == name:
            return child
    return None


def caption(figure):
    label = text(first(figure, "label"))
    cap = first(figure, "caption")
    body = " ".join(text(c) for c in cap) if cap is not None else ""
    return "<p class='caption'><b>%s</b> %s</p>" % (html.escape(label), html.escape(body))


def table(wrap):
    rows = []
    for tr in wrap.iter():
        if local(tr.tag) == "tr":
            cells = "".join("<td>%s</td>" % html.escape(text(td)) for td in tr if local(td.tag) in ("td", "th"))
            rows.append("<tr>%s</tr>" % cells)
    return "<table>%s</table>" % "".join(rows[:12])


def blocks(container, depth, out):
    for child in container:
        name = local(child.tag)
        if name == "sec":
            title = text(first(child, "title"))
            if title:
                out.append("<h%d>%s</h%d>" % (min(depth + 1, 5), html.escape(title), min(depth + 1, 5)))
            blocks(child, depth + 1 if title else depth, out)
        elif name == "p":
            out.append("<p>%s</p>" % html.escape(text(child)))
            blocks([c for c in child if local(c.tag) in ("disp-quote", "fig", "table-wrap", "list")], depth, out)
        elif name == "disp-quote":
            out.append("<blockquote>%s</blockquote>" % " ".join(html.escape(text(p)) for p in child))
        elif name == "list":
            for item in child:
                out.append("<p>%s</p>" % html.escape(" ".join(text(p) for p in item)))
        elif name == "fig":
            out.append(caption(child))
        elif name == "table-wrap":
            out.append(caption(child))
            out.append(table(child))


def main(source, target, layout):
    xml = re.sub(r"&([A-Za-z][A-Za-z0-9]*);", entity, open(source, encoding="utf-8").read())
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml, count=1)
    article = ET.fromstring(xml)
    meta = article.find(".//article-meta")
    title = text(meta.find("title-group/article-title"))
    authors = []
    for contrib in meta.iter("contrib"):
        if contrib.get("contrib-type") == "author" and contrib.find("name") is not None:
            authors.append("%s %s" % (text(contrib.find("name/given-names")), text(contrib.find("name/surname"))))
    out = ["<html><head><meta charset='utf-8'><style>%s</style></head><body>" % CSS,
           "<h1>%s</h1>" % html.escape(title), "<p class='authors'>%s</p>" % html.escape(", ".join(authors))]
    for abstract in meta.findall("abstract"):
        if abstract.get("abstract-type") in (None, ""):
            out.append("<h2>Abstract</h2>")
            flat = []
            blocks(abstract, 5, flat)
            out.extend(b for b in flat if not b.startswith("<h"))
    out.append("<div class='%s'>" % ("two" if layout == "two" else "one"))
    body = article.find("body")
    if body is not None:
        blocks(body, 1, out)
    back = article.find("back")
    if back is not None:
        ack = back.find("ack")
        if ack is not None:
            out.append("<h2>Acknowledgments</h2>")
            out.extend("<p>%s</p>" % html.escape(text(p)) for p in ack.iter() if local(p.tag) == "p")
        refs = [re.sub(r"\s+", " ", " ".join(r.itertext())).strip() for r in back.iter()
                if local(r.tag) in ("mixed-citation", "element-citation", "nlm-citation")]
        if refs:
            out.append("<h2>References</h2><ol class='refs'>")
            out.extend("<li>%s</li>" % html.escape(r) for r in refs)
            out.append("</ol>")
    out.append("</div></body></html>")
    open(target, "w", encoding="utf-8").write("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
