"""`python -m banmian` runs the command line."""
import sys

from banmian.cli import main

sys.exit(main())
