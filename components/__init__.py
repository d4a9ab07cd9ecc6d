"""The dashboard's pages and UI helpers (the only package that imports streamlit)."""
