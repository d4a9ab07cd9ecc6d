"""Settings every test shares."""

import os

import pytest


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
