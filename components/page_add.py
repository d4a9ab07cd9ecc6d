"""Add an article (``/add``): paste or upload, check the metadata and a preview, save.

Read-only unless the operator has set an editor token (``CRACKDOWN_EDITOR_TOKEN`` or
``editor_token`` in Streamlit secrets) and the visitor types it; it is compared in
constant time. Saving, editing and removing go through :mod:`data.add` (validated,
atomic, locked). Every value that comes from an article or a visitor is shown as
literal text (``st.text``, escaped HTML, dataframes), never as Markdown.
"""

from __future__ import annotations

import hmac
import os

import streamlit as st

from components import loader
from components.cards import summary
from components.charts import timeline_figure
from components.eventlist import LIST_COLUMNS, event_list
from components.textview import counted, esc
from data.add import (
    AddError,
    already_in,
    draft_from_text,
    first_line,
    html_parts,
    published_value,
    remove,
    resolve_date,
    save,
    update_metadata,
)
from data.corpus import seeds_dir_from_env
from data.extract import extract_text
from data.frames import events_frame, figures_frame
from data.sources import ArticleError, decode_article

UPLOAD_TYPES = ["txt", "md", "html", "htm"]
CONFIDENCES = ["inferred", "confirmed"]
PRECISIONS = ["as typed", "day", "month"]


def editor_token() -> str:
    """The operator's editor token ("" when editing is turned off)."""
    token = os.environ.get("CRACKDOWN_EDITOR_TOKEN", "")
    if not token:
        try:
            token = str(st.secrets.get("editor_token", ""))
        except Exception:  # no secrets file: editing stays off
            token = ""
    return token.strip()


def may_edit() -> bool:
    token = editor_token()
    if not token:
        st.info(
            "This dashboard is read-only: adding articles needs an editor token, which whoever"
            " runs this server sets (the README says how, under *Adding articles*). Ask them.",
            icon=":material/lock:",
        )
        return False
    typed = st.text_input("Editor token", type="password", key="editor_token")
    if not typed:
        st.info("Read-only: type the editor token to add, edit or remove articles.",
                icon=":material/lock:")  # fmt: skip
        return False
    if not hmac.compare_digest(typed.strip().encode(), token.encode()):
        st.warning("That is not the editor token; nothing can be changed.", icon=":material/lock:")
        return False
    return True


def refused(message: str) -> None:
    """A refusal: a fixed sentence, then the reason as literal text."""
    st.warning("Not saved. Nothing was changed.", icon=":material/block:")
    st.text(message)


def not_ready(message: str) -> None:
    """What stops the preview (and the save button) before anything was tried."""
    st.info("Nothing to save yet: this needs fixing first.", icon=":material/edit_note:")
    st.text(message)


def literal(label: str, value: str) -> None:
    st.html(f'<p class="ct-literal"><b>{esc(label)}</b> {esc(value)}</p>')


def _take_upload(upload) -> None:
    """A new upload fills the text and, for a saved page, the metadata fields."""
    ss = st.session_state
    if upload is None or ss.get("add_upload_id") == upload.file_id:
        return
    ss["add_upload_id"] = upload.file_id
    raw = upload.getvalue()
    ss["add_error"] = ""
    try:
        if upload.name.lower().endswith((".html", ".htm")):
            text, meta = html_parts(raw, upload.name)
            ss["add_published"] = str(meta.get("published") or "")
            ss["add_title"] = str(meta.get("title") or "")
            ss["add_outlet"] = str(meta.get("outlet") or "")
            ss["add_authors"] = "; ".join(meta.get("authors") or [])
            ss["add_url"] = str(meta.get("url") or "")
        else:
            text = decode_article(raw, upload.name)
            ss["add_title"] = first_line(text)
        ss["add_body"] = text
    except (AddError, ArticleError) as exc:
        ss["add_body"] = ""
        ss["add_error"] = str(exc)


def _metadata_fields(prefix: str) -> dict:
    typed = st.text_input(
        "Publication date", key=f"{prefix}_published",
        help='As you would write it: "27 April 2021", "April 2021", "Apr 27", "yesterday".',
    )  # fmt: skip
    if typed.strip():
        try:
            day, precision = resolve_date(typed)
            shown = f"{day:%B %Y}" if precision == "month" else f"{day:%A %d %B %Y}"
            literal("Resolved:", f"{shown} ({precision} precision)")
        except AddError as exc:
            literal("Cannot use this date:", str(exc))
    cols = st.columns(2)
    precision = cols[0].radio("Precision", PRECISIONS, key=f"{prefix}_precision", horizontal=True)
    confidence = cols[1].radio("Date confidence", CONFIDENCES, key=f"{prefix}_confidence",
                               horizontal=True)  # fmt: skip
    title = st.text_input("Title", key=f"{prefix}_title", max_chars=500)
    outlet = st.text_input("Outlet", key=f"{prefix}_outlet", max_chars=500)
    authors = st.text_input("Authors (separated by ;)", key=f"{prefix}_authors", max_chars=500)
    url = st.text_input("Original link (http:// or https://)", key=f"{prefix}_url", max_chars=2000)
    return {
        "published": typed,
        "precision": "" if precision == "as typed" else precision,
        "published_confidence": confidence,
        "title": title.strip(),
        "outlet": outlet.strip(),
        "authors": [a.strip() for a in authors.split(";") if a.strip()],
        "url": url.strip(),
    }


def _preview(draft) -> None:
    table = draft.table
    day, precision = resolve_date(table["published"])
    result = extract_text(draft.text, day, "new", precision=precision)
    events = events_frame(e for e in result.events if e.date_start is not None)
    st.subheader("Preview")
    st.caption(f"{counted(len(events), 'dated event')}, "
               f"{counted(len(result.statements), 'undated statement')} and "
               f"{counted(len(result.figures), 'money figure')} will be added.")  # fmt: skip
    if events.empty and not result.statements and not result.figures:
        st.warning(
            "Nothing in this text for the timeline: no dated event, statement or money figure"
            " was found. It can still be saved, but no page will show anything of it; check"
            " that this is the article's whole text.",
            icon=":material/warning:",
        )
    if not events.empty:
        fig = timeline_figure(events, "company")
        fig.update_layout(height=260)
        st.plotly_chart(fig, key="add_preview_chart", config={"displaylogo": False})
        rows = event_list(events, {})  # in the timeline list's words and order
        st.dataframe(rows[[c for c in LIST_COLUMNS if c not in ("selected", "n_sources")]]
                     .rename(columns=LIST_COLUMNS), hide_index=True,
                     key="add_preview_events")  # fmt: skip
    if result.figures:
        figs = figures_frame(result.figures)
        st.dataframe(
            figs[["text", "kind", "usd", "companies", "quote"]].assign(
                usd=figs["usd"].map(lambda v: f"US${v:,.0f}"),
                companies=figs["companies"].map(", ".join),
            ).rename(columns={"text": "As written", "kind": "Kind", "usd": "In US dollars",
                              "companies": "Companies", "quote": "Quote"}),
            hide_index=True, key="add_preview_figures",
        )  # fmt: skip


def add_tab() -> None:
    ss = st.session_state
    how = st.radio("From", ["Pasted text", "A file (.txt, .md or a saved .html page)"],
                   key="add_how", horizontal=True)  # fmt: skip
    name = "pasted text"
    if how == "Pasted text":
        st.text_area("Article text", key="add_text", height=220)
        text = ss.get("add_text", "")
    else:
        upload = st.file_uploader("Article file", type=UPLOAD_TYPES, key="add_file")
        _take_upload(upload)
        name = upload.name if upload is not None else "upload"
        if ss.get("add_error"):
            not_ready(ss["add_error"])
        text = ss.get("add_body", "") if upload is not None else ""
    meta = _metadata_fields("add")
    if not text.strip():
        st.caption("Paste or upload an article to see its preview.")
        return
    try:
        draft = draft_from_text(text, name, meta.pop("published"), meta.pop("precision"), **meta)
    except AddError as exc:
        not_ready(str(exc))
        return
    known = already_in(draft, seeds_dir_from_env())
    if known is not None:
        st.info(f"This text is already in the corpus as article {known}: there is nothing to"
                " add. Its metadata can be changed under “Edit or remove”.",
                icon=":material/content_copy:")  # fmt: skip
        return
    _preview(draft)
    if st.button("Save to the corpus", type="primary", key="add_save"):
        try:
            saved = save(draft, seeds_dir_from_env())
        except AddError as exc:
            refused(str(exc))
            return
        if saved.added:
            st.success("Saved. Every open tab shows it on its next interaction.",
                       icon=":material/check_circle:")  # fmt: skip
        else:
            st.info("This text is already in the corpus; nothing was added.")
        literal("Article id:", f"{saved.id} ({saved.filename})")


def edit_tab() -> None:
    fr = loader.frames()
    if fr.sources.empty:
        st.caption("No articles yet.")
        return
    ids = list(fr.sources.index)
    sid = st.selectbox("Article", ids, key="edit_id",
                       format_func=lambda i: f"{i} · {fr.sources.loc[i, 'title']}")  # fmt: skip
    row = fr.sources.loc[sid]
    ss = st.session_state
    if ss.get("edit_loaded") != sid:  # fill the fields with this article's metadata
        ss["edit_loaded"] = sid
        published = str(row["published"])
        ss["edit_published"] = published[:7] if row["published_precision"] == "month" else published
        ss["edit_precision"] = "as typed"
        confidence = row["published_confidence"]
        ss["edit_confidence"] = confidence if confidence in CONFIDENCES else "inferred"
        ss["edit_title"], ss["edit_outlet"], ss["edit_url"] = row["title"], row["outlet"], row["url"]
        authors = row["authors"]
        ss["edit_authors"] = "" if authors == "not identified" else authors.replace(", ", "; ")
    meta = _metadata_fields("edit")
    if st.button("Save the metadata", key="edit_save"):
        try:
            day, precision = resolve_date(meta["published"])
            precision = meta["precision"] or precision
            changes = {**{k: meta[k] for k in ("title", "outlet", "authors", "url",
                                                "published_confidence")},
                       "published": published_value(day, precision),
                       "published_precision": precision}  # fmt: skip
            update_metadata(seeds_dir_from_env(), sid, changes)
        except AddError as exc:
            refused(str(exc))
        else:
            st.success("Metadata saved.", icon=":material/check_circle:")
    st.divider()
    sure = st.checkbox("Yes, remove this article (it is moved to removed/, not destroyed)",
                       key="remove_sure")  # fmt: skip
    if st.button("Remove the article", key="remove", disabled=not sure):
        try:
            where = remove(seeds_dir_from_env(), sid)
        except AddError as exc:
            refused(str(exc))
        else:
            ss["edit_loaded"] = None
            st.success("Removed from the timeline.", icon=":material/check_circle:")
            literal("Kept aside as:", f"removed/{where.name}")


st.title("Add an article")
corpus_size = st.empty()  # filled last: a save or a removal below changes it
if may_edit():
    adding, editing = st.tabs(["Add", "Edit or remove"])
    with adding:
        add_tab()
    with editing:
        edit_tab()
with corpus_size.container():
    count = len(loader.frames().sources)
    summary(f"The corpus holds {count:,} article{'s' if count != 1 else ''}.")
