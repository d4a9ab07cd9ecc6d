"""The dashboard's pages as plain data: app.py routes over them, tests walk them.

``path`` is relative to the project root (where ``app.py`` lives); ``url_path``
is the address of the page ("" for the default page, served at ``/``); ``chart`` says
whether the page draws a Plotly chart on opening (the company cards: from three market-value
figures of a kind on) (its browser library is then fetched
while the server is still running the page; see :func:`components.preload.preload_chart_library`);
``filters`` says what the sidebar's filters do on the page, under their header ("" where they
choose what the page shows), or None where they do nothing: there a sentence says so and
their widgets are hidden, still drawn so that the link keeps them for the other pages.
"""

PAGES = (
    {
        "path": "components/page_timeline.py",
        "title": "Timeline",
        "url_path": "",
        "icon": ":material/timeline:",
        "default": True,
        "chart": True,
        "filters": "",
    },
    {
        "path": "components/page_companies.py",
        "title": "Company cards",
        "url_path": "companies",
        "icon": ":material/apartment:",
        "default": False,
        "chart": True,
        "filters": "",
    },
    {
        "path": "components/page_sources.py",
        "title": "Source-quote viewer",
        "url_path": "sources",
        "icon": ":material/article:",
        "default": False,
        "chart": False,
        "filters": "Here they choose which quotes of the article are filled in yellow; the"
        " article itself is chosen above its text.",
    },
    {
        "path": "components/page_add.py",
        "title": "Add an article",
        "url_path": "add",
        "icon": ":material/note_add:",
        "default": False,
        "chart": False,
        "filters": None,
    },
)


def page_by_url(url_path: str) -> dict:
    """The page served at ``url_path`` ("" is the timeline)."""
    return next(p for p in PAGES if p["url_path"] == url_path)
