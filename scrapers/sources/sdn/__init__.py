"""sdn source package."""
