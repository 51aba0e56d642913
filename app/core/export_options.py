"""The exports' bounds and defaults, apart from the builders so that the command line can show
them in its help without importing the builders (and phonenumbers) on every start."""

from __future__ import annotations

from typing import Final, Literal

DEFAULT_DAYS: Final = 90
MIN_DAYS: Final = 1
MAX_DAYS: Final = 366

VCardVersion = Literal["3.0", "4.0"]
VCARD_VERSIONS: Final[tuple[VCardVersion, ...]] = ("3.0", "4.0")
#: what Outlook imports faithfully; phones, Thunderbird and Google Contacts read it too
DEFAULT_VCARD_VERSION: Final[VCardVersion] = "3.0"
