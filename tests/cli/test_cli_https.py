"""``canales`` with an ``https://`` source, in real subprocesses against a real server.

The child trusts the test CA the way production trusts IT's: through the system's store, which
``truststore`` reads on Linux through OpenSSL's default verify paths — so ``SSL_CERT_FILE``
names the CA file and no test-only code exists in the application. (On Windows and macOS
truststore asks the platform's verifier, which ignores that variable: these subprocess tests
run where CI runs, on Linux; the in-process tests cover every platform through the injectable
context factory.)"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from cli_run import canales, no_traceback
from https_server import ConfigServer, LocalCA, free_port

from app.resources import default_config_path
from app.storage import minisign
from app.storage.policy import read_policy

pytestmark = pytest.mark.skipif(
    sys.platform != "linux", reason="truststore reads SSL_CERT_FILE through OpenSSL on Linux only"
)


def team(name: str) -> bytes:
    document = json.loads(default_config_path().read_bytes())
    document["organisation"]["name"] = name
    return json.dumps(document, ensure_ascii=False).encode()


@pytest.fixture
def https_env(env: dict[str, str], tmp_path: Path, test_ca: LocalCA) -> dict[str, str]:
    ca_file = tmp_path / "ca.pem"
    test_ca.write_pem(ca_file)
    return {**env, "SSL_CERT_FILE": str(ca_file), "TZ": "America/Bogota"}


def test_status_fetches_the_published_configuration(
    https_env: dict[str, str], config_server: ConfigServer
) -> None:
    config_server.publish(team("Mesa de ayuda remota"))
    result = canales(https_env, "--config", config_server.url(), "status", "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    doc = json.loads(result.stdout)
    source = doc["source"]
    assert source["url"] == config_server.url()
    assert source["etag"] == config_server.etag_of(team("Mesa de ayuda remota"))
    assert source["fetched_at"] is not None
    assert source["signed_by"] is None
    table = canales(https_env, "--config", config_server.url(), "status")
    assert table.returncode == 0
    assert table.stdout.startswith("Mesa de ayuda remota")
    assert config_server.requests[-1].headers["if-none-match"] == source["etag"]  # conditional
    assert config_server.requests[-1].status == 304


def test_an_unreachable_server_with_a_copy_prints_the_copy_and_warns(
    https_env: dict[str, str], config_server: ConfigServer
) -> None:
    config_server.publish(team("Equipo en caché"))
    url = config_server.url()
    assert canales(https_env, "--config", url, "status").returncode == 0
    config_server.stop()
    result = canales(https_env, "--config", url, "status")
    assert result.returncode == 0
    assert result.stdout.startswith("Equipo en caché")
    [warning] = result.stderr.splitlines()
    assert warning.startswith(f"canales: {url}: no se puede conectar con el servidor (")
    assert "; se muestra la copia del " in warning
    no_traceback(result)


def test_an_unreachable_server_without_a_copy_is_one_line_and_exit_1(
    https_env: dict[str, str],
) -> None:
    url = f"https://127.0.0.1:{free_port()}/config.json"
    result = canales({**https_env, "CANALES_LANG": "en"}, "--config", url, "status")
    assert result.returncode == 1
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"canales: {url}: the server cannot be reached (")
    assert line.endswith("; no copy of it has been fetched on this machine yet")


def test_a_404_without_a_copy_is_one_line(
    https_env: dict[str, str], config_server: ConfigServer
) -> None:
    result = canales({**https_env, "CANALES_LANG": "en"}, "--config", config_server.url(), "status")
    assert result.returncode == 1
    assert result.stderr == (
        f"canales: {config_server.url()}: the server answered 404 Not Found; "
        "no copy of it has been fetched on this machine yet\n"
    )


def test_an_invalid_new_version_keeps_the_copy_and_names_the_problem(
    https_env: dict[str, str], config_server: ConfigServer
) -> None:
    url = config_server.url()
    config_server.publish(team("Equipo A"))
    assert canales(https_env, "--config", url, "status").returncode == 0
    config_server.publish(b'{"organisation": ')
    env = {**https_env, "CANALES_LANG": "en"}
    result = canales(env, "--config", url, "status")
    assert result.returncode == 0
    assert result.stdout.startswith("Equipo A")
    [warning] = result.stderr.splitlines()
    assert warning.startswith(f"canales: {url}: the published version was not applied ({url}:1:")
    validate = canales(env, "--config", url, "config", "validate")
    assert validate.returncode == 1
    assert validate.stdout.startswith(f"{url}:1:18: ")


def test_a_bad_signature_is_refused_by_status_and_validate(
    https_env: dict[str, str], config_server: ConfigServer
) -> None:
    key = minisign.generate_key()
    policy = Path(https_env["XDG_CONFIG_DIRS"]) / "canales" / "policy.json"
    policy.parent.mkdir()
    policy.write_text(
        json.dumps(
            {
                "config_url": config_server.url(),
                "trusted_keys": [key.public_key.base64()],
                "require_signature": True,
            }
        )
    )
    good = team("Equipo firmado")
    config_server.publish(good)
    config_server.publish(minisign.sign(good, key, "Ana"), "/config.json.minisig")
    env = {**https_env, "CANALES_LANG": "en"}
    signed = canales(env, "status", "--json")  # the policy's config_url: no --config
    assert signed.returncode == 0, signed.stderr
    assert json.loads(signed.stdout)["source"]["signed_by"] == key.key_id_hex
    config_server.publish(team("Equipo alterado"))  # the old signature no longer matches
    result = canales(env, "status")
    assert result.returncode == 0
    assert result.stdout.startswith("Equipo firmado")
    [warning] = result.stderr.splitlines()
    assert "the published version was not applied" in warning
    assert f"{config_server.url()}.minisig" in warning
    assert canales(env, "config", "validate").returncode == 1


def test_plain_http_is_refused_everywhere(env: dict[str, str]) -> None:
    result = canales({**env, "CANALES_LANG": "en"}, "--config", "http://intranet/c.json", "status")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "canales: error: --config: http://intranet/c.json: plain http:// is refused (anyone on "
        "the network could change the configuration); publish it over https:// and use that "
        "address"
    )
    from_env = canales({**env, "CANALES_CONFIG": "http://intranet/c.json"}, "status")
    assert from_env.returncode == 2
    assert from_env.stderr.startswith("canales: CANALES_CONFIG: http://intranet/c.json: ")
    policy = Path(env["XDG_CONFIG_DIRS"]) / "canales" / "policy.json"
    policy.parent.mkdir()
    policy.write_text(json.dumps({"config_url": "http://intranet/c.json"}))
    [problem] = read_policy(policy, lang="en").problems  # a broken policy: editing locked
    assert (
        problem
        == f"{policy}: config_url: plain http:// is refused; publish the configuration over https://"
    )
    broken = canales({**env, "CANALES_LANG": "en"}, "config", "import", str(default_config_path()))
    assert broken.returncode == 1  # locked, as any broken policy locks


def test_config_path_and_export_with_a_url(
    https_env: dict[str, str], config_server: ConfigServer, tmp_path: Path
) -> None:
    config_server.publish(team("Equipo A"))
    env = {**https_env, "CANALES_LANG": "en"}
    url = config_server.url()
    before = canales(env, "--config", url, "config", "path")
    assert before.stdout.splitlines() == [
        url,
        "published over HTTPS; not fetched on this machine yet",
    ]
    target = tmp_path / "copia.json"
    exported = canales(env, "--config", url, "config", "export", str(target))
    assert exported.returncode == 0, exported.stderr
    assert target.read_bytes() == team("Equipo A")
    after = canales(env, "--config", url, "config", "path")
    assert after.stdout.splitlines()[1].startswith(
        "published over HTTPS; the copy on this machine was fetched "
    )
    refused = canales(env, "--config", url, "config", "import", str(target))
    assert refused.returncode == 1
    assert f"the configuration is published at {url}" in refused.stderr


@pytest.mark.parametrize(
    ("breakage", "reason"),
    [
        ("500", "the server answered 500 Internal Server Error"),
        ("oversize", "the configuration is over 5 MB; it was not downloaded"),
        ("redirect-to-http", "redirected to http://127.0.0.1:9/config.json, which is not https://"),
    ],
)
def test_status_on_a_server_failure_prints_the_copy_and_names_the_failure(
    https_env: dict[str, str], config_server: ConfigServer, breakage: str, reason: str
) -> None:
    url = config_server.url()
    env = {**https_env, "CANALES_LANG": "en"}
    config_server.publish(team("Equipo A"))
    assert canales(env, "--config", url, "status").returncode == 0
    if breakage == "500":
        config_server.behaviour.status = 500
    elif breakage == "oversize":
        config_server.publish(b" " * (5 * 2**20 + 1))
    else:
        config_server.behaviour.redirect = "http://127.0.0.1:9/config.json"
    result = canales(env, "--config", url, "status")
    assert result.returncode == 0
    assert result.stdout.startswith("Equipo A")
    [warning] = result.stderr.splitlines()
    assert warning.startswith(f"canales: {url}: {reason}")
    assert "; showing the copy from " in warning
