"""Agent preferences: defaults, round trip, and never destroying a file that could not be used."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from app.domain.copy_format import CopyFormat
from app.storage.preferences import (
    SCHEMA_VERSION,
    Preferences,
    PreferencesStore,
    preferences_to_bytes,
)


@pytest.fixture
def store(tmp_path: Path) -> PreferencesStore:
    return PreferencesStore(tmp_path / "cfg" / "preferences.json")


def write(store: PreferencesStore, data: bytes) -> None:
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_bytes(data)


def test_defaults() -> None:
    prefs = Preferences()
    assert prefs.language is None
    assert prefs.copy_format is CopyFormat.E164
    assert prefs.theme == "system"
    assert prefs.close_to_tray and prefs.notify
    assert not (prefs.always_on_top or prefs.compact or prefs.week_view)
    assert prefs.request_type == "all"
    assert prefs.watched_channels == []
    assert prefs.window_geometry is None and prefs.window_state is None
    assert prefs.schema_version == SCHEMA_VERSION == 1


def test_preferences_are_immutable_and_defaults_not_shared() -> None:
    prefs = Preferences()
    with pytest.raises(dataclasses.FrozenInstanceError):
        prefs.theme = "dark"  # type: ignore[misc]
    assert Preferences().watched_channels is not prefs.watched_channels


def test_missing_file_gives_defaults_without_problem(store: PreferencesStore) -> None:
    assert store.load() == Preferences()
    assert store.problems == ()
    assert not store.needs_set_aside
    assert not store.path.exists()


def test_round_trip_creates_the_folder(store: PreferencesStore) -> None:
    prefs = Preferences(
        language="en",
        copy_format=CopyFormat.DIAL,
        always_on_top=True,
        theme="high-contrast",
        watched_channels=["soporte-ti", "nomina"],
        window_geometry="AdnQywADAAA=",
    )
    store.load()
    store.save(prefs)
    assert json.loads(store.path.read_text(encoding="utf-8"))["copy_format"] == "dial"
    fresh = PreferencesStore(store.path)
    assert fresh.load() == prefs
    assert fresh.problems == ()


def test_unknown_keys_are_ignored_but_kept_on_save(store: PreferencesStore) -> None:
    write(store, b'{"theme": "dark", "from_the_future": {"x": 1}}')
    prefs = store.load()
    assert prefs.theme == "dark"
    assert store.problems == ()
    store.save(dataclasses.replace(prefs, compact=True))
    document = json.loads(store.path.read_bytes())
    assert document["from_the_future"] == {"x": 1}
    assert document["compact"] is True


def test_broken_json_gives_defaults_and_is_left_alone(store: PreferencesStore) -> None:
    broken = b'{"theme": "dark",,}'
    write(store, broken)
    prefs = store.load()
    assert prefs == Preferences()
    assert store.needs_set_aside
    [problem] = store.problems
    assert problem.line == 1
    assert store.messages()[0].startswith(f"{store.path}:1:")
    store.save(prefs)  # nothing changed: the broken file is not written over
    assert store.path.read_bytes() == broken
    assert not store.path.with_name("preferences.json.broken").exists()


def test_broken_file_is_moved_aside_on_the_first_real_change(store: PreferencesStore) -> None:
    broken = b"\xff\xfe not json"
    write(store, broken)
    prefs = store.load()
    store.save(dataclasses.replace(prefs, compact=True))
    assert store.path.with_name("preferences.json.broken").read_bytes() == broken
    assert PreferencesStore(store.path).load().compact
    assert not store.needs_set_aside
    store.save(dataclasses.replace(prefs, compact=False))  # later saves just write
    assert store.path.with_name("preferences.json.broken").read_bytes() == broken


def test_an_older_broken_copy_is_not_overwritten(store: PreferencesStore) -> None:
    write(store, b"[1, 2]")
    store.path.with_name("preferences.json.broken").write_bytes(b"older")
    prefs = store.load()
    [problem] = store.problems
    assert "JSON" in problem.message
    store.save(dataclasses.replace(prefs, notify=False))
    assert store.path.with_name("preferences.json.broken").read_bytes() == b"older"
    assert store.path.with_name("preferences.json.broken.1").read_bytes() == b"[1, 2]"


def test_invalid_fields_fall_back_one_by_one(store: PreferencesStore) -> None:
    original = b'{"theme": "sepia", "language": "fr", "compact": true, "copy_format": "dial"}'
    write(store, original)
    prefs = store.load()
    assert prefs.compact
    assert prefs.copy_format is CopyFormat.DIAL
    assert prefs.theme == "system"
    assert prefs.language is None
    assert sorted(p.path or "" for p in store.problems) == ["language", "theme"]
    assert store.needs_set_aside
    store.save(dataclasses.replace(prefs, week_view=True))
    assert store.path.with_name("preferences.json.broken").read_bytes() == original


def test_unreadable_file_gives_defaults_with_a_problem(store: PreferencesStore) -> None:
    store.path.mkdir(parents=True)  # a folder where the file should be
    assert store.load() == Preferences()
    assert len(store.problems) == 1
    assert store.needs_set_aside


def test_problem_language_follows_the_store(store: PreferencesStore) -> None:
    write(store, b'"just a string"')
    store.lang = "en"
    store.load()
    assert store.problems[0].message.startswith("the preferences must be a JSON object")
    store.lang = "es"
    store.load()
    assert store.problems[0].message.startswith("las preferencias deben ser")


def test_save_is_atomic_on_failure(
    store: PreferencesStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.load()
    store.save(Preferences(theme="dark"))
    before = store.path.read_bytes()

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", disk_full)
    with pytest.raises(OSError):
        store.save(Preferences(theme="light"))
    assert store.path.read_bytes() == before
    assert [p.name for p in store.path.parent.iterdir()] == ["preferences.json"]


def test_serialisation_is_stable_and_readable() -> None:
    data = preferences_to_bytes(Preferences(watched_channels=["mesa"]))
    assert data.endswith(b"\n")
    assert json.loads(data)["watched_channels"] == ["mesa"]
    assert preferences_to_bytes(Preferences(watched_channels=["mesa"])) == data
