"""Settings every test shares."""

import os

import pytest

from tests.browser.harness import SCREENSHOTS


def pytest_xdist_make_scheduler(config, log):
    """``make test``'s ``--dist loadfile``, with every browser file in one unit that starts first.

    A file's tests stay together on one worker and in their order (some build on what an
    earlier one left). Two Chromiums, each with its own servers, on two cores drew more
    slowly than one alone: with the browser files shared out like the others, the browser
    tests took 453 s of the workers' time, and 351 s when one worker ran them while the other
    ran the rest. The unit goes first, as collected, rather than after the files with many
    short tests (xdist orders units by their number of tests).
    """
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadScopeScheduling  # noqa: PLC0415 (only with pytest-xdist)

    class BrowserFilesTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            file = nodeid.split("::", 1)[0]
            return "tests/browser" if file.startswith("tests/browser/") else file

    config.option.loadscopereorder = False
    return BrowserFilesTogether(config, log)


def pytest_sessionstart(session):
    """A run's failure screenshots replace the last run's, once, before any test: cleared by
    a worker's first browser test, they were lost when the other worker had failed first."""
    if not hasattr(session.config, "workerinput"):  # the controller, or a run without xdist
        for stale in [*SCREENSHOTS.glob("FAILED-*.png"), *SCREENSHOTS.glob("LOST-*.png")]:
            stale.unlink(missing_ok=True)


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
