"""Detached signatures in minisign's format (https://jedisct1.github.io/minisign/): the
configuration a supervisor publishes carries ``FILE.minisig``, which ``minisign -V`` and
Canales both verify. Only the file format is written here; Ed25519 comes from
``cryptography`` and BLAKE2b / scrypt from ``hashlib`` (``cryptography`` is imported inside
the functions that need it: ``canales status`` without signatures never pays for it).

The interface (stable; the HTTPS source verifies ``URL.minisig`` with it):

- ``parse_public_key(text) -> PublicKey`` — the base64 line, or a whole ``minisign.pub``
  with its untrusted comment. ``PublicKey.key_id_hex`` is the id as minisign prints it.
- ``load_secret_key(text, password) -> SecretKey`` — a file made by ``minisign -G``
  (password-protected: scrypt-derived XOR and a BLAKE2b checksum) or ``minisign -G -W``
  (unencrypted; ``password`` is then ignored). ``secret_key_is_encrypted(text)`` says
  whether to ask for one. ``generate_key()`` / ``secret_key_file(...)`` /
  ``public_key_file(...)`` write a pair minisign can use.
- ``sign(data, secret_key, trusted_comment, untrusted_comment) -> bytes`` — the
  ``.minisig`` text: algorithm ``ED`` (Ed25519 over BLAKE2b-512 of the data), then the
  global signature over the signature and the trusted comment.
- ``verify(data, minisig, trusted_keys) -> Signer`` or ``SignatureProblem`` with a
  ``reason`` among ``SIGNATURE_REASONS`` (missing, malformed, unknown key, bad signature,
  bad trusted comment); ``problem.message(lang)`` words it in Spanish or English.
- ``check_signature(data, minisig, policy) -> Signer | None`` — the rule every
  configuration source applies: with ``require_signature`` a missing, malformed,
  unknown-key or non-matching signature is refused; without it a present signature is
  still verified against ``trusted_keys`` when there are any (a bad signature is never
  accepted silently), and the signer reported. None: nothing was verified.

A ``Signer`` is the key id (hex, as minisign prints it), the trusted comment (which the
signature covers) and the signing time when the trusted comment carries ``timestamp:``.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final, Protocol

from app.domain.texts import N_, tr

SIGNATURE_SUFFIX: Final = ".minisig"
# minisign's own limits (COMMENTMAXBYTES, TRUSTEDCOMMENTMAXBYTES) bound a signature file.
MAX_SIGNATURE_BYTES: Final = 16 * 1024
MAX_KEY_FILE_BYTES: Final = 4 * 1024
_COMMENT_MAX: Final = 1024
_TRUSTED_COMMENT_MAX: Final = 8192

_UNTRUSTED_PREFIX: Final = b"untrusted comment: "
_TRUSTED_PREFIX: Final = b"trusted comment: "
_SIG_ALG: Final = b"Ed"  # keys, and legacy signatures over the data itself
_SIG_ALG_HASHED: Final = b"ED"  # signatures over BLAKE2b-512 of the data
_KDF_SCRYPT: Final = b"Sc"
_KDF_NONE: Final = b"\x00\x00"
_CHK_BLAKE2B: Final = b"B2"
_KEY_ID_BYTES: Final = 8
_PUBLIC_KEY_BYTES: Final = 2 + _KEY_ID_BYTES + 32
_SIGNATURE_BYTES: Final = 2 + _KEY_ID_BYTES + 64
_SECRET_KEY_BYTES: Final = 2 + 2 + 2 + 32 + 8 + 8 + _KEY_ID_BYTES + 64 + 32
_KEYNUM_SK_BYTES: Final = _KEY_ID_BYTES + 64 + 32

# libsodium's crypto_pwhash_scryptsalsa208sha256_*_SENSITIVE: what ``minisign -G`` uses.
OPSLIMIT_SENSITIVE: Final = 33554432
MEMLIMIT_SENSITIVE: Final = 1073741824
# A key file decides the scrypt cost; a hostile one must not take the machine's memory or
# minutes of work: at most minisign's own cost, a little over.
_MAX_SCRYPT_MEMORY: Final = 2 * MEMLIMIT_SENSITIVE
_MAX_SCRYPT_WORK: Final = 4 * (1 << 20) * 8

_TIMESTAMP: Final = re.compile(r"(?:^|\t)timestamp:(\d{1,12})(?:\t|$)")

DEFAULT_UNTRUSTED_COMMENT: Final = "signature from canales secret key"
SECRET_KEY_COMMENT: Final = "minisign encrypted secret key"

SIGNATURE_REASONS: Final = (
    "missing",
    "malformed",
    "unknown_key",
    "bad_signature",
    "bad_trusted_comment",
)

_TEXTS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "missing": N_("signature required: {file} is missing"),
        "malformed": N_("the signature {file} is malformed ({detail})"),
        "unknown_key": N_(
            "the signature {file} was made with key {key_id}, which is not a trusted key"
        ),
        "bad_signature": N_(
            "the signature {file} does not match the file (altered, or signed another file)"
        ),
        "bad_trusted_comment": N_("the trusted comment in {file} was altered"),
        "malformed_public_key": N_("not a minisign public key ({detail})"),
        "malformed_secret_key": N_("not a minisign secret key ({detail})"),
        "unsupported_key": N_("unsupported minisign secret key ({detail})"),
        "wrong_password": N_("wrong password for this key"),
        "password_required": N_("this secret key is protected by a password"),
        "key_mismatch": N_("the secret key is damaged (its public half does not match)"),
        "comment_line": N_("a comment must be one line of at most {limit} bytes"),
    }
)

# Details inside the malformed messages (kept short; the message around them is translated).
_DETAILS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "too_big": N_("too big"),
        "not_text": N_("not text"),
        "lines": N_("four lines expected"),
        "untrusted": N_("the first line must start with “untrusted comment:”"),
        "trusted": N_("the third line must start with “trusted comment:”"),
        "base64": N_("invalid base64"),
        "length": N_("wrong length"),
        "algorithm": N_("unknown algorithm"),
        "comment_too_long": N_("comment too long"),
        "empty": N_("empty"),
        "scrypt_cost": N_("its password protection asks for too much memory or work"),
        "kdf": N_("unknown key derivation"),
        "checksum": N_("unknown checksum"),
    }
)


class SignatureProblem(Exception):
    """A signature was refused. ``reason`` is one of ``SIGNATURE_REASONS``; ``file`` names
    the signature (set by whoever read it); ``message(lang)`` is the sentence to show."""

    def __init__(
        self, reason: str, *, detail: str | None = None, key_id: str | None = None
    ) -> None:
        super().__init__(reason if detail is None else f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
        self.key_id = key_id
        self.file = SIGNATURE_SUFFIX

    def named(self, file: str) -> SignatureProblem:
        self.file = file
        return self

    def message(self, lang: str) -> str:
        detail = _detail(lang, self.detail)
        return tr(lang, _TEXTS[self.reason], file=self.file, key_id=self.key_id, detail=detail)


class KeyProblem(Exception):
    """A key file or key text cannot be used (``reason`` keys ``_TEXTS``)."""

    def __init__(self, reason: str, detail: str | None = None) -> None:
        super().__init__(reason if detail is None else f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail

    def message(self, lang: str) -> str:
        detail = _detail(lang, self.detail)
        return tr(lang, _TEXTS[self.reason], detail=detail, limit=_COMMENT_MAX)


def _detail(lang: str, detail: str | None) -> str | None:
    return tr(lang, _DETAILS[detail]) if detail is not None and detail in _DETAILS else detail


def key_id_hex(key_id: bytes) -> str:
    """The id as minisign prints it (``%016X`` of the little-endian number)."""
    return f"{int.from_bytes(key_id, 'little'):016X}"


@dataclass(frozen=True)
class PublicKey:
    key_id: bytes
    key: bytes

    @property
    def key_id_hex(self) -> str:
        return key_id_hex(self.key_id)

    def base64(self) -> str:
        return base64.b64encode(_SIG_ALG + self.key_id + self.key).decode("ascii")

    def file_text(self) -> str:
        """A ``minisign.pub`` file, as ``minisign -G`` writes it."""
        return f"untrusted comment: minisign public key {self.key_id_hex}\n{self.base64()}\n"


@dataclass(frozen=True)
class SecretKey:
    key_id: bytes
    seed: bytes = field(repr=False)
    public: bytes

    @property
    def public_key(self) -> PublicKey:
        return PublicKey(self.key_id, self.public)

    @property
    def key_id_hex(self) -> str:
        return key_id_hex(self.key_id)


@dataclass(frozen=True)
class Signer:
    key_id: str
    trusted_comment: str
    signed_at: dt.datetime | None

    @property
    def note(self) -> str:
        """The trusted comment without minisign's own fields (``timestamp:``, ``file:``,
        ``hashed``): what a person wrote there, such as who approved the file."""
        fields = self.trusted_comment.split("\t")
        kept = [
            field
            for field in fields
            if field != "hashed" and not field.startswith(("timestamp:", "file:"))
        ]
        return " ".join(" ".join(kept).split())


class SignaturePolicy(Protocol):
    """What ``check_signature`` needs of the managed policy."""

    @property
    def trusted_keys(self) -> tuple[PublicKey, ...]: ...

    @property
    def require_signature(self) -> bool: ...


def _b64(text: bytes, length: int, problem: Callable[[str, str], Exception], reason: str) -> bytes:
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise problem(reason, "base64") from None
    if len(raw) != length:
        raise problem(reason, "length")
    return raw


def _lines(data: bytes) -> list[bytes]:
    return [line.rstrip(b"\r") for line in data.split(b"\n")]


def parse_public_key(text: str | bytes) -> PublicKey:
    """A public key from its base64 line or a whole ``minisign.pub`` (``KeyProblem``)."""
    raw = text.encode("utf-8", "replace") if isinstance(text, str) else text
    if len(raw) > MAX_KEY_FILE_BYTES:
        raise KeyProblem("malformed_public_key", "too_big")
    lines = [line.strip() for line in _lines(raw) if line.strip()]
    if lines and lines[0].startswith(_UNTRUSTED_PREFIX.rstrip()):
        lines = lines[1:]
    if len(lines) != 1:
        raise KeyProblem("malformed_public_key", "lines" if lines else "empty")
    blob = _b64(lines[0], _PUBLIC_KEY_BYTES, KeyProblem, "malformed_public_key")
    if blob[:2] != _SIG_ALG:
        raise KeyProblem("malformed_public_key", "algorithm")
    return PublicKey(blob[2:10], blob[10:])


def _pickparams(opslimit: int, memlimit: int) -> tuple[int, int, int]:
    """libsodium's ``pickparams``: scrypt's (N, r, p) from the two limits a key file stores."""
    opslimit = max(opslimit, 32768)
    r = 8
    if opslimit < memlimit // 32:
        p = 1
        max_n = opslimit // (r * 4)
        n_log2 = 1
        while n_log2 < 63 and (1 << n_log2) <= max_n // 2:
            n_log2 += 1
    else:
        max_n = memlimit // (r * 128)
        n_log2 = 1
        while n_log2 < 63 and (1 << n_log2) <= max_n // 2:
            n_log2 += 1
        max_rp = min((opslimit // 4) // (1 << n_log2), 0x3FFFFFFF)
        p = max_rp // r
    return 1 << n_log2, r, p


def _scrypt_stream(password: bytes, salt: bytes, opslimit: int, memlimit: int) -> bytes:
    n, r, p = _pickparams(opslimit, memlimit)
    memory = 128 * r * (n + p + 2)
    if p < 1 or memory > _MAX_SCRYPT_MEMORY or n * r * p > _MAX_SCRYPT_WORK:
        raise KeyProblem("unsupported_key", "scrypt_cost")
    return hashlib.scrypt(
        password, salt=salt, n=n, r=r, p=p, maxmem=memory + (16 << 20), dklen=_KEYNUM_SK_BYTES
    )


def _checksum(key_id: bytes, secret: bytes) -> bytes:
    return hashlib.blake2b(_SIG_ALG + key_id + secret, digest_size=32).digest()


def _secret_blob(text: str | bytes) -> bytes:
    raw = text.encode("utf-8", "replace") if isinstance(text, str) else text
    if len(raw) > MAX_KEY_FILE_BYTES:
        raise KeyProblem("malformed_secret_key", "too_big")
    lines = [line.strip() for line in _lines(raw) if line.strip()]
    if len(lines) != 2 or not lines[0].startswith(_UNTRUSTED_PREFIX.rstrip()):
        raise KeyProblem("malformed_secret_key", "lines")
    blob = _b64(lines[1], _SECRET_KEY_BYTES, KeyProblem, "malformed_secret_key")
    if blob[:2] != _SIG_ALG:
        raise KeyProblem("unsupported_key", "algorithm")
    if blob[2:4] not in (_KDF_SCRYPT, _KDF_NONE):
        raise KeyProblem("unsupported_key", "kdf")
    if blob[4:6] != _CHK_BLAKE2B:
        raise KeyProblem("unsupported_key", "checksum")
    return blob


def secret_key_is_encrypted(text: str | bytes) -> bool:
    """Whether loading this secret key needs a password (``KeyProblem`` when unusable)."""
    return _secret_blob(text)[2:4] == _KDF_SCRYPT


def load_secret_key(text: str | bytes, password: str | bytes | None) -> SecretKey:
    """The secret key of a minisign secret key file. ``KeyProblem``: ``wrong_password``,
    ``password_required``, ``malformed_secret_key``, ``unsupported_key``, ``key_mismatch``."""
    blob = _secret_blob(text)
    keynum_sk = blob[54:]
    if blob[2:4] == _KDF_SCRYPT:
        if password is None:
            raise KeyProblem("password_required")
        secret_password = password.encode("utf-8") if isinstance(password, str) else password
        salt = blob[6:38]
        opslimit = int.from_bytes(blob[38:46], "little")
        memlimit = int.from_bytes(blob[46:54], "little")
        stream = _scrypt_stream(secret_password, salt, opslimit, memlimit)
        keynum_sk = bytes(a ^ b for a, b in zip(keynum_sk, stream, strict=True))
        key_id, secret, checksum = keynum_sk[:8], keynum_sk[8:72], keynum_sk[72:]
        if not hmac.compare_digest(checksum, _checksum(key_id, secret)):
            raise KeyProblem("wrong_password")
    else:
        # minisign -W leaves the checksum zero and never checks it; the public half does.
        key_id, secret = keynum_sk[:8], keynum_sk[8:72]
    seed, public = secret[:32], secret[32:]
    if _public_from_seed(seed) != public:
        raise KeyProblem("key_mismatch")
    return SecretKey(key_id, seed, public)


def _public_from_seed(seed: bytes) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: PLC0415 - lazy
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat  # noqa: PLC0415 - lazy

    private = Ed25519PrivateKey.from_private_bytes(seed)
    return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def generate_key() -> SecretKey:
    """A new key pair with a random key id, as ``minisign -G`` makes one."""
    seed = os.urandom(32)
    return SecretKey(os.urandom(_KEY_ID_BYTES), seed, _public_from_seed(seed))


def _one_line(comment: str, limit: int) -> bytes:
    encoded = comment.encode("utf-8")
    if b"\n" in encoded or b"\r" in encoded or len(encoded) >= limit:
        raise KeyProblem("comment_line")
    return encoded


def secret_key_file(
    key: SecretKey,
    password: str | bytes | None,
    *,
    comment: str = SECRET_KEY_COMMENT,
    opslimit: int = OPSLIMIT_SENSITIVE,
    memlimit: int = MEMLIMIT_SENSITIVE,
) -> str:
    """A secret key file ``minisign -S -s`` reads: scrypt-protected with ``password`` at
    minisign's own cost, or unencrypted (as ``-W``) when ``password`` is None."""
    comment_line = _one_line(comment, _COMMENT_MAX - len(_UNTRUSTED_PREFIX))
    secret = key.seed + key.public
    if password is None:
        header = _SIG_ALG + _KDF_NONE + _CHK_BLAKE2B + bytes(32 + 8 + 8)
        keynum_sk = key.key_id + secret + bytes(32)
    else:
        secret_password = password.encode("utf-8") if isinstance(password, str) else password
        salt = os.urandom(32)
        limits = opslimit.to_bytes(8, "little") + memlimit.to_bytes(8, "little")
        header = _SIG_ALG + _KDF_SCRYPT + _CHK_BLAKE2B + salt + limits
        plain = key.key_id + secret + _checksum(key.key_id, secret)
        stream = _scrypt_stream(secret_password, salt, opslimit, memlimit)
        keynum_sk = bytes(a ^ b for a, b in zip(plain, stream, strict=True))
    blob = base64.b64encode(header + keynum_sk).decode("ascii")
    return f"untrusted comment: {comment_line.decode('utf-8')}\n{blob}\n"


def public_key_file(key: SecretKey) -> str:
    return key.public_key.file_text()


def default_trusted_comment(file_name: str, when: dt.datetime) -> str:
    """minisign's own default: ``timestamp:<unix>\\tfile:<name>\\thashed``."""
    name = " ".join(file_name.split()) or "-"
    return f"timestamp:{int(when.timestamp())}\tfile:{name}\thashed"


def sign(
    data: bytes,
    secret_key: SecretKey,
    trusted_comment: str,
    untrusted_comment: str = DEFAULT_UNTRUSTED_COMMENT,
) -> bytes:
    """The ``.minisig`` text for ``data`` (prehashed, algorithm ``ED``)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: PLC0415 - lazy

    untrusted = _one_line(untrusted_comment, _COMMENT_MAX - len(_UNTRUSTED_PREFIX))
    trusted = _one_line(trusted_comment, _TRUSTED_COMMENT_MAX - len(_TRUSTED_PREFIX))
    private = Ed25519PrivateKey.from_private_bytes(secret_key.seed)
    signature = private.sign(hashlib.blake2b(data, digest_size=64).digest())
    global_signature = private.sign(signature + trusted)
    lines = [
        _UNTRUSTED_PREFIX + untrusted,
        base64.b64encode(_SIG_ALG_HASHED + secret_key.key_id + signature),
        _TRUSTED_PREFIX + trusted,
        base64.b64encode(global_signature),
    ]
    return b"\n".join(lines) + b"\n"


@dataclass(frozen=True)
class _ParsedSignature:
    hashed: bool
    key_id: bytes
    signature: bytes
    trusted_comment: bytes
    global_signature: bytes


def _parse_signature(minisig: bytes) -> _ParsedSignature:
    if len(minisig) > MAX_SIGNATURE_BYTES:
        raise SignatureProblem("malformed", detail="too_big")
    if b"\x00" in minisig:
        raise SignatureProblem("malformed", detail="not_text")
    lines = _lines(minisig)
    if len(lines) < 4:
        raise SignatureProblem("malformed", detail="lines")
    untrusted, sig_line, trusted, global_line = lines[:4]
    if not untrusted.startswith(_UNTRUSTED_PREFIX):
        raise SignatureProblem("malformed", detail="untrusted")
    if len(untrusted) >= _COMMENT_MAX:
        raise SignatureProblem("malformed", detail="comment_too_long")
    if not trusted.startswith(_TRUSTED_PREFIX):
        raise SignatureProblem("malformed", detail="trusted")
    comment = trusted[len(_TRUSTED_PREFIX) :]
    if len(trusted) >= _TRUSTED_COMMENT_MAX:
        raise SignatureProblem("malformed", detail="comment_too_long")
    blob = _b64(sig_line.strip(), _SIGNATURE_BYTES, _malformed, "malformed")
    if blob[:2] not in (_SIG_ALG, _SIG_ALG_HASHED):
        raise SignatureProblem("malformed", detail="algorithm")
    global_signature = _b64(global_line.strip(), 64, _malformed, "malformed")
    return _ParsedSignature(
        blob[:2] == _SIG_ALG_HASHED, blob[2:10], blob[10:], comment, global_signature
    )


def _malformed(reason: str, detail: str) -> SignatureProblem:
    return SignatureProblem(reason, detail=detail)


def _signed_at(comment: str) -> dt.datetime | None:
    match = _TIMESTAMP.search(comment)
    if match is None:
        return None
    try:
        return dt.datetime.fromtimestamp(int(match.group(1)), dt.UTC)
    except (OverflowError, OSError, ValueError):
        return None


def verify(data: bytes, minisig: bytes | None, trusted_keys: Sequence[PublicKey]) -> Signer:
    """Who signed ``data`` with ``minisig``, among ``trusted_keys``; ``SignatureProblem``
    otherwise (None: the signature is missing)."""
    from cryptography.exceptions import InvalidSignature  # noqa: PLC0415 - lazy
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey  # noqa: PLC0415 - lazy

    if minisig is None:
        raise SignatureProblem("missing")
    parsed = _parse_signature(minisig)
    key = next((k for k in trusted_keys if hmac.compare_digest(k.key_id, parsed.key_id)), None)
    if key is None:
        raise SignatureProblem("unknown_key", key_id=key_id_hex(parsed.key_id))
    try:
        public = Ed25519PublicKey.from_public_bytes(key.key)
    except ValueError:
        raise SignatureProblem("bad_signature") from None
    message = hashlib.blake2b(data, digest_size=64).digest() if parsed.hashed else data
    try:
        public.verify(parsed.signature, message)
    except InvalidSignature:
        raise SignatureProblem("bad_signature") from None
    try:
        public.verify(parsed.global_signature, parsed.signature + parsed.trusted_comment)
    except InvalidSignature:
        raise SignatureProblem("bad_trusted_comment") from None
    comment = parsed.trusted_comment.decode("utf-8", "replace")
    return Signer(key.key_id_hex, comment, _signed_at(comment))


def check_signature(
    data: bytes, minisig: bytes | None, policy: SignaturePolicy | None
) -> Signer | None:
    """The policy's rule for one configuration source (see the module docstring)."""
    if policy is None:
        return None
    if policy.require_signature:
        return verify(data, minisig, policy.trusted_keys)
    if minisig is None or not policy.trusted_keys:
        return None
    return verify(data, minisig, policy.trusted_keys)
