"""The dashboard's server: ``streamlit run serve.py`` (what ``make run`` does).

Streamlit serves the router ``app.py`` through ``st.App``; its lifespan starts the
start-up warm-up of :mod:`components.warmup` (the corpus read and the first view prepared
while the first browser loads). ``streamlit run app.py`` serves the same pages without it.
"""

import streamlit as st

from components.warmup import lifespan

app = st.App("app.py", lifespan=lifespan)
