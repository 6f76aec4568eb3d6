#!/usr/bin/env python
"""Same as the `fazhi` command."""

from fazhi.__main__ import main

if __name__ == "__main__":
    main()
