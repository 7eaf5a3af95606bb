"""The explorer (`sco-digital serve`): its database, command line and pages in a browser."""
