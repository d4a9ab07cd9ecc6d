"""The command line: python -m data.extract [--published YYYY-MM-DD] [PATH ...]."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EVENT_FIELDS = {"id", "source", "quote", "start", "end", "date_text", "date_start", "date_end",
                "precision", "companies", "regulators", "category", "relevance", "discovered",
                "regulator_kinds"}  # fmt: skip
FIGURE_FIELDS = {"id", "source", "quote", "text", "amount", "currency", "usd", "kind",
                 "market_cap", "companies", "date_start", "date_end", "shared"}  # fmt: skip


def run(*args: str):
    proc = subprocess.run(
        [sys.executable, "-m", "data.extract", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    return proc.returncode, json.loads(proc.stdout), proc.stderr


def test_whole_corpus_without_paths():
    code, out, err = run()
    assert code == 0, err
    assert {e["source"] for e in out["events"]} == {"000", "001", "002", "003", "004"}
    for e in out["events"]:
        assert set(e) >= EVENT_FIELDS
    for f in out["figures"]:
        assert set(f) >= FIGURE_FIELDS
    friday = [e for e in out["events"] if e["date_text"] == "On Friday"]
    assert friday[0]["date_start"] == friday[0]["date_end"] == "2021-03-12"
    assert {"Tencent", "Baidu", "Didi", "ByteDance"} <= set(friday[0]["companies"])
    loss = [f for f in out["figures"] if f["text"] == "US$344 billion"]
    assert loss[0]["usd"] == 344_000_000_000
    assert loss[0]["market_cap"] is True


def test_paths_dated_by_published(tmp_path):
    article = tmp_path / "note.txt"
    article.write_text("On Friday, SAMR fined Tencent 500,000 yuan ($77,000).", encoding="utf-8")
    code, out, _ = run("--published", "2021-03-16", str(article))
    assert code == 0
    (event,) = out["events"]
    assert (event["date_start"], event["companies"], event["regulators"]) == (
        "2021-03-12", ["Tencent"], ["SAMR"])  # fmt: skip
    assert event["source"] == "note"
    assert event["relevance"] == "crackdown"
    assert event["regulator_kinds"] == {"SAMR": "Chinese regulator"}
    assert event["discovered"] == []
    assert out["figures"][0]["usd"] == 77000
    assert out["figures"][0]["shared"] is False


def test_python_m_data_is_the_same_command(tmp_path):
    article = tmp_path / "note.txt"
    article.write_text("In the 1980s, he joined the party. In July, CAC fined Weibo.", "utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "data", "--published", "2021-08-19", str(article)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert [e["relevance"] for e in out["events"]] == ["background", "crackdown"]
    assert out == run("--published", "2021-08-19", str(article))[1]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("Ãl año pasado".encode("latin-1"), "not UTF-8"),
    ],
)
def test_bad_file_gets_one_line_and_exit_2_and_others_still_come_out(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("In November, regulators suspended Ant’s IPO.", encoding="utf-8")
    code, out, err = run("--published", "2021-03-16", str(bad), str(good))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert "bad.txt" in lines[0]
    assert message in lines[0]
    assert [e["date_start"] for e in out["events"]] == ["2020-11-01"]


def test_missing_file_is_named(tmp_path):
    code, out, err = run("--published", "2021-03-16", str(tmp_path / "nope.txt"))
    assert code == 2
    assert "nope.txt" in err
    assert out["events"] == []


@pytest.mark.parametrize("value", ["2021-13-01", "16/03/2021", "yesterday", ""])
def test_bad_published_is_named_and_exit_2(tmp_path, value):
    good = tmp_path / "good.txt"
    good.write_text("In November, regulators suspended Ant’s IPO.", encoding="utf-8")
    code, out, err = run("--published", value, str(good))
    assert code == 2
    assert "--published" in err
    assert out["events"] == []
