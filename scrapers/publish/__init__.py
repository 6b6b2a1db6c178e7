"""Publishing: Datasette serving, status and plugins."""
