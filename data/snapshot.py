"""A snapshot of the built frames, so a warm server start reads one file.

Building the frames of a large corpus (reading every article, decoding its
stored extraction, the frames, the cross-source groups) takes seconds; a
server restarted on an unchanged corpus gets the same frames back from the
snapshot in a fraction of that.

Where: beside the extraction store, ``<store>.frames`` (see
:func:`data.store.store_path`). It is written after a full build whose every
article came from the current extractor, and used only when its key matches:
the corpus folder's fingerprint (names, sizes and modification times of its
files) and :data:`CODE_VERSION`, a hash of every file under ``data/``. So an
article added, edited or removed, or any change to the code, rebuilds. Beside it,
``<store>.frames.records`` (:class:`Records`, written with it, keyed and signed the same
way) keeps what updating those frames after a change needs; it is read only then.

The snapshot is a pickle, and a pickle can run code when read. So it is signed:
an HMAC-SHA256 with a key kept outside the corpus folder (``snapshot.key`` in
the user's cache folder, ``$XDG_CACHE_HOME/crackdown-timeline``, created
private on first use, or the file ``CRACKDOWN_SNAPSHOT_KEY`` names); only a
file whose signature checks is unpickled. Someone who can write to the corpus
folder but not read the key cannot get code run. Like the store, the snapshot
is only a cache: deleting it, or the key, is always safe, and anything wrong
with it (missing, truncated, unsigned, another key, another version) means a
rebuild, never an error.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import hmac
import json
import logging
import os
import pickle
import secrets
import tempfile
from pathlib import Path

import pandas as pd

from data.frames import Frames
from data.store import code_hash

log = logging.getLogger("crackdown")

MAGIC = b"crackdown-frames 2\n"
#: The longest header line read (the code version and the folder's fingerprint, as JSON).
MAX_HEADER = 4096

#: A hash of every file under data/ and of pandas' version: any change to what builds
#: or unpickles the frames.
CODE_VERSION = code_hash(salt=f"pandas {pd.__version__}")


def snapshot_path(store: Path) -> Path:
    """The snapshot of the store at ``store``."""
    return store.with_name(store.name + ".frames")


def key_path() -> Path:
    value = os.environ.get("CRACKDOWN_SNAPSHOT_KEY")
    if value:
        return Path(value)
    cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache) / "crackdown-timeline" / "snapshot.key"


def _signing_key(create: bool) -> bytes | None:
    """This installation's key; made on first use, complete or not at all (written aside
    and linked into place, so servers and sessions starting at once agree on one key)."""
    path = key_path()
    for _ in range(2):
        try:
            key: bytes | None = path.read_bytes()
        except OSError:
            key = None
        if key is not None and len(key) >= 32:
            return key
        if not create:
            return None
        tmp = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)  # mode 0600
            with os.fdopen(fd, "wb") as out:
                out.write(secrets.token_bytes(32))
            if key is None:
                with contextlib.suppress(FileExistsError):  # another one made it first
                    os.link(tmp, path)
            else:  # there but too short: a damaged key is replaced
                os.replace(tmp, path)
        except OSError as exc:
            log.warning("no snapshot key at %s (%s); frames are rebuilt at each start", path, exc)
            return None
        finally:
            if tmp:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
    return None


def _sign(key: bytes, *parts: bytes) -> bytes:
    """The signature of ``parts`` joined, without joining them (a snapshot's payload is
    over a hundred megabytes at 100,000 events: a copy of it cost a start 0.1 s)."""
    mac = hmac.new(key, digestmod=hashlib.sha256)
    for part in parts:
        mac.update(part)
    return mac.digest()


def records_path(snapshot: Path) -> Path:
    """Where the records that update the frames of ``snapshot`` are kept, beside it."""
    return snapshot.with_name(snapshot.name + ".records")


@dataclasses.dataclass(frozen=True)
class Records:
    """What updating the snapshot's frames after a change needs, and a server started from
    the snapshot does not hold: the cross-source grouping and each source's records (the
    frames' ``grouping`` and ``built_from``), and what reading the folder kept
    (:func:`data.corpus.reuse_state`). Read only when the folder changes."""

    grouping: object
    built_from: dict
    read: dict
    results: dict


def save(path: Path, key: str, frames: Frames, reuse: tuple[dict, dict] | None = None) -> bool:
    """Write the snapshot of ``frames`` under ``key`` atomically; False if it cannot be.

    With ``reuse`` (what reading the folder kept), the records that update these frames
    after a change are written beside it (:func:`records_path`); the frames file leaves
    them out, since unpickling them would cost every start more than it saves."""
    if reuse is not None and frames.grouping is not None and frames.built_from:
        records = Records(frames.grouping, frames.built_from, *reuse)
        if not _write_signed(records_path(path), key, records):
            return False
    return _write_signed(path, key, dataclasses.replace(frames, grouping=None, built_from={}))


def _write_signed(path: Path, key: str, obj: object) -> bool:
    signing = _signing_key(create=True)
    if signing is None:
        return False
    header = _header(key)
    payload = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", dir=path.parent)
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC + header + _sign(signing, header, payload))
            out.write(payload)
        os.replace(tmp, path)
        return True
    except OSError as exc:
        log.warning("frames snapshot not written (%s)", exc)
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        return False


def _header(key: str) -> bytes:
    """The snapshot's first line after the magic: what it was built from."""
    return json.dumps([CODE_VERSION, key]).encode("utf-8") + b"\n"


def load(path: Path, key: str) -> Frames | None:
    """The frames snapshotted under ``key`` by this code, or None.

    The header says what the snapshot was built from, so a snapshot of another folder
    state or code is left after one short read (a server whose corpus just gained an
    article does not read, check and unpickle the old frames to find them outdated);
    the signature covers the header and the frames."""
    frames = _read_signed(path, key)
    return frames if isinstance(frames, Frames) else None


def load_records(path: Path, key: str) -> Records | None:
    """The records kept beside the snapshot at ``path`` when it was written under ``key``
    (the frames a server started from), or None; checked as :func:`load` checks."""
    records = _read_signed(records_path(path), key)
    return records if isinstance(records, Records) else None


def _read_signed(path: Path, key: str) -> object | None:
    signing = _signing_key(create=False)
    if signing is None:
        return None
    header = _header(key)
    try:
        with path.open("rb") as fh:
            if fh.read(len(MAGIC)) != MAGIC or fh.readline(MAX_HEADER) != header:
                return None
            signature, payload = fh.read(32), fh.read()
    except OSError:
        return None
    if not payload or not hmac.compare_digest(signature, _sign(signing, header, payload)):
        log.warning("frames snapshot %s is not signed by this installation; ignored", path.name)
        return None
    try:
        with _collector_paused():
            return pickle.loads(payload)  # noqa: S301 - signed above
    except Exception as exc:  # a signed file that does not unpickle: rebuild
        log.warning("frames snapshot %s does not load (%s)", path.name, type(exc).__name__)
        return None


@contextlib.contextmanager
def _collector_paused():
    """Unpickling makes objects by the hundred thousand at a large corpus, and every few
    hundred of them start a collection that finds nothing to free: paused meanwhile (a
    tenth to a fifth of the read at 124,304 events), then left as it was."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
