"""Federal Register: OFAC's notices of sanctions actions, the official publication of each action."""
