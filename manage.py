#!/usr/bin/env python
"""Django's command-line utility for Gongkai (same as ``python -m gongkai.manage``)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from gongkai.manage import main

if __name__ == "__main__":
    main()
