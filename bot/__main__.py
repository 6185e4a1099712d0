"""``python -m bot`` runs the same command line as ``storybot``."""

from bot.cli import main

raise SystemExit(main())
