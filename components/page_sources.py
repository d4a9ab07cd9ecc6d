"""Source-quote viewer (``/sources``): each article, its metadata, every quote highlighted."""

import json

import streamlit as st

from components import cards, loader, state
from components.textview import (
    anchor_id,
    esc,
    highlighted_article,
    md_literal,
    text_fragment_url,
)
from data.filters import filter_events
from data.params import BY_KEY

ARTICLE = BY_KEY["article"]

fr = loader.run_frames()
f = state.current_filters(fr)
st.title("Source-quote viewer")

if not fr.source_ids:
    st.info("No articles are loaded.")
    st.stop()

selected = cards.selected_row(fr, f.event) if f.event else None
# Options are the ids themselves: a bound widget writes its option's label into the link,
# and the link must say article=002. The title is shown beside it.
left, right = st.columns([1, 4], vertical_alignment="bottom")
article = left.selectbox(
    ARTICLE.label, fr.source_ids, index=None, key=ARTICLE.key, bind="query-params",
    placeholder="the event's" if selected is not None else f"{fr.source_ids[0]} (the first article)",
    help=ARTICLE.help,
)  # fmt: skip
right.html(  # titles come from the articles: escaped HTML, never Markdown
    '<p class="ct-scope">'
    + esc(" · ".join(f"{i}: {fr.sources.loc[i, 'title']}" for i in fr.source_ids[:12]))
    + (" · …" if len(fr.source_ids) > 12 else "") + "</p>"
)
source_id = article or (selected["source"] if selected is not None else fr.source_ids[0])
if selected is not None and selected["source"] != source_id:
    st.info(
        f"The selected event ({md_literal(f.event)}) is in article"
        f" {md_literal(selected['source'])}, not this one."
    )
    selected = None

meta = fr.sources.loc[source_id]
url = meta["url"] if isinstance(meta["url"], str) else ""
# HTML, escaped: Streamlit's Markdown draws ":material/x:" and ":smile:" even when escaped.
st.html(f'<h3 class="ct-title">{esc(meta["title"])}</h3>')
st.html(
    f"<div><b>Outlet:</b> {esc(meta['outlet'])}</div>"
    f"<div><b>Author(s):</b> {esc(meta['authors'])}</div>"
    f"<div><b>Published:</b> {esc(meta['published'])} ({esc(meta['published_precision'])} precision,"
    f" {esc(meta['published_confidence'])}){' — ' + esc(meta['published_note']) if meta['published_note'] else ''}</div>"
    f"<div><b>Original link</b> ({esc(meta['url_confidence'])}): "
    + (f'<a href="{esc(cards.original_link(fr, source_id))}" target="_blank" rel="noopener">'
       f"{esc(url)}</a>" if cards.original_link(fr, source_id) else "none known")
    + "</div>"
    + (f"<div><b>Note:</b> {esc(meta['note'])}</div>" if meta["note"] else "")
)  # fmt: skip

events = fr.events[fr.events["source"] == source_id]
statements = fr.statements[fr.statements["source"] == source_id]
marked = filter_events(events, f)
said = filter_events(statements, f, by_date=False)
others = len(events) + len(statements) - len(marked) - len(said)
st.caption(
    f"{len(events):,} dated events and {len(statements):,} undated statements from this article are"
    f" marked; {len(marked):,} of the dated events and {len(said):,} of the statements match the"
    " filters (filled in yellow)"
    + (f", the other {others:,} (background hidden, or outside the filters) are underlined"
       if others else "")
    + "."
)  # fmt: skip
if selected is not None:
    with st.container(border=True, key="viewer_selected"):
        st.html(
            f"<b>Selected event</b> {esc(f.event)}: “{esc(selected['date_text'] or 'undated')}”,"
            f" {esc(cards.interval(selected))} — marked in orange below."
        )
        link = text_fragment_url(url, selected["quote"])
        if link:
            st.link_button(
                "Open the original article at this quote", link, icon=":material/open_in_new:"
            )
text = fr.texts.get(source_id, "")
spans = [
    (int(s), int(e), i)
    for df in (events, statements)
    for s, e, i in zip(df["start"], df["end"], df["id"], strict=True)
]
st.html(highlighted_article(
    text, spans, selected=f.event if selected is not None else "",
    matching=frozenset(marked["id"]) | frozenset(said["id"]),
))  # fmt: skip
if selected is not None:
    target = json.dumps(anchor_id(f.event))
    st.html(
        "<script>setTimeout(function(){var el=document.getElementById(" + target + ");"
        "if(el){el.scrollIntoView({block:'center'});}},300);</script>",
        unsafe_allow_javascript=True,
    )
