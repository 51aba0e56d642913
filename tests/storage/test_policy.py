"""IT's managed policy: strict parsing, precedence of the config path, locking edits."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.bootstrap import build_services
from app.resources import default_config_path
from app.storage.config_store import ConfigFileError
from app.storage.policy import Policy, PolicyError, load_policy, read_policy

STAMP = dt.datetime(2026, 12, 1, 9, 30)


def write(path: Path, doc: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return path


def test_no_policy_file_is_no_policy(tmp_path: Path) -> None:
    assert load_policy(tmp_path / "policy.json") is None
    assert read_policy(tmp_path / "missing" / "policy.json") is None


def test_a_full_policy(tmp_path: Path) -> None:
    share = tmp_path / "share" / "config.json"
    policy = load_policy(
        write(
            tmp_path / "policy.json",
            {"config_path": str(share), "read_only": True, "managed_by": "Mesa de ayuda TI"},
        )
    )
    assert policy == Policy(tmp_path / "policy.json", share, True, "Mesa de ayuda TI")
    assert policy.manager == "Mesa de ayuda TI"


def test_an_empty_policy_changes_nothing(tmp_path: Path) -> None:
    policy = load_policy(write(tmp_path / "policy.json", {}))
    assert policy is not None
    assert (policy.config_path, policy.read_only, policy.managed_by) == (None, False, None)
    assert policy.manager == str(tmp_path / "policy.json")


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ('{"read_only": true,}', ":1:20: error de sintaxis JSON"),
        ({"read_only": "yes"}, ": read_only: debe ser true o false"),
        ({"readonly": True}, ": readonly: campo desconocido"),
        ({"config_path": "shared/config.json"}, ": config_path: «shared/config.json» debe ser"),
        ({"config_path": 7}, ": config_path: debe ser un texto"),
        ({"managed_by": ""}, ": managed_by: necesita al menos 1 carácter(es)"),
        ({"managed_by": "x" * 201}, ": managed_by: admite como mucho 200 caracteres"),
        ({"config_path": 1.5}, ": config_path: debe ser un texto"),
        ([], ": debe ser un objeto {...}"),
    ],
)
def test_a_broken_policy_is_reported_precisely_and_locks(
    tmp_path: Path, doc: object, expected: str
) -> None:
    path = write(tmp_path / "policy.json", doc)
    with pytest.raises(PolicyError) as info:
        load_policy(path)
    assert info.value.lines()[0].startswith(f"{path}{expected}"), info.value.lines()
    locked = read_policy(path)
    assert locked is not None
    assert locked.read_only and locked.config_path is None
    assert locked.problems == tuple(info.value.lines())


def site_policy(env: dict[str, str], doc: object) -> Path:
    return write(Path(env["XDG_CONFIG_DIRS"]) / "canales" / "policy.json", doc)


def test_the_policy_path_wins_over_the_per_user_file(
    isolated_env: dict[str, str], tmp_path: Path
) -> None:
    share = tmp_path / "share" / "config.json"
    site_policy(isolated_env, {"config_path": str(share)})
    services = build_services(None, isolated_env)
    assert services.store.path == share
    assert services.policy is not None and services.policy.config_path == share
    assert not services.store.read_only


def test_an_explicit_path_wins_but_stays_read_only(
    isolated_env: dict[str, str], tmp_path: Path
) -> None:
    share = tmp_path / "share" / "config.json"
    mine = write(tmp_path / "mine.json", default_config_path().read_text(encoding="utf-8"))
    site_policy(isolated_env, {"config_path": str(share), "read_only": True, "managed_by": "TI"})
    for services in (
        build_services(mine, isolated_env),
        build_services(None, {**isolated_env, "CANALES_CONFIG": str(mine)}),
    ):
        assert services.store.path == mine
        assert services.store.read_only and services.store.locked_by == "TI"
        loaded = services.store.load()
        with pytest.raises(ConfigFileError) as info:
            services.store.save(loaded.config, expected_digest=loaded.digest, stamp=STAMP)
        assert info.value.lines() == [
            f"{mine}: la edición está bloqueada por la política administrada (TI)"
        ]
        with pytest.raises(ConfigFileError):
            services.store.import_file(mine, STAMP)
        assert mine.read_bytes() == default_config_path().read_bytes()


def test_a_broken_policy_locks_the_store(isolated_env: dict[str, str]) -> None:
    path = site_policy(isolated_env, "{ nope")
    services = build_services(None, isolated_env)
    assert services.store.path == Path(isolated_env["XDG_CONFIG_HOME"]) / "canales" / "config.json"
    assert services.store.locked_by == str(path)
    assert services.policy is not None and services.policy.problems


def test_without_a_policy_nothing_is_locked(isolated_env: dict[str, str]) -> None:
    services = build_services(None, isolated_env)
    assert services.policy is None and not services.store.read_only


@given(
    control=st.characters(categories=["Cc", "Zl", "Zp"]),
    where=st.integers(min_value=1, max_value=20),
)
def test_a_control_character_in_the_config_path_is_a_policy_problem(
    tmp_path_factory: pytest.TempPathFactory, control: str, where: int
) -> None:
    folder = tmp_path_factory.mktemp("policy")
    good = str(folder / "share" / "config.json")
    value = good[:where] + control + good[where:]
    path = write(folder / "policy.json", {"config_path": value, "read_only": False})
    with pytest.raises(PolicyError) as info:
        load_policy(path)
    assert info.value.lines() == [
        f"{path}: config_path: la ruta contiene caracteres de control (p. ej. un byte nulo)"
    ]
    locked = read_policy(path, lang="en")
    assert locked is not None and locked.read_only and locked.config_path is None
    assert locked.problems == (
        f"{path}: config_path: the path contains control characters (e.g. a null byte)",
    )


def test_a_nul_in_the_policy_path_locks_the_store_and_loads_the_default(
    isolated_env: dict[str, str],
) -> None:
    policy = site_policy(isolated_env, {"config_path": "/srv/canales\u0000/config.json"})
    services = build_services(None, isolated_env)
    assert services.store.locked_by == str(policy)
    assert services.store.load().is_default


def test_a_valid_policy_is_read_without_pydantic(tmp_path: Path) -> None:
    """IT's policy is read at every start: like a valid configuration, a valid policy is
    checked by every rule without importing pydantic (≈14 MB and 0.1 s on each console)."""
    path = write(tmp_path / "policy.json", {"read_only": True, "managed_by": "Mesa de ayuda TI"})
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from app.storage.policy import load_policy\n"
        f"policy = load_policy(Path({str(path)!r}))\n"
        "print(policy.read_only, 'pydantic' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["True", "False"]


# signatures ---------------------------------------------------------------------------------

KEY_LINE = "RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3"


def test_trusted_keys_and_require_signature(tmp_path: Path) -> None:
    pub_file = f"untrusted comment: minisign public key 9DB5F6A1D3C62E87\n{KEY_LINE}\n"
    policy = load_policy(
        write(
            tmp_path / "policy.json",
            {"trusted_keys": [KEY_LINE, pub_file], "require_signature": True},
        )
    )
    assert policy is not None and policy.require_signature
    assert [key.base64() for key in policy.trusted_keys] == [KEY_LINE, KEY_LINE]


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (
            {"trusted_keys": [KEY_LINE, "RWQ-nope"]},
            ": trusted_keys[1]: no es una clave pública de minisign",
        ),
        ({"trusted_keys": [7]}, ": trusted_keys[0]: debe ser un texto"),
        ({"trusted_keys": KEY_LINE}, ": trusted_keys: debe ser una lista"),
        ({"require_signature": "yes"}, ": require_signature: debe ser true o false"),
        (
            {"require_signature": True},
            ": require_signature: exigir firmas requiere al menos una clave en trusted_keys",
        ),
    ],
)
def test_a_bad_signature_setting_is_a_located_policy_problem(
    tmp_path: Path, doc: object, expected: str
) -> None:
    path = write(tmp_path / "policy.json", doc)
    with pytest.raises(PolicyError) as info:
        load_policy(path)
    assert info.value.lines()[0].startswith(f"{path}{expected}"), info.value.lines()


@pytest.mark.parametrize(
    ("text", "required", "keys"),
    [
        ('{"require_signature": true, "trusted_keys": ["' + KEY_LINE + '", 3], "x": 1}', True, 1),
        ('{"require_signature": true, "oops": 1}', True, 0),
        ('{"require_signature": false, "oops": 1}', False, 0),
        ('{"require_signature": true,,}', True, 0),  # not even JSON: the word decides
        ('{"read_only": 1}', False, 0),
    ],
)
def test_a_broken_policy_keeps_requiring_signatures(
    tmp_path: Path, text: str, required: bool, keys: int
) -> None:
    policy = read_policy(write(tmp_path / "policy.json", text))
    assert policy is not None and policy.problems and policy.read_only
    assert policy.require_signature is required
    assert len(policy.trusted_keys) == keys
