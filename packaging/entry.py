"""The program an application bundle starts: GasDesk's own entry point, imported from
the installed package (not from a source tree)."""

from gasdesk.app import main

raise SystemExit(main())
