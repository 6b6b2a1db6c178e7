"""doj source package."""
