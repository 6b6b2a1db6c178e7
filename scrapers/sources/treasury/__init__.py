"""treasury source package."""
