"""AppTest of the add page (``/add``): read-only without the token, refusals, save, edit, remove."""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from components.pages import page_by_url
from data.corpus import load_corpus
from data.sources import SEEDS_DIR
from tests.test_app_pages import text_of

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TOKEN = "s3cret-token"
TEXT = "On Friday, SAMR fined Tencent for deals it had not reported.\n"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    path = tmp_path / "corpus"
    shutil.copytree(SEEDS_DIR, path, ignore=shutil.ignore_patterns(".crackdown-*"))
    monkeypatch.setenv("CRACKDOWN_SEEDS", str(path))
    monkeypatch.delenv("CRACKDOWN_EDITOR_TOKEN", raising=False)
    st.cache_resource.clear()
    yield path
    st.cache_resource.clear()


def open_add(token: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(page_by_url("add")["path"]).run()
    assert not at.exception
    if token is not None:
        at.text_input(key="editor_token").input(token).run()
        assert not at.exception
    return at


def shown(at: AppTest) -> str:
    return "\n".join([text_of(at), *(str(e.value) for e in at.success)])


def test_read_only_without_a_token_configured(folder):
    at = open_add()
    assert "This dashboard is read-only:" in shown(at)
    assert not at.text_area
    assert not [b for b in at.button if b.key in ("add_save", "edit_save", "remove")]
    assert not at.text_input(key="editor_token") if "editor_token" in [
        t.key for t in at.text_input] else True


def test_read_only_until_the_right_token_is_typed(folder, monkeypatch):
    monkeypatch.setenv("CRACKDOWN_EDITOR_TOKEN", TOKEN)
    at = open_add()
    assert "type the editor token" in shown(at)
    at.text_input(key="editor_token").input("wrong").run()
    assert "That is not the editor token" in shown(at)
    assert not at.text_area
    at.text_input(key="editor_token").input(TOKEN).run()
    assert at.text_area(key="add_text")


def fill(at: AppTest, text: str, published: str, **fields: str) -> AppTest:
    at.text_area(key="add_text").input(text).run()
    at.text_input(key="add_published").input(published).run()
    for key, value in fields.items():
        at.text_input(key=f"add_{key}").input(value).run()
    assert not at.exception
    return at


def test_pasted_text_is_previewed_saved_and_seen_without_restart(folder, monkeypatch):
    monkeypatch.setenv("CRACKDOWN_EDITOR_TOKEN", TOKEN)
    at = fill(open_add(TOKEN), TEXT, "16 March 2021", title="<script>alert(1)</script> [x](javascript:y)",
              outlet="Example Wire", authors="Ann Writer; Bo Li", url="https://example.com/a")
    page = shown(at)
    assert "Tuesday 16 March 2021 (day precision)" in page
    assert "1 dated event, 0 undated statements and 0 money figures will be added." in page
    assert at.get("plotly_chart")
    assert "<script>alert(1)" not in "".join(e.proto.body for e in at.get("html"))  # the title
    assert "The corpus holds 5 articles." in shown(at)
    at.button(key="add_save").click().run()
    assert not at.exception
    assert "Saved." in shown(at)
    assert "The corpus holds 6 articles." in shown(at)  # the count after the save
    corpus = load_corpus(folder)
    assert corpus.sources["005"].title == "<script>alert(1)</script> [x](javascript:y)"
    assert corpus.sources["005"].authors == ("Ann Writer", "Bo Li")
    # Another visitor, no restart: the timeline has the new article's event.
    other = AppTest.from_file(APP, default_timeout=60)
    other.query_params["source"] = "005"
    other.run()
    assert not other.exception
    spec = json.loads(other.get("plotly_chart")[0].proto.spec)
    ids = {c for trace in spec["data"] for c in trace.get("customdata") or [] if c}
    assert ids
    assert all(i.startswith("005-") for i in ids)


@pytest.mark.parametrize(
    ("text", "published", "fields", "said"),
    [
        ("   ", "16 March 2021", {}, "Paste or upload"),
        (TEXT, "", {}, "no publication date"),
        (TEXT, (date.today() + timedelta(days=5)).isoformat(), {}, "in the future"),
        (TEXT, "sometime", {}, "is not a date"),
        (TEXT, "16 March 2021", {"url": "javascript:alert(1)"}, "must start with http"),
    ],
)
def test_refused_inputs_have_a_message_and_change_nothing(folder, monkeypatch, text, published,
                                                          fields, said):
    monkeypatch.setenv("CRACKDOWN_EDITOR_TOKEN", TOKEN)
    open_add()  # the first load creates the extraction store
    before = sorted(p.name for p in folder.iterdir())
    at = fill(open_add(TOKEN), text, published, **fields)
    assert said in shown(at)
    assert "add_save" not in [b.key for b in at.button]
    assert "Not saved" not in shown(at)  # nothing was tried: no save offered yet
    assert sorted(p.name for p in folder.iterdir()) == before


def test_a_binary_upload_is_refused_with_its_reason(folder, monkeypatch):
    monkeypatch.setenv("CRACKDOWN_EDITOR_TOKEN", TOKEN)
    from data.add import AddError, draft_from_text

    with pytest.raises(AddError, match="binary"):
        draft_from_text(b"\x00\x01", "image.txt", "2021-03-16")


def test_metadata_is_edited_and_an_article_removed_from_the_page(folder, monkeypatch):
    monkeypatch.setenv("CRACKDOWN_EDITOR_TOKEN", TOKEN)
    at = open_add(TOKEN)
    at.selectbox(key="edit_id").select("004").run()
    assert at.text_input(key="edit_published").value == "2021-03-16"
    at.text_input(key="edit_title").input("A better headline").run()
    at.button(key="edit_save").click().run()
    assert not at.exception
    assert "Metadata saved." in shown(at)
    assert load_corpus(folder).sources["004"].title == "A better headline"
    at.checkbox(key="remove_sure").check().run()
    at.button(key="remove").click().run()
    assert not at.exception
    assert "removed/004_7453d6cf74103d0d.txt" in shown(at)
    assert "004" not in load_corpus(folder).sources
    assert (folder / "removed" / "004_7453d6cf74103d0d.txt").exists()


def test_a_text_already_in_the_corpus_is_said_before_any_save(folder, monkeypatch):
    """The preview offered a save for a text the corpus holds; only the save said so."""
    monkeypatch.setenv("CRACKDOWN_EDITOR_TOKEN", TOKEN)
    known = next(folder.glob("002_*.txt")).read_text(encoding="utf-8")
    at = fill(open_add(TOKEN), known, "2 May 2018")
    assert "already in the corpus as article 002" in shown(at)
    assert "add_save" not in [b.key for b in at.button]


def test_a_text_with_nothing_to_show_is_flagged_before_saving(folder, monkeypatch):
    """Review: "hello" was saved as an article with no event, no title and no outlet, and
    nothing said so. The preview says the timeline will show nothing of it."""
    monkeypatch.setenv("CRACKDOWN_EDITOR_TOKEN", TOKEN)
    at = fill(open_add(TOKEN), "hello", "16 March 2021")
    assert "Nothing in this text for the timeline" in shown(at)
    at = fill(open_add(TOKEN), TEXT, "16 March 2021")
    assert "Nothing in this text for the timeline" not in shown(at), shown(at)[:300]
    table = at.dataframe[0].value  # (a table without selection has no key in AppTest)
    assert list(table.columns[:2]) == ["When", "Event"]  # the list's words, not field names
