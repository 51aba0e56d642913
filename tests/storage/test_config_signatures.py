"""The store and its signatures: what is read is verified, what is written carries its
signature as a pair, and no failure or crash leaves a file accepted under a signature that
is not its own."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from pathlib import Path

import pytest

from app.domain.document import config_from_document
from app.resources import default_config_path
from app.storage import atomic
from app.storage import minisign as m
from app.storage.config_store import ConfigFileError, ConfigStore, signature_path
from app.storage.last_good import LastKnownGood

STAMP = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)
KEY = m.generate_key()
OTHER = m.generate_key()
DEFAULT = json.loads(default_config_path().read_text(encoding="utf-8"))


@dataclasses.dataclass(frozen=True)
class Policy:
    trusted_keys: tuple[m.PublicKey, ...] = (KEY.public_key,)
    require_signature: bool = True


def named(name: str) -> bytes:
    doc = json.loads(json.dumps(DEFAULT))
    doc["channels"][0]["name"] = name
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")


def signer(key: m.SecretKey = KEY):
    return lambda data: m.sign(data, key, "timestamp:1795996303\tfile:config.json\thashed")


def store_for(path: Path, policy: Policy | None = None) -> ConfigStore:
    return ConfigStore(path, None, default_config_path(), signatures=policy or Policy())


def write_signed(path: Path, data: bytes, key: m.SecretKey = KEY) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    signature_path(path).write_bytes(signer(key)(data))


def config_named(name: str):
    return config_from_document(json.loads(named(name)))


def test_a_signed_save_writes_the_pair_and_reports_the_signer(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    write_signed(path, named("Antes"))
    store = store_for(path)
    loaded = store.load()
    assert loaded.signer is not None and loaded.signer.key_id == KEY.key_id_hex

    saved = store.save(
        config_named("Después"), expected_digest=loaded.digest, stamp=STAMP, sign=signer()
    )

    assert saved.signer is not None and saved.minisig == signature_path(path).read_bytes()
    again = store.load()
    assert again.config.channels[0].name == "Después"
    assert again.signer == saved.signer


def test_an_unsigned_save_is_refused_when_required_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    path = tmp_path / "config.json"
    write_signed(path, named("Antes"))
    before = (path.read_bytes(), signature_path(path).read_bytes())
    store = store_for(path)
    loaded = store.load()
    with pytest.raises(ConfigFileError) as info:
        store.save(config_named("Después"), expected_digest=loaded.digest, stamp=STAMP)
    assert info.value.lines() == [
        f"{path}: la política administrada exige archivos de configuración firmados; "
        "fírmelo para guardar"
    ]
    with pytest.raises(ConfigFileError) as foreign:
        store.save(
            config_named("Después"),
            expected_digest=loaded.digest,
            stamp=STAMP,
            sign=signer(OTHER),
        )
    assert "que no es de confianza" in foreign.value.lines()[0]
    assert (path.read_bytes(), signature_path(path).read_bytes()) == before


def test_an_unsigned_save_removes_the_old_signature_rather_than_leave_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "config.json"
    write_signed(path, named("Antes"))
    store = store_for(path, Policy(require_signature=False))
    loaded = store.load()
    store.save(config_named("Después"), expected_digest=loaded.digest, stamp=STAMP)
    assert not signature_path(path).exists()
    assert store.load().signer is None


def test_signing_the_same_bytes_anew_rewrites_only_the_signature(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    write_signed(path, named("Igual"), OTHER)
    store = store_for(path, Policy(trusted_keys=(KEY.public_key, OTHER.public_key)))
    loaded = store.load()
    assert loaded.signer is not None and loaded.signer.key_id == OTHER.key_id_hex
    first = store.save(
        loaded.config, expected_digest=loaded.digest, stamp=STAMP, sign=signer(OTHER)
    )
    backups = sorted((tmp_path / "backups").iterdir())
    store.save(first.config, expected_digest=first.digest, stamp=STAMP, sign=signer())
    assert store.load().raw == first.raw
    assert store.load().signer.key_id == KEY.key_id_hex  # type: ignore[union-attr]
    assert sorted((tmp_path / "backups").iterdir()) == backups  # the same bytes: no backup


def test_when_the_last_rename_fails_the_old_signature_is_put_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "config.json"
    write_signed(path, named("Antes"))
    before = (path.read_bytes(), signature_path(path).read_bytes())
    store = store_for(path)
    loaded = store.load()
    real = atomic._replace

    def failing_on_the_config(source: Path, target: Path, retry: float) -> None:
        if target == path:
            raise PermissionError(13, "denied", str(target))
        real(source, target, retry)

    monkeypatch.setattr(atomic, "_replace", failing_on_the_config)
    with pytest.raises(ConfigFileError):
        store.save(
            config_named("Después"), expected_digest=loaded.digest, stamp=STAMP, sign=signer()
        )
    monkeypatch.undo()
    assert (path.read_bytes(), signature_path(path).read_bytes()) == before
    assert store.load().config.channels[0].name == "Antes"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_crash_between_the_two_renames_leaves_a_pair_that_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The process dies after the new signature is in place and before the new file is: the
    old file under the new signature must not load (nor, in the other order, the reverse)."""
    path = tmp_path / "config.json"
    write_signed(path, named("Antes"))
    store = store_for(path)
    loaded = store.load()
    real = atomic._replace

    class Crash(BaseException):
        pass

    def crash_on_the_config(source: Path, target: Path, retry: float) -> None:
        if target == path:
            raise Crash
        real(source, target, retry)

    monkeypatch.setattr(atomic, "_replace", crash_on_the_config)
    real_write = atomic._write

    def no_restore(target: Path, *args: object) -> None:
        if target == signature_path(path):
            raise Crash
        real_write(target, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic, "_write", no_restore)
    with pytest.raises(Crash):  # the restore cannot run either: as if the power went
        store.save(
            config_named("Después"), expected_digest=loaded.digest, stamp=STAMP, sign=signer()
        )
    monkeypatch.undo()
    assert path.read_bytes() == named("Antes")  # the old file, the new signature
    with pytest.raises(ConfigFileError) as info:
        store.load()
    assert "no corresponde al archivo" in info.value.lines()[0]


def test_a_full_disk_before_any_rename_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "config.json"
    write_signed(path, named("Antes"))
    before = (path.read_bytes(), signature_path(path).read_bytes())
    store = store_for(path)
    loaded = store.load()
    real = atomic._write_temp

    def full_for_the_config(target: Path, data: bytes, mode: int):
        if target == path:
            raise OSError(28, os.strerror(28), str(target))
        return real(target, data, mode)

    monkeypatch.setattr(atomic, "_write_temp", full_for_the_config)
    with pytest.raises(ConfigFileError):
        store.save(
            config_named("Después"), expected_digest=loaded.digest, stamp=STAMP, sign=signer()
        )
    monkeypatch.undo()
    assert (path.read_bytes(), signature_path(path).read_bytes()) == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_the_signature_of_a_linked_file_is_beside_its_target(tmp_path: Path) -> None:
    team = tmp_path / "share" / "team.json"
    write_signed(team, named("Del equipo"))
    link = tmp_path / "mine" / "config.json"
    link.parent.mkdir()
    link.symlink_to(team)
    assert signature_path(link) == signature_path(team)
    assert store_for(link).load().signer is not None


def test_an_oversized_or_unreadable_signature_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    write_signed(path, named("Antes"))
    signature_path(path).write_bytes(b"untrusted comment: x\n" + b"A" * 20_000)
    with pytest.raises(ConfigFileError) as big:
        store_for(path).load()
    assert big.value.lines() == [
        f"{path}: la firma config.json.minisig está mal formada (demasiado grande)"
    ]
    signature_path(path).unlink()
    os.mkfifo(signature_path(path))  # a FIFO is refused without blocking
    with pytest.raises(ConfigFileError) as fifo:
        store_for(path).load()
    assert fifo.value.lines()[0].startswith(
        f"{path}: no se puede leer la firma config.json.minisig"
    )


def test_the_last_good_copy_keeps_its_signature_and_is_verified_again(tmp_path: Path) -> None:
    path = tmp_path / "share" / "config.json"
    write_signed(path, named("Copia"))
    store = store_for(path)
    loaded = store.load()
    kept = LastKnownGood(tmp_path / "cache")
    assert kept.remember(path, loaded.raw, STAMP, loaded.minisig)
    copy = store.read(kept.copy_path(path))
    assert copy.signer == loaded.signer
    # a copy whose signature is gone is refused like any unsigned file: a cache is no rule
    kept.signature_path(path).unlink()
    with pytest.raises(ConfigFileError):
        store.read(kept.copy_path(path))
    # remembering the same bytes with their signature puts the signature back
    assert kept.remember(path, loaded.raw, STAMP, loaded.minisig)
    assert store.read(kept.copy_path(path)).signer is not None


def test_import_copies_the_signature_and_export_writes_it(tmp_path: Path) -> None:
    source = tmp_path / "team.json"
    write_signed(source, named("Importada"))
    active = tmp_path / "user" / "config.json"
    store = store_for(active)
    store.import_file(source, STAMP)
    assert signature_path(active).read_bytes() == signature_path(source).read_bytes()
    exported = tmp_path / "out" / "export.json"
    exported.parent.mkdir()
    store.export(exported, stamp=STAMP)
    assert m.verify(exported.read_bytes(), signature_path(exported).read_bytes(), [KEY.public_key])
    # an unsigned import (allowed without the requirement) leaves no stale signature behind
    unsigned = tmp_path / "unsigned.json"
    unsigned.write_bytes(named("Sin firma"))
    relaxed = store_for(active, Policy(require_signature=False))
    relaxed.import_file(unsigned, STAMP)
    assert not signature_path(active).exists()
    assert relaxed.load().config.channels[0].name == "Sin firma"
