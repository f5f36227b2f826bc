from gasdesk.app import main

raise SystemExit(main())
