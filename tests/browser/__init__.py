"""Browser tests (Debian's Chromium through Playwright) and the dashboard benchmark."""
