"""The generated benchmark corpus loads like the seeds, with shifted dates."""

from datetime import timedelta

import pytest

from data.sources import (
    SEEDS_DIR,
    load_metadata,
    quoted_passages,
    read_article,
    source_from_entry,
)
from data.synth import generate


def _sources(folder):
    entries, problems = load_metadata(folder)
    assert problems == []
    return entries, [source_from_entry(e) for e in entries]


def test_copies_are_the_seed_texts_with_unique_ids_and_shifted_dates(tmp_path):
    seed_entries, seeds = _sources(SEEDS_DIR)
    written = generate(tmp_path, 12)

    entries, copies = _sources(tmp_path)
    assert [tmp_path / e["file"] for e in entries] == written
    assert len({c.id for c in copies}) == 12
    for n, (entry, copy) in enumerate(zip(entries, copies, strict=True)):
        seed_entry, seed = seed_entries[n % 5], seeds[n % 5]
        text = read_article(tmp_path / entry["file"])
        assert text == read_article(SEEDS_DIR / seed_entry["file"])
        assert len(quoted_passages(entry, text)) == len(seed_entry.get("quoted", []))
        assert copy.published_precision == seed.published_precision
        if seed.published_precision == "day":
            assert copy.published == seed.published + timedelta(weeks=n // 5)
    assert copies[10].published - copies[0].published == timedelta(weeks=2)


def test_regenerating_replaces_an_earlier_output(tmp_path):
    generate(tmp_path, 7)
    generate(tmp_path, 3)
    assert len(list(tmp_path.glob("*.txt"))) == 3
    assert len(_sources(tmp_path)[0]) == 3


def test_a_folder_with_other_files_is_not_touched(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(ValueError, match="not an earlier data.synth output"):
        generate(tmp_path, 3)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_varied_copies_mix_held_out_articles_rotate_names_and_move_years(tmp_path):
    from data.synth import HELDOUT_DIR, swapper

    bases = len(load_metadata(SEEDS_DIR)[0]) + len(load_metadata(HELDOUT_DIR)[0])
    n = 2 * bases + 1
    generate(tmp_path, n, varied=True)
    entries, copies = _sources(tmp_path)
    assert len({c.id for c in copies}) == n
    texts = [read_article(tmp_path / e["file"]) for e in entries]
    held_out = read_article(HELDOUT_DIR / load_metadata(HELDOUT_DIR)[0][0]["file"])
    assert texts[5] == swapper(0)(held_out)  # copy 5: the first held-out article, as written
    # A later round: another publication week, other names; every quoted passage still found.
    later = bases + 5
    assert texts[later] != texts[5]
    assert copies[later].published == copies[5].published + timedelta(weeks=1)
    assert texts[later] == swapper(later // 7)(held_out)
    for entry, text in zip(entries, texts, strict=True):
        assert len(quoted_passages(entry, text)) == len(entry.get("quoted", []))
