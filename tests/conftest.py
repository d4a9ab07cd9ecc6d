"""Settings every test shares."""

import os

import pytest


@pytest.fixture(autouse=True, scope="session")
def private_snapshot_key(tmp_path_factory):
    """The frames snapshots' signing key of this test run (see data.snapshot), so tests
    never read or write the user's own key; servers the tests start inherit it. The
    parallel workers of one run (pytest-xdist) share it: they read and write the same
    seeds folder, and a snapshot one signed is one the others can use."""
    before = os.environ.get("CRACKDOWN_SNAPSHOT_KEY")
    if os.environ.get("PYTEST_XDIST_WORKER"):  # the run's base folder, above each worker's
        key = tmp_path_factory.getbasetemp().parent / "snapshot-key"
    else:
        key = tmp_path_factory.mktemp("snapshot") / "key"
    os.environ["CRACKDOWN_SNAPSHOT_KEY"] = str(key)
    yield
    if before is None:
        os.environ.pop("CRACKDOWN_SNAPSHOT_KEY", None)
    else:
        os.environ["CRACKDOWN_SNAPSHOT_KEY"] = before
