"""read_site: the brand's website as title, description, headings and language."""

from __future__ import annotations

from audit.documents import Document
from audit.site import MAX_HEADINGS, SiteText, read_site


def page(html: str, url: str | None = "https://modravrata.si/") -> Document:
    return Document(text=html, kind="html", url=url)


HOME = """<!doctype html>
<html lang="sl-SI"><head>
<title>  Pekarna Modra Vrata –
  kruh z drožmi v Ljubljani </title>
<meta name="description" content="Kruh z drožmi, rogljički in pecivo iz naše pekarne.">
<meta property="og:description" content="Ignored: the meta description comes first.">
<script>var h1 = "<h1>not a heading</h1>";</script>
<style>h2 { color: red }</style>
</head><body>
<h1>Pekarna   Modra Vrata</h1>
<h2>Naš kruh</h2>
<h2>naš KRUH</h2>
<h3>Obiščite <em>pekarno</em></h3>
<h4>Too deep: not read</h4>
<h2>   </h2>
<p>Body text is not read.</p>
</body></html>"""


def test_title_description_headings_and_language() -> None:
    site = read_site([page(HOME)])
    assert site == SiteText(
        url="https://modravrata.si/",
        title="Pekarna Modra Vrata – kruh z drožmi v Ljubljani",
        description="Kruh z drožmi, rogljički in pecivo iz naše pekarne.",
        headings=["Pekarna Modra Vrata", "Naš kruh", "Obiščite pekarno"],
        lang="sl",
    )
    assert site.texts()[:2] == [site.title, site.description]
    assert not site.is_empty()


def test_opengraph_fills_in_what_the_page_lacks() -> None:
    html = """<html><head>
    <meta property="og:title" content="Blue Door Bakery">
    <meta property="og:description" content="Sourdough bakery in East Austin">
    </head><body></body></html>"""
    site = read_site([page(html)])
    assert site is not None
    assert (site.title, site.description, site.lang) == (
        "Blue Door Bakery",
        "Sourdough bakery in East Austin",
        None,
    )


def test_several_pages_first_wins_headings_merge() -> None:
    about = """<html lang="en"><head><title>About us</title>
    <meta name="description" content="Our story"></head>
    <body><h1>Naš kruh</h1><h2>Our story</h2></body></html>"""
    site = read_site([page(HOME), page(about, "https://modravrata.si/about")])
    assert site is not None
    assert site.title is not None and site.title.startswith("Pekarna Modra Vrata")
    assert site.lang == "sl" and site.url == "https://modravrata.si/"
    assert site.headings == ["Pekarna Modra Vrata", "Naš kruh", "Obiščite pekarno", "Our story"]


def test_headings_are_capped_and_paragraph_sized_ones_skipped() -> None:
    many = "".join(f"<h2>Section {i}</h2>" for i in range(MAX_HEADINGS + 10))
    long = "<h1>" + "word " * 60 + "</h1>"
    site = read_site([page(f"<html><body>{long}{many}</body></html>")])
    assert site is not None
    assert len(site.headings) == MAX_HEADINGS
    assert site.headings[0] == "Section 0"


def test_persian_right_to_left_text_keeps_its_zero_width_non_joiner() -> None:
    html = """<html lang="fa-IR" dir="rtl"><head><title>نانوایی آبی | نان سنگک در تهران</title>
    </head><body><h1>می\u200cخواهید نان تازه؟</h1></body></html>"""
    site = read_site([page(html, "https://nanvayi.ir/")])
    assert site is not None
    assert site.title == "نانوایی آبی | نان سنگک در تهران"
    assert site.headings == ["می\u200cخواهید نان تازه؟"]
    assert site.lang == "fa"


def test_none_without_an_html_page() -> None:
    assert read_site([]) is None
    assert read_site([Document(text='{"a": 1}', kind="json", url="https://x.si/api")]) is None
    assert read_site([page("   ")]) is None


def test_junk_is_tolerated() -> None:
    junk = "\x00\x01<<<html <title>Broken</title \u0000 <h1>Still a heading<h2>Next</h2>"
    site = read_site([page(junk), page("<html lang='??'><title></title></html>", None)])
    assert site is not None
    assert site.lang is None and site.headings == ["Next"]
    assert all("\x00" not in t for t in site.texts())
    binary = read_site([page(b"\x89PNG\r\n\x1a\n\x00\x00".decode("latin-1") * 50)])
    assert binary is not None and binary.is_empty()


def test_mojibake_is_repaired() -> None:
    site = read_site([page("<html><head><title>CafÃ© Ljubljana</title></head></html>")])
    assert site is not None and site.title == "Café Ljubljana"
