"""Entry script of the bundled executable: PyInstaller needs a file, not a console-script."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
