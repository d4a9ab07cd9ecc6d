"""The one cached loader: the corpus as frames, computed once per server process."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from data.frames import Frames, build_frames


def read_corpus(seeds_dir: str):
    """The corpus of ``seeds_dir`` ("" for the default folder); tests replace this."""
    from data.corpus import load_corpus  # noqa: PLC0415 - imported late so tests can stub it

    return load_corpus(Path(seeds_dir) if seeds_dir else None)


@st.cache_resource(show_spinner="Reading the articles…")
def load_frames(seeds_dir: str) -> Frames:
    """Shared by every visitor: treat the frames as read-only."""
    return build_frames(read_corpus(seeds_dir))


def frames() -> Frames:
    return load_frames(os.environ.get("CRACKDOWN_SEEDS", ""))
