"""Settings every test shares."""

import os

import pytest


def pytest_xdist_make_scheduler(config, log):
    """How ``pytest -n`` (pytest-xdist) shares the tests among its workers: each file's
    tests together and in their order, as a serial run has them (a module's tests may build
    on what an earlier one left), and all the browser tests in one worker (they share one
    server and one Chromium per session; two sets of them at once would only compete for
    the same cores). xdist's own ``xdist_group`` marks cannot say this: with pytest 9.2
    their groups are not applied (pytest-dev/pytest-xdist#1386)."""
    from xdist.scheduler import LoadFileScheduling

    class FilesAndBrowser(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return BROWSER_TESTS if nodeid.startswith(BROWSER_TESTS) else super()._split_scope(nodeid)

    return FilesAndBrowser(config, log)


BROWSER_TESTS = "tests/browser/"


@pytest.fixture(autouse=True, scope="session")
def private_snapshot_key(tmp_path_factory):
    """The frames snapshots' signing key of this test run (see data.snapshot), so tests
    never read or write the user's own key; servers the tests start inherit it."""
    before = os.environ.get("CRACKDOWN_SNAPSHOT_KEY")
    os.environ["CRACKDOWN_SNAPSHOT_KEY"] = str(tmp_path_factory.mktemp("snapshot") / "key")
    yield
    if before is None:
        os.environ.pop("CRACKDOWN_SNAPSHOT_KEY", None)
    else:
        os.environ["CRACKDOWN_SNAPSHOT_KEY"] = before
