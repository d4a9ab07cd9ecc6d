"""Crackdown Timeline's data module: pure Python, never imports streamlit.

Entry points: :func:`data.corpus.load_corpus` (the whole corpus with its
extraction), :func:`data.extract.extract_text` (one article) and the command
line ``python -m data.extract`` (``data/__main__.py``).
"""
